using Comity.Core.Model;

namespace Comity.Core.Matching;

/// <summary>A query ranked against an index without explanations: the candidates' entities and scores in rank order
/// (score descending, then entity id), and <see cref="Explain"/> for the ones a caller reports, so that only what is
/// output is explained. Holds the query's analysis until disposed; not thread-safe.</summary>
public sealed class RankedQuery : IDisposable
{
    private readonly MatchIndex _index;
    private readonly QueryContext? _context;
    private readonly (int Entity, double Score)[] _ranked;

    internal RankedQuery(MatchIndex index, QueryContext? context, (int Entity, double Score)[] ranked)
    {
        _index = index;
        _context = context;
        _ranked = ranked;
    }

    public int Count => _ranked.Length;

    /// <summary>The candidate at rank <paramref name="i"/>.</summary>
    public Entity EntityAt(int i) => _index.EntityAt(_ranked[i].Entity);

    /// <summary>Its score: the one <see cref="Explain"/> returns with the explanation.</summary>
    public double ScoreAt(int i) => _ranked[i].Score;

    /// <summary>The candidate at rank <paramref name="i"/> with its explanation (scored again, with the same result).</summary>
    public ScoredEntity Explain(int i) => _index.Explain(_context!, _ranked[i].Entity);

    /// <summary>The deterministic work count so far (see <c>QueryContext.Work</c>).</summary>
    internal long Work => _context?.Work ?? 0;

    public void Dispose() => _context?.Dispose();
}
