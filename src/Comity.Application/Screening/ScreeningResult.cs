using System.Collections.Immutable;
using Comity.Application.Linking;
using Comity.Core.Matching;
using Comity.Core.Model;
using Comity.Law;

namespace Comity.Application.Screening;

/// <summary>One scored hit: one subject (its best-scoring listing), with whether it is a match at the run's threshold.</summary>
/// <param name="Scored">The best-scoring listing, with the scorer's explanation.</param>
/// <param name="Score">The score after weight overrides, clamped to [0, 1] and rounded to 4 decimals (the precision
/// shown on every wire, so <c>match</c> always agrees with the score shown).</param>
/// <param name="Listings">Every list that names this subject, this hit's own listing first.</param>
/// <param name="Decision">What the law requires of the screener for this subject; only on a match, and only when a
/// profile was given.</param>
internal sealed record Hit(ScoredEntity Scored, double Score, bool Match, ImmutableArray<SubjectListing> Listings, Decision? Decision = null)
{
    public Entity Entity => Scored.Entity;
}

/// <summary>The hits for one query, best first (score descending, then entity id), at most the limit.</summary>
/// <param name="Total">How many subjects matched (may exceed the hits shown).</param>
/// <param name="Overall">One decision over every listing of every matching hit (what to do about this subject as a
/// whole); null when nothing matched or no profile was given.</param>
internal sealed record ScreeningResult(Query Query, IReadOnlyList<Hit> Hits, int Total = 0, Decision? Overall = null)
{
    /// <summary>With a profile: the binding regimes whose lists were not seen in full (empty when coverage is complete);
    /// null without a profile.</summary>
    public IReadOnlyList<CoverageGap>? Coverage { get; init; }

    public bool HasMatch => Total > 0;
}
