namespace Comity.Application.Tests.Accuracy;

/// <summary>Placeholder floors until calibration; replaced with measured values.</summary>
internal static class AccuracyFloors
{
    public const double VariantRecall = 0.0;
    public const double Precision = 0.0;
    public const double HardNegativeMatchRate = 1.0;
    public const double PopulationFalseAlertRate = 1.0;
    public const double ShortQueryMeanMatches = 100;
    public static readonly (string Kind, double Floor)[] RecallByKind = [];
}
