using Comity.Law.Icc;

namespace Comity.Law;

/// <summary>Whether one regime binds the screener, and why.</summary>
public sealed record RegimeStatus(
    string Id, string Name, bool Binds, string Why, string Basis, ReportDuty? Report, bool Unconfirmed, string? Reason,
    string Version, string Sources);

/// <summary>A foreign measure a blocking statute binding the screener forbids complying with.</summary>
public sealed record BlockedMeasure(
    string Statute, string StatuteName, string Measure, string MeasureName, DateOnly? From, string? Hypothetical, string Basis,
    ReportDuty? Report, bool Unconfirmed, string? Reason, string Sources);

/// <summary>What binds a screener on a date: regimes, blocking statutes and their annexes, ICC party status.</summary>
public sealed record RegimesReport
{
    public required ScreenerProfile Profile { get; init; }

    public required string Jurisdiction { get; init; }

    public required bool EuLawApplies { get; init; }

    public required IReadOnlyList<RegimeStatus> Regimes { get; init; }

    public required IReadOnlyList<BlockedMeasure> BlockedMeasures { get; init; }

    public required PartyStatus IccParty { get; init; }

    /// <summary>What an active ICC warrant means for this screener.</summary>
    public required string IccDuty { get; init; }

    public IReadOnlyList<string> Notes { get; init; } = [];
}
