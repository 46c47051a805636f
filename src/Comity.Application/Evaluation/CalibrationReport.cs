using System.Collections.Immutable;

namespace Comity.Application.Evaluation;

/// <summary>Everything <c>comity calibrate</c> prints: the sweep of thresholds 0.00–1.00, the best-F1 threshold, the
/// reliability table and the expected calibration error (bin-weighted mean |mean score − observed match rate|).</summary>
internal sealed record CalibrationReport(
    int Positives,
    int Negatives,
    ImmutableArray<ThresholdMetrics> Thresholds,
    ThresholdMetrics Best,
    ImmutableArray<ReliabilityBin> Reliability,
    double ExpectedCalibrationError);
