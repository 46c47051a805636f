using Comity.Application.Evaluation;
using Comity.Application.Tests.Matching;
using Comity.Application.Tests.Measures;

namespace Comity.Application.Tests.Accuracy;

/// <summary>Accuracy floors on the held-out <c>test</c> split of <c>data/eval</c> (never used for tuning), at the
/// documented default threshold. A regression below any floor fails the build. The floors are the measured figures
/// rounded down; the README states which issue targets (variant recall ≥ 98 %, false alerts ≤ 1 %) are met. Every test
/// pair and the whole test population are used (not sampled: a few seconds on the shared corpus); the same measurement
/// as a benchmark: <c>dotnet run --project bench/Comity.Benchmarks -c Release -- accuracy</c>.</summary>
public sealed class HeldOutAccuracyTests(ITestOutputHelper output)
{
    private static readonly Lazy<List<LabelledPair>> Pairs = new(HeldOutAccuracy.Pairs);

    private static readonly Lazy<List<PopulationEntry>> Population = new(() => HeldOutAccuracy.Population());

    [Fact]
    public void Held_out_accuracy_holds_its_floors()
    {
        using var heartbeat = new Heartbeat(output, "held-out accuracy");
        var r = HeldOutAccuracy.Measure(EvalData.DefaultCorpus, Pairs.Value, Population.Value);
        var summary = HeldOutAccuracy.Summary(r);
        output.WriteLine(summary);
        Assert.True(Pairs.Value.Count > 3_000, "the held-out split is large enough");
        Assert.True(r.PopulationSize > 3_500, "the whole test population is screened");
        Assert.True(r.VariantRecall >= AccuracyFloors.VariantRecall, summary);
        Assert.True(r.Pairs.Precision >= AccuracyFloors.Precision, summary);
        Assert.True(r.HardNegativeMatchRate <= AccuracyFloors.HardNegativeMatchRate, summary);
        Assert.True(r.PopulationFalseAlertRate <= AccuracyFloors.PopulationFalseAlertRate, summary);
        Assert.True(r.ShortQueryMeanMatches <= AccuracyFloors.ShortQueryMeanMatches, summary);
        foreach (var (kind, floor) in AccuracyFloors.RecallByKind)
        {
            Assert.True(r.RecallByKind[kind] >= floor, $"{kind}: {summary}");
        }
    }
}
