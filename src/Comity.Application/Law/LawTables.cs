using System.Globalization;
using System.Text;
using Comity.Law;

namespace Comity.Application.Law;

/// <summary>Plain-text rendering of law reports for <c>comity obligations --format table</c>, <c>comity regimes</c>
/// and the decision part of <c>comity screen</c>. Lines end with <c>\n</c>.</summary>
internal static class LawTables
{
    public static string Obligations(ObligationsReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var sb = new StringBuilder();
        switch (report.Resolution)
        {
            case WarrantResolution.NotFound:
                Line(sb, $"No ICC warrant matches '{report.Query}'.");
                Notes(sb, report.Notes);
                return sb.ToString();
            case WarrantResolution.Ambiguous:
                Line(sb, $"'{report.Query}' is ambiguous: {report.Candidates.Count} warrants match. Ask again with an id:");
                var candidates = new TextTable("ID", "NAME", "SITUATION", "STATUS");
                foreach (var c in report.Candidates)
                {
                    candidates.Add(c.Id, c.Name, c.Situation, c.Status);
                }

                candidates.Write(sb);
                return sb.ToString();
        }

        var w = report.Warrant!;
        Line(sb, $"{w.Name} ({w.Id})");
        Line(sb, $"{w.Instrument} issued {w.Issued}; situation {w.Situation}; status {w.Status}"
            + (w.StatusDate is { } sd ? $" ({LawJson.Date(sd)})" : string.Empty) + (w.Unconfirmed ? "; UNCONFIRMED" : string.Empty));
        Line(sb, $"As of {LawJson.Date(report.AsOf)}: {report.Counts.Parties} states parties; {report.Counts.MustArrest} must arrest"
            + $" ({report.Counts.MustArrestArt127} under Art 127(2)); {report.Counts.Flagged} answers rest on unconfirmed data"
            + (report.Counts.NonCompliance > 0 ? $"; {report.Counts.NonCompliance} with an Art 87(7) non-compliance finding." : "."));
        sb.Append('\n');
        var table = new TextTable("STATE", "NAME", "PARTY STATUS", "ACTION", "FLAGS") { MaxCellWidth = 60 };
        foreach (var s in report.States)
        {
            var flags = s.Flags.Select(f => f.StartsWith("Art 98(2)", StringComparison.Ordinal) ? "Art 98(2)" : f).ToList();
            if (s.Unconfirmed)
            {
                flags.Insert(0, "unconfirmed");
            }

            flags.AddRange(s.NonCompliance.Select(f => $"Art 87(7) finding {f.Finding}"));
            table.Add(s.Iso2, s.Name, s.Party.Summary, s.Action.ToWire(), string.Join(", ", flags));
        }

        table.Write(sb);
        sb.Append('\n');
        Notes(sb, report.Notes);
        return sb.ToString();
    }

    public static string Regimes(RegimesReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var p = report.Profile;
        var sb = new StringBuilder();
        Line(sb, $"Screener: {LawJson.RoleName(p.Role)} in {report.Jurisdiction} on {LawJson.Date(p.AsOf)}"
            + (p.UsPerson ? ", US person" : string.Empty) + (p.UsSubsidiary ? ", subsidiary of a US entity" : string.Empty)
            + (p.UsNexus ? ", US nexus" : string.Empty)
            + (p.Assumptions is { Count: > 0 } a ? $"; assuming {string.Join(", ", a.Order(StringComparer.Ordinal))}" : string.Empty));
        sb.Append('\n');
        var regimes = new TextTable("REGIME", "BINDS", "WHY", "REPORT TO");
        foreach (var r in report.Regimes)
        {
            regimes.Add(r.Id, r.Binds ? (r.Unconfirmed ? "yes (unconfirmed)" : "yes") : "no", r.Why, r.Report is null ? string.Empty : Report(r.Report));
        }

        regimes.Write(sb);
        sb.Append('\n');
        if (report.BlockedMeasures.Count > 0)
        {
            Line(sb, "Foreign measures a blocking statute forbids complying with (without prior authorisation):");
            var blocked = new TextTable("STATUTE", "MEASURE", "FROM", "NOTIFY", "NOTE");
            foreach (var m in report.BlockedMeasures)
            {
                blocked.Add(m.Statute, m.MeasureName, m.From is { } f ? LawJson.Date(f) : "-", m.Report is null ? string.Empty : Report(m.Report),
                    m.Hypothetical is { } h ? $"hypothetical ({h})" : m.Unconfirmed ? "unconfirmed" : string.Empty);
            }

            blocked.Write(sb);
            sb.Append('\n');
        }

        Line(sb, $"ICC: {report.IccParty.Summary}{(report.IccParty.Unconfirmed ? " (unconfirmed)" : string.Empty)}.");
        Line(sb, $"     {report.IccDuty}.");
        Notes(sb, report.Notes);
        return sb.ToString();
    }

    public static string Decision(Decision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var sb = new StringBuilder();
        Line(sb, $"Action: {decision.Overall.ToWire()}" + (decision.Conflict ? " (CONFLICT: freeze and must_not_comply)" : string.Empty)
            + (decision.Unconfirmed ? " (relies on unconfirmed data)" : string.Empty));
        var table = new TextTable("LISTING", "REGIME", "PROGRAMME", "ACTION", "REPORT TO", "BASIS") { MaxCellWidth = 60 };
        foreach (var e in decision.Entries)
        {
            table.Add(e.ListingId, e.Regime, e.Programme ?? string.Empty, e.Action.ToWire() + (e.Unconfirmed ? "*" : string.Empty),
                e.Report is null ? string.Empty : Report(e.Report), e.Basis);
        }

        table.Write(sb);
        if (decision.Entries.Any(e => e.Unconfirmed))
        {
            Line(sb, "* relies on unconfirmed data");
        }

        Notes(sb, decision.Notes);
        return sb.ToString();
    }

    private static string Report(ReportDuty r) =>
        r.To + (r.WithinDays is { } d ? string.Create(CultureInfo.InvariantCulture, $", {d} {r.Days ?? "calendar"} days") : string.Empty)
        + (r.When is { } w ? $", {w}" : string.Empty);

    private static void Notes(StringBuilder sb, IReadOnlyList<string> notes)
    {
        foreach (var n in notes)
        {
            Line(sb, "Note: " + n);
        }
    }

    private static void Line(StringBuilder sb, string text) => sb.Append(text).Append('\n');
}
