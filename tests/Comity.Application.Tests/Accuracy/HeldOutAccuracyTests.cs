using Comity.Application.Evaluation;
using Comity.Application.Tests.Evaluation;
using Comity.Core.Matching;

namespace Comity.Application.Tests.Accuracy;

/// <summary>Accuracy floors on the held-out <c>test</c> split of <c>data/eval</c> (never used for tuning), at the
/// documented default threshold. A regression below any floor fails the build. The floors are the measured figures
/// rounded down; the README states which issue targets (variant recall ≥ 98 %, false alerts ≤ 1 %) are met.</summary>
public sealed class HeldOutAccuracyTests(DefaultCorpusFixture fixture) : IClassFixture<DefaultCorpusFixture>
{
    private static readonly Lazy<List<LabelledPair>> Pairs = new(() =>
        [.. PairsCsv.Read(RepoFiles.Path("data/eval/pairs.csv")).Rows.Where(p => p.Split == "test")]);

    private static readonly Lazy<List<PopulationEntry>> Population = new(() =>
        [.. PopulationCsv.Read(RepoFiles.Path("data/eval/population.csv")).Rows.Where(p => p.Split == "test")]);

    private AccuracyReport Report()
    {
        var scored = AccuracyEvaluation.Score(fixture.Corpus, Pairs.Value);
        var screened = AccuracyEvaluation.Screen(fixture.Corpus, Population.Value, 0.3);
        return AccuracyEvaluation.Report(MatcherOptions.DefaultThreshold, scored, screened);
    }

    [Fact]
    public void Held_out_accuracy_holds_its_floors()
    {
        var r = Report();
        var summary = $"variant recall {r.VariantRecall:0.0000}, alias recall {r.AliasRecall:0.0000}, precision {r.Pairs.Precision:0.0000}, " +
            $"hard negatives matched {r.HardNegativeMatchRate:0.0000}, population false alerts {r.PopulationFalseAlertRate:0.0000}, " +
            $"short-name matches {r.ShortQueryMeanMatches:0.00} (max {r.ShortQueryMaxMatches}); by kind: " +
            string.Join("; ", r.RecallByKind.Select(kv => $"{kv.Key} {kv.Value:0.000}"));
        Assert.True(Pairs.Value.Count > 3_000, "the held-out split is large enough");
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
