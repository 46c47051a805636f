using Comity.Storage.Alerts;
using Comity.Storage.Reviews;

namespace Comity.Application.Reviews;

/// <summary>
/// Four-eyes rules, the same for every provider.
/// <list type="bullet">
/// <item>open or escalated: <c>false_positive</c> closes at once (a false positive frees the customer and is
/// itself reviewable in the audit trail; requiring two people would double the work on the large majority of
/// alerts); <c>true_match</c> moves to <c>pending_second_review</c>; <c>escalate</c> moves to escalated
/// (refused when already escalated).</item>
/// <item>pending_second_review: only a reviewer other than the one who proposed the true match may act;
/// <c>true_match</c> closes as a true match; <c>false_positive</c> is a disagreement and escalates;
/// <c>escalate</c> escalates.</item>
/// <item>closed: no further reviews.</item>
/// </list>
/// </summary>
internal sealed class FourEyesPolicy : IReviewPolicy
{
    /// <summary>The one instance (the policy holds no state).</summary>
    public static FourEyesPolicy Instance { get; } = new();

    /// <summary>The status after the review, or why it is refused.</summary>
    /// <param name="current">Status before the review.</param>
    /// <param name="proposer">Reviewer whose true_match moved the alert to pending_second_review (when pending).</param>
    /// <param name="reviewer">Reviewer now acting.</param>
    /// <param name="outcome">Their conclusion.</param>
    public (AlertStatus? Next, ReviewRefusal? Refusal) Decide(
        AlertStatus current, string? proposer, string reviewer, ReviewOutcome outcome)
    {
        switch (current)
        {
            case AlertStatus.ClosedTrueMatch or AlertStatus.ClosedFalsePositive or AlertStatus.ClosedDelisted:
                return (null, ReviewRefusal.AlertClosed);
            case AlertStatus.PendingSecondReview:
                if (string.Equals(proposer, reviewer, StringComparison.Ordinal))
                {
                    return (null, ReviewRefusal.SameReviewer);
                }

                return outcome switch
                {
                    ReviewOutcome.TrueMatch => (AlertStatus.ClosedTrueMatch, null),
                    _ => (AlertStatus.Escalated, null),
                };
            default:
                return outcome switch
                {
                    ReviewOutcome.FalsePositive => (AlertStatus.ClosedFalsePositive, null),
                    ReviewOutcome.TrueMatch => (AlertStatus.PendingSecondReview, null),
                    _ when current == AlertStatus.Escalated => (null, ReviewRefusal.AlreadyEscalated),
                    _ => (AlertStatus.Escalated, null),
                };
        }
    }
}
