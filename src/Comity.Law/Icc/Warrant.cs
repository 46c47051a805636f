using Comity.Core.Model;
using Comity.Law.Data;

namespace Comity.Law.Icc;

/// <summary>A row of <c>data/icc/warrants.csv</c>.</summary>
internal sealed record Warrant(
    string Id, string Name, IReadOnlyList<string> Aliases, IReadOnlyList<string> Nationalities, string Situation,
    string CaseName, bool IsSummons, PartialDate Issued, string Status, DateOnly? StatusDate, string StatusNote,
    bool Unconfirmed, string Sources, int Line)
{
    public static readonly string[] Columns =
    [
        "id", "name", "aliases", "gender", "nationality", "date_of_birth", "situation", "case_name", "instrument", "issued",
        "status", "status_date", "status_note", "charges_summary", "verification", "sources",
    ];

    public static readonly string[] Statuses =
    [
        "at_large", "in_custody", "surrendered_on_trial", "convicted", "acquitted", "deceased", "withdrawn", "terminated",
        "charges_not_confirmed", "inadmissible",
    ];

    private static readonly Dictionary<string, bool> Instruments = new(StringComparer.Ordinal) { ["warrant"] = false, ["summons"] = true };

    public bool AtLarge => Status == "at_large";

    public static Warrant Parse(CsvRecord r)
    {
        var status = r.Required("status");
        if (!Statuses.Contains(status, StringComparer.Ordinal))
        {
            throw r.Error($"column 'status': '{status}' is not one of {string.Join(", ", Statuses)}");
        }

        _ = r.OptionalPartialDate("date_of_birth");
        return new Warrant(
            r.Required("id"), r.Required("name"), Split(r.Text("aliases")), Split(r.Text("nationality")), r.Required("situation"),
            r.Text("case_name"), r.OneOf("instrument", Instruments),
            r.OptionalPartialDate("issued") ?? throw r.Error("column 'issued' is empty"), status, r.OptionalDate("status_date"),
            r.Text("status_note"), r.Unconfirmed(), r.Text("sources"), r.Line);
    }

    public string UnconfirmedReason =>
        $"warrant row {Id} is unconfirmed (sources: {Sources}; warrants.csv line {Line})";

    private static string[] Split(string text) =>
        text.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
