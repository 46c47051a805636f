namespace Comity.Application.Evaluation;

/// <summary>The confusion counts at one threshold (a pair is predicted a match when its score ≥ the threshold) and the
/// measures derived from them.</summary>
internal sealed record ThresholdMetrics(double Threshold, int TruePositives, int FalsePositives, int TrueNegatives, int FalseNegatives)
{
    /// <summary>TP / (TP + FP); 1 when nothing is predicted a match (no alert is a false alert).</summary>
    public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);

    /// <summary>TP / (TP + FN); 0 when there are no positives.</summary>
    public double Recall => TruePositives + FalseNegatives == 0 ? 0 : (double)TruePositives / (TruePositives + FalseNegatives);

    /// <summary>Harmonic mean of precision and recall; 0 when both are 0 or nothing true is found.</summary>
    public double F1 => TruePositives == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>FP / (FP + TN): the share of non-matches that raise an alert; 0 when there are no negatives.</summary>
    public double FalseAlertRate => FalsePositives + TrueNegatives == 0 ? 0 : (double)FalsePositives / (FalsePositives + TrueNegatives);
}
