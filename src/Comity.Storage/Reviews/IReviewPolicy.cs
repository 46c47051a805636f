using Comity.Storage.Alerts;

namespace Comity.Storage.Reviews;

/// <summary>The business rule a store applies to a review inside its transaction (with the alert row locked). The
/// store holds no rule of its own: the four-eyes policy lives in Comity.Application and is passed in through
/// <see cref="StoreOptions.ReviewPolicy"/>.</summary>
public interface IReviewPolicy
{
    /// <summary>The status after the review, or why it is refused.</summary>
    /// <param name="current">Status before the review.</param>
    /// <param name="proposer">Reviewer whose true_match moved the alert to pending_second_review (when pending).</param>
    /// <param name="reviewer">Reviewer now acting.</param>
    /// <param name="outcome">Their conclusion.</param>
    (AlertStatus? Next, ReviewRefusal? Refusal) Decide(AlertStatus current, string? proposer, string reviewer, ReviewOutcome outcome);
}
