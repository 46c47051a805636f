namespace Comity.Law;

/// <summary>The decision for one hit: one or more entries per listing and the overall action by precedence.</summary>
public sealed record Decision
{
    public required LawAction Overall { get; init; }

    /// <summary>One listing requires <c>freeze</c> and another entry <c>must_not_comply</c>.</summary>
    public required bool Conflict { get; init; }

    public required IReadOnlyList<DecisionEntry> Entries { get; init; }

    /// <summary>The overall action (or the conflict) rests only on unconfirmed data.</summary>
    public required bool Unconfirmed { get; init; }

    public required ScreenerProfile Profile { get; init; }

    /// <summary>General notes (e.g. sealed ICC warrants for authorities).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Regimes binding the screener whose lists were not seen in full (not loaded, a sample, stale): the
    /// decision cannot say the subject is not listed under them.</summary>
    public IReadOnlyList<CoverageGap> Coverage { get; init; } = [];
}
