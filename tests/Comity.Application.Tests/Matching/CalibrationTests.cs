using System.Globalization;
using Comity.Application.Tests.Measures;
using Comity.Core.Matching;

namespace Comity.Application.Tests.Matching;

/// <summary>How <see cref="MatcherOptions.DefaultThreshold"/> is chosen, reproduced as a test (see
/// <see cref="ThresholdCalibration"/>): on the <c>dev</c> split only, the best F1 on labelled pairs among the thresholds
/// whose false-alert rate on the generated population stays at or below 1 % for persons and companies (F1 within 0.001 of
/// the best is a tie, the lowest tied threshold wins). The
/// <c>test</c> split is only guarded against regression. Not sampled: every pair (the dev F1 curve is flat, 0.63, 0.64
/// and 0.66 differ by 0.0005) and the whole dev population (the default qualifies with companies at 0.61 %, 13 of 2,114,
/// against the 1 % cap: a quarter sample put it at 0.94 %, too close to gate on). Pairs and population are scored on two
/// threads, a few seconds in all. The benchmark adds the test population's false-alert rates:
/// <c>dotnet run --project bench/Comity.Benchmarks -c Release -- calibration</c>.</summary>
public class CalibrationTests(ITestOutputHelper output)
{
    [Fact]
    public void Default_threshold_is_the_calibrated_one_and_held_out_quality_holds()
    {
        using var heartbeat = new Heartbeat(output, "calibration");
        var withKind = ThresholdCalibration.ScorePairsWithKind(EvalData.DefaultCorpus.Index, EvalData.DefaultCorpus.Entities, EvalData.PairsCsv);
        var pairs = withKind.Select(p => (p.Split, p.Match, p.Score)).ToArray();
        var dev = ThresholdCalibration.ScorePopulation(EvalData.DefaultCorpus.Index, EvalData.PopulationCsv, "dev");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{pairs.Length} pairs; dev population {dev.Length} (persons {ThresholdCalibration.Count(dev, "person")}, companies {ThresholdCalibration.Count(dev, "company")})"));
        var best = ThresholdCalibration.Calibrate(pairs, dev, output.WriteLine);
        // The held-out floors hold on the classes the floors were set on (the issue-9 classes added since have their own,
        // in HeldOutAccuracyTests).
        var held = ThresholdCalibration.F1(withKind.Where(p => p.Split == "test" && HeldOutAccuracy.LegacyKinds.Contains(p.Kind)).Select(p => (p.Split, p.Match, p.Score)),
            MatcherOptions.DefaultThreshold);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"calibrated {best:0.00}; held-out test at {MatcherOptions.DefaultThreshold:0.00}: F1={held.F1:0.0000} P={held.Precision:0.0000} R={held.Recall:0.0000}"));
        Assert.True(pairs.Length > 14_000, "every labelled pair is scored");
        Assert.True(dev.Length > 9_000, "the whole dev population is screened");
        Assert.Equal(MatcherOptions.DefaultThreshold, best, 6);
        Assert.True(held.F1 >= 0.87, $"held-out F1 {held.F1:0.0000}");
        Assert.True(held.Precision >= 0.95, $"held-out precision {held.Precision:0.0000}");
    }
}
