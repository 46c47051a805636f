using Comity.Core.Model;

namespace Comity.Application.Tests.Matching;

/// <summary>Retrieval recall of the candidate index against brute force on the bundled corpus.</summary>
public class RecallTests(ITestOutputHelper output)
{
    private const int Queries = 2100;
    private const int Limit = 20;

    [Fact]
    public void Index_finds_at_least_99_5_percent_of_exhaustive_hits_at_the_default_threshold()
    {
        var index = BundledCorpus.Index;
        var entities = BundledCorpus.Entities;
        var random = new Random(20261128);
        var queries = new List<(Query Query, string Kind)>(Queries);
        while (queries.Count < Queries)
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

        var threshold = index.Options.Threshold;
        var expected = new int[queries.Count];
        var found = new int[queries.Count];
        var misses = new List<string>[queries.Count];
        Parallel.For(0, queries.Count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
        {
            var exhaustive = index.MatchExhaustive(queries[i].Query, Limit, threshold);
            var indexed = index.Match(queries[i].Query, Limit, threshold).Select(h => h.Entity.Id).ToHashSet(StringComparer.Ordinal);
            expected[i] = exhaustive.Count;
            found[i] = exhaustive.Count(h => indexed.Contains(h.Entity.Id));
            misses[i] = [.. exhaustive.Where(h => !indexed.Contains(h.Entity.Id)).Select(h => $"{queries[i].Kind} '{queries[i].Query.Names[0]}' -> {h.Entity.Id} {h.Score:0.000}")];
        });

        var total = expected.Sum();
        var hit = found.Sum();
        var recall = total == 0 ? 0 : hit / (double)total;
        output.WriteLine($"queries {queries.Count}, exhaustive hits >= {threshold}: {total}, found by the index: {hit}, recall {recall:P3}");
        foreach (var miss in misses.SelectMany(m => m).Take(20))
        {
            output.WriteLine("missed: " + miss);
        }

        Assert.True(total >= Queries, $"too few exhaustive hits to measure: {total}");
        Assert.True(recall >= 0.995, $"recall {recall:P3} ({hit}/{total})");
    }
}
