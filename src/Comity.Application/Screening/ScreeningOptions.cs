using Comity.Core.Matching;

namespace Comity.Application.Screening;

/// <summary>How a screening run reports hits. Defaults in one place.</summary>
public sealed record ScreeningOptions
{
    /// <summary><c>match</c> is <c>score &gt;= Threshold</c>.</summary>
    public double Threshold { get; init; } = MatcherOptions.DefaultThreshold;

    /// <summary>Hits scoring below this are not reported.</summary>
    public double MinScore { get; init; } = 0.5;

    /// <summary>At most this many hits per query.</summary>
    public int Limit { get; init; } = 5;
}
