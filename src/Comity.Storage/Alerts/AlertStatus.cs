namespace Comity.Storage.Alerts;

/// <summary>Life cycle of an alert; codes in <see cref="StorageCodes"/>.</summary>
public enum AlertStatus
{
    Open,
    PendingSecondReview,
    ClosedTrueMatch,
    ClosedFalsePositive,
    Escalated,
}
