namespace Comity.Server.Security;

/// <summary>What a caller may do; each role includes the ones below it.</summary>
internal enum AccessRole
{
    /// <summary>Screen (<c>/match</c>, <c>/search</c>, <c>/v1/screen</c>) and read lists.</summary>
    Screener = 1,

    /// <summary>Also read and review alerts and read the audit log.</summary>
    Analyst = 2,

    /// <summary>Also reload lists and verify the audit chain.</summary>
    Admin = 3,
}

/// <summary>The authenticated caller: key name (the actor in alerts, reviews and the audit log) and role.</summary>
internal sealed record Caller(string Name, AccessRole Role, bool Authenticated)
{
    public static readonly Caller Anonymous = new("anonymous", AccessRole.Admin, false);

    public const string ItemKey = "comity.caller";

    public static AccessRole? ParseRole(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "screener" => AccessRole.Screener,
        "analyst" => AccessRole.Analyst,
        "admin" => AccessRole.Admin,
        _ => null,
    };

    public static string RoleName(AccessRole role) => role switch
    {
        AccessRole.Analyst => "analyst",
        AccessRole.Admin => "admin",
        _ => "screener",
    };
}
