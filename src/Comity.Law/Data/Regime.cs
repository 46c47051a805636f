namespace Comity.Law.Data;

/// <summary>A sanctions or warrant regime: whom it binds and what a binding listing requires.</summary>
internal sealed record Regime(
    string Id, string Name, string Binds, LawAction BindingAction, string Basis, ReportDuty? Report, Fact Fact)
{
    public static readonly string[] Columns =
    [
        "regime", "name", "binds", "binding_action", "basis", "report_to", "report_within_days", "report_days", "report_basis",
        "report_verification", "version", "verification", "reason", "sources",
    ];

    public static Regime Parse(CsvRecord r)
    {
        var binds = r.Required("binds");
        if (binds is not ("un" or "eu" or "uk" or "us" or "icc") && !binds.StartsWith("country:", StringComparison.Ordinal))
        {
            throw r.Error($"column 'binds': '{binds}' is not one of un, eu, uk, us, icc, country:XX");
        }

        var action = LawActions.TryParse(r.Required("binding_action"), out var a)
            ? a
            : throw r.Error($"column 'binding_action': '{r.Text("binding_action")}' is not an action");
        var report = r.Optional("report_to") is { } to
            ? new ReportDuty(to, r.OptionalInt("report_within_days"), r.Optional("report_days"), null,
                r.Required("report_basis"), r.Unconfirmed("report_verification"))
            : null;
        return new Regime(r.Required("regime"), r.Required("name"), binds, action, r.Required("basis"), report,
            Fact.From(r, r.Optional("reason")));
    }
}
