using Comity.Core.Matching;
using Comity.Core.Model;

namespace Comity.Application.Screening;

/// <summary>One scored hit, with whether it is a match at the run's threshold.</summary>
public sealed record Hit(ScoredEntity Scored, bool Match)
{
    public Entity Entity => Scored.Entity;

    public double Score => Scored.Score;
}

/// <summary>The hits for one query, best first.</summary>
public sealed record ScreeningResult(Query Query, IReadOnlyList<Hit> Hits)
{
    public bool HasMatch => Hits.Any(h => h.Match);
}
