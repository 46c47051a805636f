using System.Collections.Immutable;
using Comity.Core.Model;

namespace Comity.Core.Matching;

/// <summary>One feature's part in a score: what fired, on which values, with what weight.</summary>
/// <param name="Feature">Stable reason code, e.g. <c>name_match</c>, <c>dob_year_disjoint</c>, <c>identifier_match</c>.</param>
/// <param name="Score">The feature's own value in [0, 1].</param>
/// <param name="Weight">Its weight (negative for penalties).</param>
/// <param name="Contribution">What it added to (or took from) the final score.</param>
/// <param name="Query">The query value that produced it, if any.</param>
/// <param name="Candidate">The listed value that produced it, if any.</param>
/// <param name="Detail">Human-readable detail, e.g. token alignment <c>marek=marek 1.00; ilich~ilyich 0.83</c>.</param>
public sealed record FeatureContribution(
    string Feature,
    double Score,
    double Weight,
    double Contribution,
    string? Query,
    string? Candidate,
    string? Detail);

/// <summary>Why a candidate got its score.</summary>
/// <param name="MatchedName">The listed name (alias) that aligned best.</param>
/// <param name="QueryName">The query name that aligned best.</param>
/// <param name="Features">Every feature that fired, penalties included.</param>
public sealed record Explanation(string MatchedName, string QueryName, ImmutableArray<FeatureContribution> Features);

/// <summary>A scored candidate.</summary>
public sealed record ScoredEntity(Entity Entity, double Score, Explanation Explanation);

/// <summary>Options for building the index and scoring. Defaults are the calibrated ones.</summary>
public sealed record MatcherOptions
{
    /// <summary>Default match threshold, chosen by calibration (see README, "Accuracy"): on the dev split of
    /// <c>data/eval</c>, the threshold with the best F1 on labelled name pairs among those that raise false alerts for
    /// at most 1 % of a generated non-listed population of persons and of companies (default corpus, 2026-12-02: dev F1
    /// 0.906, precision 0.970, recall 0.851; false alerts 0.99 % of persons, 0.63 % of companies). <c>CalibrationTests</c> re-derives it.</summary>
    public const double DefaultThreshold = 0.65;

    public double Threshold { get; init; } = DefaultThreshold;

    /// <summary>Maximum number of candidates retrieved from the index and fully scored per query.</summary>
    public int CandidateBudget { get; init; } = 200;

    /// <summary>Name score below which qualifiers (dates, countries, gender, identifiers) are not looked at: they
    /// re-rank plausible names, they never rescue implausible ones.</summary>
    public double QualifierGate { get; init; } = 0.5;

    /// <summary>Factor applied to a name score obtained on a weak alias (lower-confidence evidence).</summary>
    public double WeakAliasFactor { get; init; } = 0.9;
}
