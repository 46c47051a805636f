using System.Collections.Frozen;
using Comity.Core.Matching;

namespace Comity.Application.Screening;

/// <summary>How a screening run reports hits: the one set of knobs every front end (CLI, <c>/v1/screen</c>,
/// <c>/match</c>, <c>/search</c>) maps its wire format onto. Defaults in one place.</summary>
internal sealed record ScreeningOptions
{
    /// <summary>The one default threshold (calibrated; see the README's "How matching works").</summary>
    public static double DefaultThreshold => MatcherOptions.DefaultThreshold;

    public const double DefaultMinScore = 0.5;

    public const int DefaultLimit = 5;

    /// <summary>The most hits one query may ask for.</summary>
    public const int MaxLimit = 500;

    /// <summary><c>match</c> is <c>score &gt;= Threshold</c>.</summary>
    public double Threshold { get; init; } = DefaultThreshold;

    /// <summary>Hits scoring below this are not reported (a negative value also keeps hits scored 0, as yente's
    /// <c>cutoff=-1</c> does).</summary>
    public double MinScore { get; init; } = DefaultMinScore;

    /// <summary>At most this many hits (subjects) per query; 0 counts the matches (<see cref="ScreeningResult.Total"/>)
    /// without returning them.</summary>
    public int Limit { get; init; } = DefaultLimit;

    /// <summary>Which listed entities may be candidates.</summary>
    public CandidateScope Scope { get; init; } = CandidateScope.All;

    /// <summary>Per-feature weight overrides (feature name → weight; 0 switches a feature off). Empty: the scorer's
    /// own weights.</summary>
    public IReadOnlyDictionary<string, double> Weights { get; init; } = FrozenDictionary<string, double>.Empty;

    /// <summary>False scores names only (dates, countries, gender and identifiers ignored).</summary>
    public bool Qualifiers { get; init; } = true;

    /// <summary>Checks the ranges; returns the first problem as (field, message), or null.</summary>
    public (string Field, string Message)? Validate()
    {
        if (!double.IsFinite(Threshold) || Threshold is < 0 or > 1)
        {
            return ("threshold", "threshold must be a number in [0, 1]");
        }

        if (!double.IsFinite(MinScore) || MinScore is < 0 or > 1)
        {
            return ("min_score", "min_score must be a number in [0, 1]");
        }

        if (Limit is < 0 or > MaxLimit)
        {
            return ("limit", $"limit must be between 0 and {MaxLimit}");
        }

        foreach (var (feature, weight) in Weights)
        {
            if (!double.IsFinite(weight))
            {
                return ("weights." + feature, "weight must be a finite number");
            }
        }

        return null;
    }
}
