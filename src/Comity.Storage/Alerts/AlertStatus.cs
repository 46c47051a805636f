namespace Comity.Storage.Alerts;

/// <summary>Life cycle of an alert; codes in <see cref="StorageCodes"/>.</summary>
public enum AlertStatus
{
    Open,
    PendingSecondReview,
    ClosedTrueMatch,
    ClosedFalsePositive,
    Escalated,

    /// <summary>Closed by monitoring: the listed entity no longer matches (delisted, or its listing changed so that
    /// the hit disappeared).</summary>
    ClosedDelisted,
}
