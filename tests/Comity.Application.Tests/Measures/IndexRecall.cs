using Comity.Core.Matching;
using Comity.Core.Model;

namespace Comity.Application.Tests.Measures;

/// <summary>Retrieval recall of the candidate index against brute force (every entity scored by the same scorer):
/// of the hits the exhaustive search finds at or above the threshold (top <see cref="Limit"/>), the share the index
/// also returns. Shared by the sampled test (<c>RecallTests</c>) and the full benchmark
/// (<c>dotnet run --project bench/Comity.Benchmarks -c Release -- recall</c>).</summary>
internal static class IndexRecall
{
    /// <summary>The fixed seed of the query sequence.</summary>
    public const int Seed = 20261128;

    /// <summary>Queries of the full measurement (the benchmark).</summary>
    public const int FullQueries = 2100;

    /// <summary>Hits compared per query.</summary>
    public const int Limit = 20;

    /// <summary>The floor: the index finds at least 99.5 % of the exhaustive hits.</summary>
    public const double Floor = 0.995;

    /// <summary>The first <paramref name="count"/> queries of the fixed-seed sequence: a random listed entity, one of
    /// its names (weak aliases excepted), turned into the next variant kind in turn (exact, typo1, typo2, reorder,
    /// partial, glued, cyrillic). The sequence does not depend on <paramref name="count"/>, so a sample is a prefix of
    /// the full run and every multiple of seven holds each kind equally often.</summary>
    public static List<(Query Query, string Kind)> Queries(IReadOnlyList<Entity> entities, int count)
    {
        var random = new Random(Seed);
        var queries = new List<(Query Query, string Kind)>(count);
        while (queries.Count < count)
        {
            var entity = entities[random.Next(entities.Count)];
            var names = entity.Names.Where(n => n.Kind != NameKind.WeakAlias).ToArray();
            if (names.Length == 0)
            {
                continue;
            }

            var kind = QueryVariants.Kinds[queries.Count % QueryVariants.Kinds.Length];
            var text = QueryVariants.Make(names[random.Next(names.Length)].Full, kind, random);
            var schema = entity.Schema is Schema.Vessel or Schema.Airplane ? entity.Schema : Schema.LegalEntity;
            queries.Add((new Query { Names = [text], Schema = schema }, kind));
        }

        return queries;
    }

    /// <summary>Runs both searches for every query (two threads) at the index's own threshold.</summary>
    public static RecallResult Measure(MatchIndex index, IReadOnlyList<(Query Query, string Kind)> queries)
    {
        var threshold = index.Options.Threshold;
        var expected = new int[queries.Count];
        var found = new int[queries.Count];
        var displaced = new int[queries.Count];
        var misses = new List<string>[queries.Count];
        Parallel.For(0, queries.Count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
        {
            var exhaustive = index.MatchExhaustive(queries[i].Query, Limit, threshold);
            var hits = index.Match(queries[i].Query, Limit, threshold);
            var indexed = hits.Select(h => h.Entity.Id).ToHashSet(StringComparer.Ordinal);
            var floor = hits.Count == Limit ? hits[^1].Score : double.PositiveInfinity;
            expected[i] = exhaustive.Count;
            found[i] = exhaustive.Count(h => indexed.Contains(h.Entity.Id));
            displaced[i] = exhaustive.Count(h => !indexed.Contains(h.Entity.Id) && h.Score <= floor);
            misses[i] = [.. exhaustive.Where(h => !indexed.Contains(h.Entity.Id)).Select(h => $"{queries[i].Kind} '{queries[i].Query.Names[0]}' -> {h.Entity.Id} {h.Score:0.000}{(h.Score <= floor ? " (displaced: the index returned " + Limit + " hits scoring at least as much)" : string.Empty)}")];
        });

        return new RecallResult(queries.Count, threshold, expected.Sum(), found.Sum(), [.. misses.SelectMany(m => m)]) { Displaced = displaced.Sum() };
    }
}

/// <summary>The outcome of one recall measurement.</summary>
internal sealed record RecallResult(int Queries, double Threshold, int Expected, int Found, IReadOnlyList<string> Misses)
{
    public double Recall => Expected == 0 ? 0 : Found / (double)Expected;

    /// <summary>Misses for which the index returned <see cref="IndexRecall.Limit"/> hits, each scoring at least as much
    /// as the missed one (namesakes tied at one score: which of them fill the places differs between the searches).
    /// They count as misses in <see cref="Recall"/>; this only says what kind of miss they are.</summary>
    public int Displaced { get; init; }

    public string Summary => $"queries {Queries}, exhaustive hits >= {Threshold}: {Expected}, found by the index: {Found}, recall {Recall:P3}";
}
