namespace Comity.Application.Evaluation;

/// <summary>One score bin of a reliability table: the pairs whose score is in [<see cref="Lower"/>,
/// <see cref="Upper"/>) (the last bin also holds 1.0), their mean score and the share that are true matches.</summary>
internal sealed record ReliabilityBin(double Lower, double Upper, int Count, int Matches, double MeanScore)
{
    /// <summary>Matches / Count; 0 for an empty bin.</summary>
    public double ObservedMatchRate => Count == 0 ? 0 : (double)Matches / Count;
}
