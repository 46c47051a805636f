namespace Comity.Law.Data;

/// <summary>A blocking statute: whom it binds and what it requires when an annexed foreign measure is applied.</summary>
internal sealed record BlockingStatute(
    string Id, string Name, string Binds, DateOnly InForce, string Basis, ReportDuty? Report, Fact Fact)
{
    public static readonly string[] Columns =
    [
        "statute", "name", "binds", "in_force", "basis", "report_to", "report_within_days", "report_days", "report_basis",
        "version", "verification", "reason", "sources",
    ];

    public static BlockingStatute Parse(CsvRecord r)
    {
        var binds = r.Required("binds");
        if (binds is not ("eu" or "gb" or "ca-corp"))
        {
            throw r.Error($"column 'binds': '{binds}' is not one of eu, gb, ca-corp");
        }

        var days = r.Optional("report_days");
        var report = r.Optional("report_to") is { } to
            ? new ReportDuty(to, r.OptionalInt("report_within_days"), days == "forthwith" ? null : days,
                days == "forthwith" ? "forthwith" : null, r.Required("report_basis"), r.Unconfirmed())
            : null;
        return new BlockingStatute(r.Required("statute"), r.Required("name"), binds, r.Date("in_force"), r.Required("basis"),
            report, Fact.From(r, r.Optional("reason")));
    }
}

/// <summary>A foreign measure listed in a blocking statute's annex from a date (an annex change is a data change).</summary>
internal sealed record AnnexEntry(string Statute, string Measure, string Name, DateOnly From, DateOnly? Until, Fact Fact)
{
    public static readonly string[] Columns = ["statute", "measure", "name", "from", "until", "version", "verification", "reason", "sources"];

    public bool InForce(DateOnly d) => d >= From && (Until is null || d < Until.Value);

    public static AnnexEntry Parse(CsvRecord r) => new(
        r.Required("statute"), r.Required("measure"), r.Required("name"), r.Date("from"), r.OptionalDate("until"),
        Fact.From(r, r.Optional("reason")));
}

/// <summary>A named hypothesis (<c>--assume</c>) that adds a measure to a statute's annex.</summary>
internal sealed record Overlay(string Name, string Statute, string Measure, string Description, string Version, string Sources)
{
    public static readonly string[] Columns = ["name", "statute", "measure", "description", "version", "sources"];

    public static Overlay Parse(CsvRecord r) => new(
        r.Required("name"), r.Required("statute"), r.Required("measure"), r.Required("description"), r.Required("version"),
        r.Text("sources"));
}
