using Comity.Core.Model;
using Comity.Core.Text;

namespace Comity.Core.Matching;

/// <summary>An in-memory screening index over a set of entities: candidate retrieval plus the scorer.</summary>
/// <remarks>
/// Built once; thread-safe for concurrent queries afterwards (every query owns its analysis and memo). Names are
/// analysed once at build time; tokens are interned to ints and kept in flat arrays (no per-name objects), so a
/// million entities fit. Each alias is indexed separately and the best alias wins, so many aliases never hurt.
/// </remarks>
public sealed partial class MatchIndex
{
    private readonly Entity[] _entities;
    private readonly Vocabulary _vocabulary;
    private readonly NameTable _names;
    private readonly VariantTable _variants;
    private readonly CandidateRetriever _retriever;
    private readonly IdentifierIndex _identifiers;
    private readonly AcronymIndex _acronyms;
    private readonly EntityScorer _scorer;

    private MatchIndex(Entity[] entities, Vocabulary vocabulary, NameTable names, VariantTable variants, CandidateRetriever retriever,
        IdentifierIndex identifiers, AcronymIndex acronyms, MatcherOptions options)
    {
        _acronyms = acronyms;
        _entities = entities;
        _vocabulary = vocabulary;
        _names = names;
        _variants = variants;
        _retriever = retriever;
        _identifiers = identifiers;
        Options = options;
        _scorer = new EntityScorer(options);
    }

    public int Count => _entities.Length;

    public MatcherOptions Options { get; }

    /// <summary>Distinct normalised tokens in the index.</summary>
    internal int VocabularySize => _vocabulary.Count;

    /// <summary>Mined variant pairs.</summary>
    internal VariantTable Variants => _variants;

    internal Vocabulary Vocabulary => _vocabulary;

    internal CandidateRetriever Retriever => _retriever;

    public static MatchIndex Build(IReadOnlyList<Entity> entities, MatcherOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(entities);
        options ??= new MatcherOptions();
        var all = entities.ToArray();
        var analysed = new NameToken[all.Length][][];
        Parallel.For(0, all.Length, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount) }, e =>
        {
            var names = all[e].Names;
            var tokens = new NameToken[names.IsDefault ? 0 : names.Length][];
            for (var k = 0; k < tokens.Length; k++)
            {
                tokens[k] = NameNormalizer.Normalize(names[k].Full);
            }

            analysed[e] = tokens;
        });

        var builder = new Vocabulary.Builder();
        var entityFirstName = new int[all.Length + 1];
        var nameFirstToken = new GrowableInts(all.Length * 3);
        var sourceIndex = new List<ushort>(all.Length * 3);
        var pool = new GrowableInts(all.Length * 8);
        var postKeys = new GrowableInts(all.Length * 6);
        var postValues = new GrowableInts(all.Length * 6);
        for (var e = 0; e < all.Length; e++)
        {
            entityFirstName[e] = sourceIndex.Count;
            var names = analysed[e];
            for (var k = 0; k < names.Length && k < ushort.MaxValue; k++)
            {
                if (names[k].Length == 0)
                {
                    continue;
                }

                nameFirstToken.Add(pool.Count);
                sourceIndex.Add((ushort)k);
                var abjadName = AnalyzedName.WrittenInAbjad(all[e].Names[k].Full);
                foreach (var t in names[k])
                {
                    var id = builder.Intern(t, e, abjadName, out var firstInEntity);
                    pool.Add(id);
                    if (firstInEntity)
                    {
                        postKeys.Add(id);
                        postValues.Add(e);
                    }
                }
            }

            analysed[e] = null!;
        }

        entityFirstName[all.Length] = sourceIndex.Count;
        nameFirstToken.Add(pool.Count);
        var vocabulary = builder.Build(all.Length);
        var table = new NameTable(entityFirstName, nameFirstToken.ToArray(), pool.ToArray(), [.. sourceIndex]);
        var tokenEntities = Postings.Build(vocabulary.Count, postKeys.AsSpan(), postValues.AsSpan());
        var lookup = new TokenLookup(vocabulary);
        var variants = new VariantTable(VariantMiner.Mine(vocabulary, all.Length, table.NamesOf), vocabulary.Count);
        var retriever = new CandidateRetriever(vocabulary, lookup, variants, tokenEntities, new AffixIndex(vocabulary));
        return new MatchIndex(all, vocabulary, table, variants, retriever, IdentifierIndex.Build(all), AcronymIndex.Build(all, table, vocabulary), options);
    }

    /// <summary>Candidates from the index, fully scored; sorted by score descending then entity id ascending; at
    /// most <paramref name="limit"/>, each with score ≥ <paramref name="minScore"/>.</summary>
    /// <exception cref="QueryLimitException">The query exceeds a limit of <see cref="QueryLimits"/>.</exception>
    public IReadOnlyList<ScoredEntity> Match(Query query, int limit = 5, double minScore = 0.5) =>
        MatchCancellable(query, limit, minScore, CancellationToken.None);

    /// <summary>As <see cref="Match(Query, int, double)"/> (a distinct name, not an overload, so that the many callers of
    /// the short form are not asked by analysers to pass a token), stopping with <see cref="OperationCanceledException"/>
    /// soon after <paramref name="cancellationToken"/> is cancelled (a client gone, a time budget spent): it is
    /// checked between evidence groups of the retrieval and before each candidate is scored.</summary>
    /// <exception cref="QueryLimitException">The query exceeds a limit of <see cref="QueryLimits"/>.</exception>
    public IReadOnlyList<ScoredEntity> MatchCancellable(Query query, int limit, double minScore, CancellationToken cancellationToken) =>
        MatchCancellable(query, limit, minScore, cancellationToken, out _);

    /// <summary>The match, and the deterministic work count of <see cref="QueryContext.Work"/> (for tests).</summary>
    internal IReadOnlyList<ScoredEntity> MatchCancellable(Query query, int limit, double minScore, CancellationToken cancellationToken, out long work)
    {
        using var ranked = RankCancellable(query, limit, minScore, cancellationToken);
        var results = new List<ScoredEntity>(ranked.Count);
        for (var i = 0; i < ranked.Count; i++)
        {
            results.Add(ranked.Explain(i));
        }

        work = ranked.Work;
        return results;
    }

    /// <summary>As <see cref="MatchCancellable(Query, int, double, CancellationToken)"/>, without explanations: the same
    /// candidates with the same scores in the same order; <see cref="RankedQuery.Explain"/> explains the ones reported.
    /// Dispose the result.</summary>
    /// <exception cref="QueryLimitException">The query exceeds a limit of <see cref="QueryLimits"/>.</exception>
    public RankedQuery RankCancellable(Query query, int limit, double minScore, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        cancellationToken.ThrowIfCancellationRequested();
        var ctx = new QueryContext(query, _vocabulary, _variants) { Cancellation = cancellationToken };
        try
        {
            if (ctx.Names.Length == 0 || limit <= 0)
            {
                return new RankedQuery(this, ctx, []);
            }

            // Name candidates, plus every entity sharing a strong identifier with the query (a renamed vessel by its IMO).
            var candidates = _acronyms.Merge(ctx, _identifiers.Merge(query.Identifiers, _retriever.Retrieve(ctx, minScore, Options.CandidateBudget)));
            return new RankedQuery(this, ctx, RankScores(ctx, candidates, limit, minScore));
        }
        catch
        {
            ctx.Dispose();
            throw;
        }
    }

    /// <summary>Every entity scored by the same scorer (brute force): the reference for recall and benchmarks.</summary>
    public IReadOnlyList<ScoredEntity> MatchExhaustive(Query query, int limit = 5, double minScore = 0.5)
    {
        ArgumentNullException.ThrowIfNull(query);
        using var ctx = new QueryContext(query, _vocabulary, _variants);
        if (ctx.Names.Length == 0 || limit <= 0)
        {
            return [];
        }

        return Rank(ctx, Enumerable.Range(0, _entities.Length), limit, minScore);
    }

    /// <summary>Scores one query against any entity (also one not in the index), with this index's rarity
    /// statistics and mined variants.</summary>
    public ScoredEntity Score(Query query, Entity entity)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(entity);
        using var ctx = new QueryContext(query, _vocabulary, _variants);
        var (score, explanation) = _scorer.Score(ctx, entity, new AdHocNames(entity, _vocabulary), explain: true);
        return new ScoredEntity(entity, score, explanation!);
    }

    /// <summary>The scorer's inputs for one query and entity (<see cref="NameFeatures"/>): evaluation only.</summary>
    internal double[] Features(Query query, Entity entity)
    {
        using var ctx = new QueryContext(query, _vocabulary, _variants);
        return _scorer.Features(ctx, entity, new AdHocNames(entity, _vocabulary));
    }

    internal Entity EntityAt(int e) => _entities[e];

    /// <summary>One candidate scored with its explanation.</summary>
    internal ScoredEntity Explain(QueryContext ctx, int e)
    {
        var entity = _entities[e];
        var (score, explanation) = _scorer.Score(ctx, entity, new IndexedNames(_names, _vocabulary, entity, e), explain: true);
        return new ScoredEntity(entity, score, explanation!);
    }

    private List<ScoredEntity> Rank(QueryContext ctx, IEnumerable<int> candidates, int limit, double minScore)
    {
        var ranked = RankScores(ctx, candidates, limit, minScore);
        var results = new List<ScoredEntity>(ranked.Length);
        foreach (var (e, _) in ranked)
        {
            results.Add(Explain(ctx, e));
        }

        return results;
    }

    /// <summary>Every candidate scored (no explanation); the best <paramref name="limit"/> at or above
    /// <paramref name="minScore"/> (and above 0), by score descending then entity id.</summary>
    private (int Entity, double Score)[] RankScores(QueryContext ctx, IEnumerable<int> candidates, int limit, double minScore)
    {
        var hits = new List<(int Entity, double Score)>();
        foreach (var e in candidates)
        {
            ctx.Cancellation.ThrowIfCancellationRequested();
            ctx.Work++;
            var entity = _entities[e];
            var (score, _) = _scorer.Score(ctx, entity, new IndexedNames(_names, _vocabulary, entity, e), explain: false);
            if (score >= minScore && score > 0)
            {
                hits.Add((e, score));
            }
        }

        hits.Sort((a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : string.CompareOrdinal(_entities[a.Entity].Id, _entities[b.Entity].Id));
        return [.. hits.Take(limit)];
    }
}
