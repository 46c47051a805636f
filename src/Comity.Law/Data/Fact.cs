namespace Comity.Law.Data;

/// <summary>Provenance shared by every fact in the law data: version (date checked), sources and verification.</summary>
internal sealed record Fact(string File, int Line, string Version, string Sources, bool Unconfirmed, string? Reason)
{
    public static Fact From(CsvRecord r, string? reason = null) =>
        new(r.File, r.Line, r.Required("version"), r.Text("sources"), r.Unconfirmed(), reason);

    /// <summary>The reason to show when a decision relies on this fact while it is unconfirmed.</summary>
    public string UnconfirmedReason(string subject) =>
        $"{subject}: {Reason ?? "not verified against an official source"} (sources: {Sources}; {File} line {Line})";
}
