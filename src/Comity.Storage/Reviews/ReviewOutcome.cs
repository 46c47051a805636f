namespace Comity.Storage.Reviews;

/// <summary>What a reviewer concluded; codes in <see cref="StorageCodes"/>.</summary>
public enum ReviewOutcome
{
    TrueMatch,
    FalsePositive,
    Escalate,
}
