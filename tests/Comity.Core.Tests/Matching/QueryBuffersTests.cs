using Comity.Core.Matching;
using static Comity.Core.Tests.Matching.TestEntities;

namespace Comity.Core.Tests.Matching;

/// <summary>The per-query buffers of the hot path: the similarity memo's pooled rows go back all zero (a query never
/// sees another query's similarities), and the retriever's bounded selection of candidates equals sorting them all.</summary>
public class QueryBuffersTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(1_000)]
    public void A_similarity_memo_never_answers_with_an_earlier_querys_value(int perToken)
    {
        // perToken 2: few cells written, zeroed one by one; 1,000: every cell of every row, rows cleared whole.
        var index = Index();
        var vocabulary = index.Vocabulary;
        string[] queries = ["Ivan Mohammed Petrov", "Sergey Muammar Trading", "Kim Smith Garcia", "Ivanov Petro Energy"];
        for (var round = 0; round < 12; round++)
        {
            var name = AnalyzedName.Analyze(queries[round % queries.Length], vocabulary, 0);
            using var cache = new SimilarityCache(index.Variants, vocabulary.Count);
            for (var i = 0; i < name.Tokens.Length; i++)
            {
                var q = name.Tokens[i];
                for (var id = 0; id < Math.Min(perToken, vocabulary.Count); id++)
                {
                    var c = new Tok(id, vocabulary[id]);
                    var (score, kind) = TokenSimilarity.Compare(q.Info, q.Id, c.Info, c.Id, index.Variants);
                    var memo = cache.Compare(0, i, q, c);
                    Assert.Equal(Math.Round(score * 1000) / 1000, memo.Score, 9);
                    Assert.Equal(kind, memo.Kind);
                    Assert.Equal(memo, cache.Compare(0, i, q, c));
                }
            }
        }
    }

    [Fact]
    public void The_bounded_candidate_selection_equals_the_first_of_a_full_sort()
    {
        var random = new Random(20261208);
        foreach (var size in new[] { 0, 1, 5, 199, 200, 201, 3_000 })
        {
            foreach (var budget in new[] { 0, 1, 7, 200 })
            {
                var score = new double[size + 10];
                var touched = new List<int>();
                foreach (var e in Enumerable.Range(0, size + 10).OrderBy(_ => random.Next()).Take(size))
                {
                    touched.Add(e);
                    score[e] = random.Next(40) / 8.0; // many ties: the entity breaks them
                }

                var expected = touched.OrderByDescending(e => score[e]).ThenBy(e => e).Take(budget).ToArray();
                Assert.Equal(expected, CandidateRetriever.Best(touched, score, budget));
            }
        }
    }
}
