using Comity.Core.Model;
using Comity.Law.Data;

namespace Comity.Law.Icc;

/// <summary>A row of <c>data/icc/us-eo14203-designations.csv</c>.</summary>
internal sealed record Designation(
    string Id, string Name, string Program, DateOnly Designated, PartialDate? Delisted, string EnforcementStatus,
    string EnforcementNote, bool Unconfirmed, string Sources, int Line)
{
    public static readonly string[] Columns =
    [
        "id", "name", "aliases", "entity_type", "nationality", "role", "program", "designated", "delisted", "enforcement_status",
        "enforcement_note", "verification", "sources",
    ];

    private static readonly Dictionary<string, string> Enforcement = new(StringComparer.Ordinal)
    {
        ["enforced"] = "enforced",
        ["enjoined"] = "enjoined",
        ["unknown"] = "unknown",
    };

    public static Designation Parse(CsvRecord r) => new(
        r.Required("id"), r.Required("name"), r.Required("program"), r.Date("designated"), r.OptionalPartialDate("delisted"),
        r.OneOf("enforcement_status", Enforcement), r.Text("enforcement_note"), r.Unconfirmed(), r.Text("sources"), r.Line);

    public string UnconfirmedReason =>
        $"designation {Id} is unconfirmed: {EnforcementNote} (sources: {Sources}; us-eo14203-designations.csv line {Line})";
}

/// <summary>A dated enforcement interval for a designation (e.g. an injunction), from <c>data/law/eo14203-enforcement.csv</c>.</summary>
internal sealed record EnforcementInterval(string DesignationId, string Status, DateOnly From, DateOnly? Until, Fact Fact)
{
    public static readonly string[] Columns = ["designation_id", "status", "from", "until", "version", "verification", "reason", "sources"];

    private static readonly Dictionary<string, string> Statuses = new(StringComparer.Ordinal) { ["enjoined"] = "enjoined" };

    public bool Covers(DateOnly d) => d >= From && (Until is null || d < Until.Value);

    public static EnforcementInterval Parse(CsvRecord r) => new(
        r.Required("designation_id"), r.OneOf("status", Statuses), r.Date("from"), r.OptionalDate("until"),
        Fact.From(r, r.Optional("reason")));
}
