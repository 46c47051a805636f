using Comity.Law.Icc;

namespace Comity.Law;

/// <summary>How a warrant query was resolved.</summary>
public enum WarrantResolution
{
    Found,
    NotFound,
    Ambiguous,
}

/// <summary>The facts of one ICC warrant or summons as recorded in data/icc/warrants.csv.</summary>
public sealed record WarrantSummary(
    string Id, string Name, IReadOnlyList<string> Aliases, string Situation, string CaseName, string Instrument, string Issued,
    string Status, DateOnly? StatusDate, string StatusNote, bool Unconfirmed, string? Reason);

/// <summary>One state's duty under a warrant on a date.</summary>
public sealed record StateObligation(
    string Iso2, string Name, PartyStatus Party, LawAction Action, string Basis, string Explanation, bool Unconfirmed, string? Reason,
    IReadOnlyList<string> Flags)
{
    /// <summary>Art 87(7) non-compliance findings against the state made on or before the report's date (any warrant),
    /// oldest first. They record the state's past conduct; they do not change its duty.</summary>
    public IReadOnlyList<NonComplianceFinding> NonCompliance { get; init; } = [];
}

/// <summary>Counts over <see cref="ObligationsReport.States"/>.</summary>
/// <param name="Parties">States parties on the date.</param>
/// <param name="MustArrest">States with an <c>arrest</c> action (parties, Art 127(2) former parties, Art 12(3) or referral states).</param>
/// <param name="MustArrestArt127">Of which former parties under Art 127(2).</param>
/// <param name="Flagged">States whose answer rests on unconfirmed data.</param>
/// <param name="NotBound">Listed states with no arrest duty (every state without a row is also not bound).</param>
public sealed record ObligationCounts(int Parties, int MustArrest, int MustArrestArt127, int Flagged, int NotBound)
{
    /// <summary>States with at least one Art 87(7) non-compliance finding on or before the date.</summary>
    public int NonCompliance { get; init; }
}

/// <summary>Who must arrest whom on a date: every state that is, was, or is otherwise bound to cooperate with the Court.</summary>
public sealed record ObligationsReport
{
    public required string Query { get; init; }

    public required DateOnly AsOf { get; init; }

    public required WarrantResolution Resolution { get; init; }

    public WarrantSummary? Warrant { get; init; }

    /// <summary>When ambiguous: every matching warrant.</summary>
    public IReadOnlyList<WarrantSummary> Candidates { get; init; } = [];

    public IReadOnlyList<StateObligation> States { get; init; } = [];

    public ObligationCounts Counts { get; init; } = new(0, 0, 0, 0, 0);

    public IReadOnlyList<string> Notes { get; init; } = [];
}
