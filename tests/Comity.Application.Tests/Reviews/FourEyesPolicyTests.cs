using Comity.Application.Reviews;
using Comity.Storage.Alerts;
using Comity.Storage.Reviews;

namespace Comity.Application.Tests.Reviews;

public sealed class FourEyesPolicyTests
{
    [Theory]
    [InlineData(AlertStatus.Open, null, "alice", ReviewOutcome.TrueMatch, AlertStatus.PendingSecondReview)]
    [InlineData(AlertStatus.Open, null, "alice", ReviewOutcome.FalsePositive, AlertStatus.ClosedFalsePositive)]
    [InlineData(AlertStatus.Open, null, "alice", ReviewOutcome.Escalate, AlertStatus.Escalated)]
    [InlineData(AlertStatus.PendingSecondReview, "alice", "bob", ReviewOutcome.TrueMatch, AlertStatus.ClosedTrueMatch)]
    [InlineData(AlertStatus.PendingSecondReview, "alice", "bob", ReviewOutcome.FalsePositive, AlertStatus.Escalated)]
    [InlineData(AlertStatus.PendingSecondReview, "alice", "bob", ReviewOutcome.Escalate, AlertStatus.Escalated)]
    [InlineData(AlertStatus.Escalated, null, "alice", ReviewOutcome.TrueMatch, AlertStatus.PendingSecondReview)]
    [InlineData(AlertStatus.Escalated, null, "alice", ReviewOutcome.FalsePositive, AlertStatus.ClosedFalsePositive)]
    public void Allowed_transitions(AlertStatus current, string? proposer, string reviewer, ReviewOutcome outcome, AlertStatus expected)
    {
        var (next, refusal) = FourEyesPolicy.Instance.Decide(current, proposer, reviewer, outcome);
        Assert.Null(refusal);
        Assert.Equal(expected, next);
    }

    [Theory]
    [InlineData(AlertStatus.PendingSecondReview, "alice", "alice", ReviewOutcome.TrueMatch, ReviewRefusal.SameReviewer)]
    [InlineData(AlertStatus.PendingSecondReview, "alice", "alice", ReviewOutcome.FalsePositive, ReviewRefusal.SameReviewer)]
    [InlineData(AlertStatus.PendingSecondReview, "Alice", "alice", ReviewOutcome.Escalate, null)]
    [InlineData(AlertStatus.ClosedTrueMatch, null, "carol", ReviewOutcome.FalsePositive, ReviewRefusal.AlertClosed)]
    [InlineData(AlertStatus.ClosedFalsePositive, null, "carol", ReviewOutcome.TrueMatch, ReviewRefusal.AlertClosed)]
    [InlineData(AlertStatus.Escalated, null, "carol", ReviewOutcome.Escalate, ReviewRefusal.AlreadyEscalated)]
    public void Refusals(AlertStatus current, string? proposer, string reviewer, ReviewOutcome outcome, ReviewRefusal? expected)
    {
        var (next, refusal) = FourEyesPolicy.Instance.Decide(current, proposer, reviewer, outcome);
        Assert.Equal(expected, refusal);
        Assert.Equal(expected is null, next is not null);
    }
}
