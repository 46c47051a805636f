using System.Collections.Immutable;
using Comity.Application.Linking;
using Comity.Core.Matching;
using Comity.Core.Model;

namespace Comity.Application.Screening;

/// <summary>One scored hit, with whether it is a match at the run's threshold.</summary>
/// <param name="Listings">Every list that names this subject, this hit's own listing first.</param>
public sealed record Hit(ScoredEntity Scored, bool Match, ImmutableArray<SubjectListing> Listings)
{
    public Entity Entity => Scored.Entity;

    public double Score => Scored.Score;
}

/// <summary>The hits for one query, best first.</summary>
public sealed record ScreeningResult(Query Query, IReadOnlyList<Hit> Hits)
{
    public bool HasMatch => Hits.Any(h => h.Match);
}
