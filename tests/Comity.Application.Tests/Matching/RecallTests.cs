using Comity.Application.Tests.Measures;

namespace Comity.Application.Tests.Matching;

/// <summary>Retrieval recall of the candidate index against brute force on the bundled corpus, on a fixed-seed sample.
/// The full measurement (2,100 queries, ≈ 4 min on 2 cores) is a benchmark:
/// <c>dotnet run --project bench/Comity.Benchmarks -c Release -- recall</c> (2026-12-01: 2,854 of 2,858 exhaustive hits
/// found, recall 99.860 %).</summary>
public class RecallTests(ITestOutputHelper output)
{
    /// <summary>The first 210 queries of the benchmark's sequence (a tenth of it): 30 of each of the seven variant
    /// kinds, ≈ 17 s on an idle 2-core machine (the brute-force search scores every entity).</summary>
    private const int SampleQueries = 210;

    /// <summary>The significance of the sample test: a sample fails when an index with exactly the floor's recall
    /// (99.5 %) would show as many misses or more in fewer than 1 % of samples of this size.</summary>
    private const double Alpha = 0.01;

    [Fact]
    public void Index_finds_at_least_99_5_percent_of_exhaustive_hits_at_the_default_threshold()
    {
        using var heartbeat = new Heartbeat(output, "recall");
        var result = IndexRecall.Measure(BundledCorpus.Index, IndexRecall.Queries(BundledCorpus.Entities, SampleQueries));
        var misses = result.Expected - result.Found;
        // The floor is the full run's: recall ≥ 99.5 %. A sample of ~275 hits cannot show 99.5 % as a point estimate
        // (one miss is 0.36 %), so it is tested as a one-sided exact binomial test of that same floor: the sample fails
        // when its misses are improbable (p < 1 %) for an index whose recall is exactly 99.5 %. Margin, measured
        // 2026-12-01 on this fixed sample: 273 of 275 hits found (the two misses are one typo2 query, also missed in the
        // full run), P(≥ 2 misses | 99.5 %) = 0.40; the pass mark is 5 misses, so 4 more misses fail the test. The
        // full benchmark holds the floor on the point estimate (2,854 of 2,858).
        var p = Binomial.AtLeast(result.Expected, misses, 1 - IndexRecall.Floor);
        var passMark = Enumerable.Range(0, result.Expected + 1).Last(k => Binomial.AtLeast(result.Expected, k, 1 - IndexRecall.Floor) >= Alpha);
        output.WriteLine($"{result.Summary}; misses {misses}, P(>= {misses} misses | recall {IndexRecall.Floor}) = {p:0.0000}; pass mark {passMark} misses");
        foreach (var miss in result.Misses.Take(20))
        {
            output.WriteLine("missed: " + miss);
        }

        Assert.True(result.Expected >= SampleQueries, $"too few exhaustive hits to measure: {result.Expected}");
        Assert.True(p >= Alpha, $"recall {result.Recall:P3} ({result.Found}/{result.Expected}): {misses} misses, more than the {passMark} a 99.5 % index shows in 99 % of samples this size");
    }
}
