using System.Text.Json.Nodes;
using Comity.Law;

namespace Comity.Application.Monitoring;

/// <summary>The screener profile of a portfolio without its date: decisions are made as of the day each screening or
/// re-decision runs. <see cref="None"/>: no profile, hits without decisions.</summary>
internal sealed record PortfolioProfile(string? Jurisdiction, Role Role = Role.Financial, bool UsPerson = false, bool UsNexus = false, bool UsSubsidiary = false, IReadOnlyList<string>? Assumptions = null)
{
    public static PortfolioProfile None { get; } = new((string?)null);

    public bool HasProfile => Jurisdiction is not null;

    /// <summary>The profile of <paramref name="profile"/> without its date.</summary>
    public static PortfolioProfile From(ScreenerProfile? profile) => profile is null
        ? None
        : new PortfolioProfile(profile.Jurisdiction, profile.Role, profile.UsPerson, profile.UsNexus, profile.UsSubsidiary, profile.Assumptions?.Order(StringComparer.Ordinal).ToList());

    /// <summary>The screener profile as of <paramref name="asOf"/>, or null without a jurisdiction.</summary>
    public ScreenerProfile? On(DateOnly asOf) => Jurisdiction is null
        ? null
        : new ScreenerProfile(Jurisdiction, Role, asOf, UsPerson, UsNexus, (Assumptions ?? []).ToHashSet(StringComparer.Ordinal), UsSubsidiary);

    /// <summary>Canonical JSON (the same profile always gives the same text).</summary>
    public string ToJson() => Jurisdiction is null
        ? "{}"
        : new JsonObject
        {
            ["jurisdiction"] = Jurisdiction,
            ["role"] = Role.ToString().ToLowerInvariant(),
            ["us_person"] = UsPerson,
            ["us_nexus"] = UsNexus,
            ["us_subsidiary"] = UsSubsidiary,
            ["assume"] = new JsonArray([.. (Assumptions ?? []).Order(StringComparer.Ordinal).Select(a => (JsonNode)JsonValue.Create(a))]),
        }.ToJsonString();

    public static PortfolioProfile FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var o = JsonNode.Parse(json)!.AsObject();
        if (o["jurisdiction"]?.GetValue<string>() is not { } j)
        {
            return None;
        }

        var role = Enum.Parse<Role>(o["role"]!.GetValue<string>(), ignoreCase: true);
        return new PortfolioProfile(
            j, role, o["us_person"]?.GetValue<bool>() ?? false, o["us_nexus"]?.GetValue<bool>() ?? false, o["us_subsidiary"]?.GetValue<bool>() ?? false,
            o["assume"] is JsonArray a ? [.. a.Select(x => x!.GetValue<string>())] : []);
    }
}
