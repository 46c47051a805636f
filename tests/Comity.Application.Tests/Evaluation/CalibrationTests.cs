using Comity.Application.Evaluation;

namespace Comity.Application.Tests.Evaluation;

public class CalibrationTests
{
    // Three matches (0.9, 0.7, 0.4) and three non-matches (0.8, 0.2, 0.1).
    private static readonly ScoredPair[] Six =
    [
        new(0.9, true), new(0.8, false), new(0.7, true), new(0.4, true), new(0.2, false), new(0.1, false),
    ];

    [Fact]
    public void Counts_at_a_threshold_treat_equal_scores_as_matches()
    {
        // >= 0.5: 0.9 (TP), 0.8 (FP), 0.7 (TP); below: 0.4 (FN), 0.2 and 0.1 (TN).
        var m = Calibration.At(Six, 0.5);
        Assert.Equal((2, 1, 2, 1), (m.TruePositives, m.FalsePositives, m.TrueNegatives, m.FalseNegatives));
        Assert.Equal(2.0 / 3, m.Precision, 12);
        Assert.Equal(2.0 / 3, m.Recall, 12);
        Assert.Equal(2.0 / 3, m.F1, 12);
        Assert.Equal(1.0 / 3, m.FalseAlertRate, 12);

        var atScore = Calibration.At(Six, 0.4);
        Assert.Equal(3, atScore.TruePositives);
        Assert.Equal(0, atScore.FalseNegatives);
    }

    [Fact]
    public void Extremes_of_the_sweep()
    {
        var sweep = Calibration.Sweep(Six);
        Assert.Equal(101, sweep.Length);
        Assert.Equal(0.0, sweep[0].Threshold);
        Assert.Equal(0.07, sweep[7].Threshold);
        Assert.Equal(1.0, sweep[100].Threshold);

        // Threshold 0: everything is an alert. P = 3/6, R = 1, F1 = 2/3, every non-match alerts.
        Assert.Equal(0.5, sweep[0].Precision, 12);
        Assert.Equal(1.0, sweep[0].Recall, 12);
        Assert.Equal(2.0 / 3, sweep[0].F1, 12);
        Assert.Equal(1.0, sweep[0].FalseAlertRate, 12);

        // Threshold 1: no alert. Precision 1 by definition, recall and F1 0, no false alert.
        Assert.Equal(1.0, sweep[100].Precision);
        Assert.Equal(0.0, sweep[100].Recall);
        Assert.Equal(0.0, sweep[100].F1);
        Assert.Equal(0.0, sweep[100].FalseAlertRate);
    }

    [Fact]
    public void Best_F1_is_the_lowest_threshold_of_the_best_plateau()
    {
        // 0.21..0.40: TP 3, FP 1 (0.8) -> P 3/4, R 1, F1 6/7. At 0.20 the 0.2 non-match alerts too (F1 3/4);
        // above 0.40 the 0.4 match is lost (F1 2/3).
        var best = Calibration.BestF1(Calibration.Sweep(Six));
        Assert.Equal(0.21, best.Threshold, 12);
        Assert.Equal(6.0 / 7, best.F1, 12);
        Assert.Equal(0.75, best.Precision, 12);
        Assert.Equal(1.0, best.Recall, 12);
    }

    [Fact]
    public void Reliability_bins_hold_count_matches_and_mean_score()
    {
        var pairs = new ScoredPair[] { new(0.05, false), new(0.15, false), new(0.95, true), new(1.0, true), new(0.91, false) };
        var bins = Calibration.Reliability(pairs, 10);
        Assert.Equal(10, bins.Length);
        Assert.Equal((0.0, 0.1, 1, 0), (bins[0].Lower, bins[0].Upper, bins[0].Count, bins[0].Matches));
        Assert.Equal(0.05, bins[0].MeanScore, 12);
        Assert.Equal(1, bins[1].Count);
        Assert.Equal(0, bins[5].Count);
        Assert.Equal(0.0, bins[5].ObservedMatchRate);

        // 1.0 falls in the last bin with 0.95 and 0.91: 3 pairs, 2 matches, mean (0.95 + 1 + 0.91) / 3.
        Assert.Equal(3, bins[9].Count);
        Assert.Equal(2, bins[9].Matches);
        Assert.Equal(2.0 / 3, bins[9].ObservedMatchRate, 12);
        Assert.Equal((0.95 + 1.0 + 0.91) / 3, bins[9].MeanScore, 12);
    }

    [Fact]
    public void Report_combines_sweep_best_and_calibration_error()
    {
        var report = Calibration.Report(Six);
        Assert.Equal(3, report.Positives);
        Assert.Equal(3, report.Negatives);
        Assert.Equal(0.21, report.Best.Threshold, 12);

        // One pair per bin: |0.1-0| + |0.2-0| + |0.4-1| + |0.7-1| + |0.8-0| + |0.9-1| = 2.1, over 6 pairs.
        Assert.Equal(0.35, report.ExpectedCalibrationError, 12);
    }

    [Fact]
    public void Perfectly_calibrated_bins_have_no_error()
    {
        // Bin 0.5-0.6 with mean 0.5 and half matches; bin 0.9-1.0 with mean 1.0 and all matches.
        var pairs = new ScoredPair[] { new(0.5, true), new(0.5, false), new(1.0, true), new(1.0, true) };
        Assert.Equal(0.0, Calibration.Report(pairs).ExpectedCalibrationError, 12);
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.01)]
    [InlineData(double.NaN)]
    public void Scores_outside_zero_one_are_rejected(double score) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Calibration.Sweep([new ScoredPair(score, true)]));

    [Fact]
    public void No_negatives_means_no_false_alerts_and_no_positives_means_no_recall()
    {
        Assert.Equal(0.0, Calibration.At([new ScoredPair(0.9, true)], 0.5).FalseAlertRate);
        var onlyNegatives = Calibration.At([new ScoredPair(0.9, false)], 0.5);
        Assert.Equal(0.0, onlyNegatives.Recall);
        Assert.Equal(0.0, onlyNegatives.F1);
        Assert.Equal(0.0, onlyNegatives.Precision);
    }
}
