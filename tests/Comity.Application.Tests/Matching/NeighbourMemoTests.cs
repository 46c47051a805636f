using Comity.Application.Tests.Corpus;
using Comity.Application.Tests.Measures;
using Comity.Core.Matching;

namespace Comity.Application.Tests.Matching;

/// <summary>The index remembers each listed token's neighbours the first time a query uses it. Results, scores,
/// explanations and the deterministic work count must be the same with the memo as without it, on the default corpus,
/// for a fixed sample of queries run twice (the second time answered from the memo).</summary>
public sealed class NeighbourMemoTests
{
    [Fact]
    public void Matches_with_the_neighbour_memo_equal_matches_without_it()
    {
        var entities = EvalData.DefaultCorpus.Entities;
        var plain = MatchIndex.Build(entities);
        plain.Retriever.MemoDisabled = true;
        var memo = MatchIndex.Build(entities);
        var queries = SnapshotRoundTripTests.Sample(entities);
        var hits = 0;
        for (var pass = 1; pass <= 2; pass++)
        {
            foreach (var q in queries)
            {
                var expected = plain.MatchCancellable(q, 15, 0.5, TestContext.Current.CancellationToken, out var expectedWork);
                var actual = memo.MatchCancellable(q, 15, 0.5, TestContext.Current.CancellationToken, out var actualWork);
                Assert.Equal(Describe(expected), Describe(actual));
                Assert.Equal(expectedWork, actualWork);
                hits += actual.Count;
            }
        }

        Assert.True(hits > queries.Count, "the sample should find hits");
    }

    private static string Describe(IReadOnlyList<ScoredEntity> hits) => string.Join("\n", hits.Select(h =>
        $"{h.Entity.Id} {BitConverter.DoubleToInt64Bits(h.Score)} {h.Explanation.MatchedName} | " +
        string.Join("; ", h.Explanation.Features.Select(f => $"{f.Feature} {BitConverter.DoubleToInt64Bits(f.Contribution)} {f.Detail}"))));
}
