using System.Globalization;
using Comity.Application.Law;
using Comity.Law;
using Comity.Server.Ui.Map;

namespace Comity.Server.Ui.Pages.Obligations;

/// <summary>Who must arrest a warrant subject on a date: the law engine's obligations report (through
/// <see cref="WarrantLookup"/>, as <c>comity obligations</c>) drawn as a world map coloured by each state's standing
/// (<see cref="IccStateCategories"/>), a legend with counts, and the table of states with their legal basis.</summary>
internal sealed class IndexModel(CorpusHost host, Lazy<LawEngine> law) : UiPage
{
    /// <summary>The slider's first day: the Rome Statute's entry into force.</summary>
    public static readonly DateOnly Origin = new(2002, 7, 1);

    public string? Subject { get; private set; }

    public DateOnly AsOf { get; private set; }

    public string? Error { get; private set; }

    public WarrantAnswer? Answer { get; private set; }

    /// <summary>Warrant subjects for the picker: id and name, from the ICC list in the corpus.</summary>
    public IReadOnlyList<(string Id, string Name)> Subjects { get; private set; } = [];

    /// <summary>The report's rows by ISO code.</summary>
    public IReadOnlyDictionary<string, StateObligation> States { get; private set; } = new Dictionary<string, StateObligation>();

    public int SliderMax => (Today.AddYears(3).DayNumber - Origin.DayNumber);

    public int SliderValue => Math.Clamp(AsOf.DayNumber - Origin.DayNumber, 0, SliderMax);

    public void OnGet(string? subject, string? date)
    {
        AsOf = Today;
        Subjects = host.Current?.Corpus.Entities.Where(e => e.Source == "icc-warrants")
            .Select(e => (e.SourceId, e.Caption)).OrderBy(x => x.Caption, StringComparer.Ordinal).ToList() ?? [];
        if (!string.IsNullOrWhiteSpace(date))
        {
            if (DateOnly.TryParseExact(date.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                AsOf = d;
            }
            else
            {
                Error = "Date: expected yyyy-MM-dd.";
                return;
            }
        }

        Subject = subject?.Trim();
        if (string.IsNullOrEmpty(Subject))
        {
            return;
        }

        if (Subject.Length > Comity.Core.Model.QueryLimits.MaxNameChars)
        {
            Error = "The name is too long.";
            return;
        }

        Answer = WarrantLookup.Resolve(law.Value, Subject, AsOf);
        States = Answer.Report.States.ToDictionary(s => s.Iso2.ToUpperInvariant(), StringComparer.Ordinal);
    }

    /// <summary>The category of a map shape (states with no row have never been parties: non-parties).</summary>
    public IccStateCategory CategoryOf(string? iso2) =>
        iso2 is not null && States.TryGetValue(iso2, out var s) ? IccStateCategories.Of(s) : IccStateCategory.NonParty;

    /// <summary>Counts per category over every state the map or the report knows.</summary>
    public IReadOnlyDictionary<IccStateCategory, int> Counts()
    {
        var isos = new HashSet<string>(States.Keys, StringComparer.Ordinal);
        foreach (var shape in WorldMap.Shapes)
        {
            if (shape.Iso2 is { } i)
            {
                isos.Add(i);
            }
        }

        return IccStateCategories.All.ToDictionary(c => c, c => isos.Count(i => CategoryOf(i) == c));
    }

    /// <summary>The state's own answer rests on unconfirmed data (beyond an unconfirmed warrant).</summary>
    public bool StateUnconfirmed(StateObligation s) => IccStateCategories.UnconfirmedForState(s, Answer?.Report.Warrant);

    /// <summary>The state's Art 87(7) non-compliance findings on the date (none for a state without a row).</summary>
    public IReadOnlyList<Comity.Law.Icc.NonComplianceFinding> Findings(string? iso2) =>
        iso2 is not null && States.TryGetValue(iso2, out var s) ? s.NonCompliance : [];

    /// <summary>What hovering or focusing a state shows: its standing, the action and the legal basis, then any Art 87(7)
    /// finding against it (date, matter, outcome, verification).</summary>
    public string Detail(StateObligation s) =>
        $"{s.Party.Summary}. {s.Action.ToWire().Replace('_', ' ')}: {s.Explanation}. Basis: {s.Basis}."
        + (s.Flags.Count > 0 ? " Flags: " + string.Join("; ", s.Flags) + "." : string.Empty)
        + (s.Unconfirmed ? " UNCONFIRMED: " + s.Reason : string.Empty)
        + string.Concat(s.NonCompliance.Select(f => " " + FindingText(f) + "."));

    /// <summary>One finding in words, saying whether it concerned the warrant shown.</summary>
    public string FindingText(Comity.Law.Icc.NonComplianceFinding f) =>
        f.Summary + (f.WarrantId is { } id && Answer?.Report.Warrant?.Id == id ? " (this warrant)" : string.Empty)
        + (f.Unconfirmed ? $" (sources: {f.Sources})" : string.Empty);

    /// <summary>The short label of a state's findings for the map's names: "Art 87(7) finding 2024-10-24".</summary>
    public static string FindingLabel(IReadOnlyList<Comity.Law.Icc.NonComplianceFinding> findings) =>
        findings.Count == 0 ? string.Empty : "; Art 87(7) non-compliance finding " + string.Join(", ", findings.Select(f => f.Finding));

    public const string NonPartyDetail = "Never a party: no Rome Statute duty to arrest; ad hoc cooperation only (Art 87(5)).";
}
