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
        var r = HeldOutAccuracy.Measure(EvalData.DefaultCorpus, [.. Pairs.Value.Where(p => HeldOutAccuracy.LegacyKinds.Contains(p.Kind ?? string.Empty))], Population.Value);
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

    /// <summary>Issue 9's classes, held out: recall of each generated positive class (nicknames, numerals, digits for
    /// letters, acronyms, titles, shuffled letters, other scripts, katakana, the lists' own cross-script names, the
    /// hand-typed Chinese, katakana and Khmer renderings) and the match rate of each hard-negative class, at the default
    /// threshold, against floors and ceilings set just under and over the figures measured.</summary>
    [Fact]
    public void Issue_nine_classes_hold_their_floors()
    {
        using var heartbeat = new Heartbeat(output, "issue-9 classes");
        var pairs = Pairs.Value.Where(p => !HeldOutAccuracy.LegacyKinds.Contains(p.Kind ?? string.Empty)).ToList();
        var scored = AccuracyEvaluation.Score(EvalData.DefaultCorpus, pairs);
        double Rate(string kind)
        {
            var of = scored.Where(s => s.Pair.Kind == kind).ToList();
            Assert.True(of.Count > 0, $"no held-out pairs of kind {kind}");
            return (double)of.Count(s => s.Score >= Core.Matching.MatcherOptions.DefaultThreshold) / of.Count;
        }

        var summary = string.Join("; ", scored.GroupBy(s => s.Pair.Kind).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{g.Key} {Rate(g.Key!):0.000} of {g.Count()}")));
        output.WriteLine(summary);
        foreach (var (kind, floor) in AccuracyFloors.IssueNineRecall)
        {
            Assert.True(Rate(kind) >= floor, $"{kind} recall under {floor}: {summary}");
        }

        foreach (var (kind, ceiling) in AccuracyFloors.IssueNineFalseMatch)
        {
            Assert.True(Rate(kind) <= ceiling, $"{kind} matched over {ceiling}: {summary}");
        }
    }
}
