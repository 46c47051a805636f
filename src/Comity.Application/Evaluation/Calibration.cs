using System.Collections.Immutable;

namespace Comity.Application.Evaluation;

/// <summary>Calibration measures over scored labelled pairs. Pure functions: same input, same output.</summary>
internal static class Calibration
{
    /// <summary>Thresholds swept: 0.00, 0.01, ..., 1.00.</summary>
    public const int Steps = 100;

    /// <summary>Default number of reliability bins (width 0.1).</summary>
    public const int DefaultBins = 10;

    /// <summary>Confusion counts at one threshold: predicted match when score ≥ <paramref name="threshold"/>.</summary>
    public static ThresholdMetrics At(IReadOnlyList<ScoredPair> pairs, double threshold)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        int tp = 0, fp = 0, tn = 0, fn = 0;
        foreach (var p in pairs)
        {
            Check(p.Score);
            var predicted = p.Score >= threshold;
            if (p.IsMatch)
            {
                if (predicted)
                {
                    tp++;
                }
                else
                {
                    fn++;
                }
            }
            else if (predicted)
            {
                fp++;
            }
            else
            {
                tn++;
            }
        }

        return new ThresholdMetrics(threshold, tp, fp, tn, fn);
    }

    /// <summary>Metrics at every threshold 0.00–1.00 in steps of 0.01 (101 rows, ascending).</summary>
    public static ImmutableArray<ThresholdMetrics> Sweep(IReadOnlyList<ScoredPair> pairs)
    {
        var result = ImmutableArray.CreateBuilder<ThresholdMetrics>(Steps + 1);
        for (var i = 0; i <= Steps; i++)
        {
            result.Add(At(pairs, i / (double)Steps));
        }

        return result.MoveToImmutable();
    }

    /// <summary>The row with the highest F1; on ties the lowest threshold (more recall for the same F1).</summary>
    public static ThresholdMetrics BestF1(IReadOnlyList<ThresholdMetrics> sweep)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        if (sweep.Count == 0)
        {
            throw new ArgumentException("no thresholds", nameof(sweep));
        }

        var best = sweep[0];
        foreach (var m in sweep)
        {
            if (m.F1 > best.F1 || (m.F1 == best.F1 && m.Threshold < best.Threshold))
            {
                best = m;
            }
        }

        return best;
    }

    /// <summary>Reliability table: <paramref name="bins"/> equal-width score bins over [0, 1], each with its count,
    /// matches and mean score. Empty bins are kept (count 0).</summary>
    public static ImmutableArray<ReliabilityBin> Reliability(IReadOnlyList<ScoredPair> pairs, int bins = DefaultBins)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        var counts = new int[bins];
        var matches = new int[bins];
        var sums = new double[bins];
        foreach (var p in pairs)
        {
            Check(p.Score);
            var b = Math.Min((int)(p.Score * bins), bins - 1);
            counts[b]++;
            sums[b] += p.Score;
            if (p.IsMatch)
            {
                matches[b]++;
            }
        }

        var result = ImmutableArray.CreateBuilder<ReliabilityBin>(bins);
        for (var b = 0; b < bins; b++)
        {
            result.Add(new ReliabilityBin(b / (double)bins, (b + 1) / (double)bins, counts[b], matches[b], counts[b] == 0 ? 0 : sums[b] / counts[b]));
        }

        return result.MoveToImmutable();
    }

    /// <summary>Σ (bin count / total) × |mean score − observed match rate| over the bins; 0 for no pairs.</summary>
    public static double ExpectedCalibrationError(IReadOnlyList<ReliabilityBin> bins)
    {
        ArgumentNullException.ThrowIfNull(bins);
        var total = bins.Sum(b => b.Count);
        return total == 0 ? 0 : bins.Sum(b => (double)b.Count / total * Math.Abs(b.MeanScore - b.ObservedMatchRate));
    }

    /// <summary>Sweep, best-F1 threshold, reliability table and calibration error in one call.</summary>
    public static CalibrationReport Report(IReadOnlyList<ScoredPair> pairs, int bins = DefaultBins)
    {
        var sweep = Sweep(pairs);
        var reliability = Reliability(pairs, bins);
        var positives = pairs.Count(p => p.IsMatch);
        return new CalibrationReport(positives, pairs.Count - positives, sweep, BestF1(sweep), reliability, ExpectedCalibrationError(reliability));
    }

    private static void Check(double score)
    {
        if (double.IsNaN(score) || score < 0 || score > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(score), score, "scores must be in [0, 1]");
        }
    }
}
