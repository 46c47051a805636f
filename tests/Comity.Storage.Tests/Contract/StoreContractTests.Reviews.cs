using Comity.Storage.Alerts;
using Comity.Storage.Reviews;

namespace Comity.Storage.Tests.Contract;

public abstract partial class StoreContractTests
{
    private async Task<(IComityStore Store, Alert Alert)> OneAlertAsync()
    {
        var store = await OpenAsync();
        var run = await StartRunAsync(store);
        var batch = await store.CreateAlertsAsync(
            new AlertBatchRequest(run.Id, "screener-1", [SampleAlert("q1", "Viktor Bout", "us-ofac-sdn:36", 0.97)]), Ct);
        return (store, batch.Alerts[0]);
    }

    [Fact]
    public async Task True_match_closes_only_when_a_second_different_reviewer_confirms()
    {
        var (store, alert) = await OneAlertAsync();
        Clock.Advance(TimeSpan.FromMinutes(1));
        var first = await store.ReviewAsync(alert.Id, new ReviewRequest("alice", ReviewOutcome.TrueMatch, "same DOB and passport"), Ct);
        Assert.True(first.Accepted);
        Assert.Equal(AlertStatus.PendingSecondReview, first.Alert!.Status);
        Assert.Equal(Start.AddMinutes(1), first.Alert.UpdatedAt);

        var self = await store.ReviewAsync(alert.Id, new ReviewRequest("alice", ReviewOutcome.TrueMatch, "confirming myself"), Ct);
        Assert.False(self.Accepted);
        Assert.Equal(ReviewRefusal.SameReviewer, self.Refusal);
        Assert.Null(self.Review);
        Assert.Equal(AlertStatus.PendingSecondReview, (await store.GetAlertAsync(alert.Id, Ct))!.Status);

        Clock.Advance(TimeSpan.FromMinutes(1));
        var second = await store.ReviewAsync(alert.Id, new ReviewRequest("bob", ReviewOutcome.TrueMatch, "agree"), Ct);
        Assert.True(second.Accepted);
        Assert.Equal(AlertStatus.ClosedTrueMatch, second.Alert!.Status);
        Assert.Equal(AlertStatus.ClosedTrueMatch, (await store.GetAlertAsync(alert.Id, Ct))!.Status);

        var late = await store.ReviewAsync(alert.Id, new ReviewRequest("carol", ReviewOutcome.FalsePositive, "late"), Ct);
        Assert.Equal(ReviewRefusal.AlertClosed, late.Refusal);

        var reviews = await store.GetReviewsAsync(alert.Id, Ct);
        Assert.Equal(2, reviews.Count);
        Assert.Equal(first.Review, reviews[0]);
        Assert.Equal(second.Review, reviews[1]);
        Assert.Equal(("alice", ReviewOutcome.TrueMatch, "same DOB and passport"), (reviews[0].Reviewer, reviews[0].Outcome, reviews[0].Reason));
        Assert.Equal((AlertStatus.Open, AlertStatus.PendingSecondReview, Start.AddMinutes(1)), (reviews[0].StatusBefore, reviews[0].StatusAfter, reviews[0].At));
        Assert.Equal((AlertStatus.PendingSecondReview, AlertStatus.ClosedTrueMatch, Start.AddMinutes(2)), (reviews[1].StatusBefore, reviews[1].StatusAfter, reviews[1].At));

        var audit = (await store.ReadAuditAsync(0, 100, Ct)).Where(r => r.Action == "alert.reviewed").ToList();
        Assert.Equal(["alice", "bob"], audit.Select(r => r.Actor));
        Assert.All(audit, r => Assert.Equal(alert.Id, r.Subject));
        Assert.True((await store.VerifyAuditAsync(Ct)).IsValid);
    }

    [Fact]
    public async Task False_positive_closes_at_once()
    {
        var (store, alert) = await OneAlertAsync();
        var result = await store.ReviewAsync(alert.Id, new ReviewRequest("alice", ReviewOutcome.FalsePositive, "born 1971, not 1967"), Ct);
        Assert.True(result.Accepted);
        Assert.Equal(AlertStatus.ClosedFalsePositive, result.Alert!.Status);
        Assert.Equal(AlertStatus.ClosedFalsePositive, (await store.GetAlertAsync(alert.Id, Ct))!.Status);
        Assert.Equal(ReviewRefusal.AlertClosed, (await store.ReviewAsync(alert.Id, new("bob", ReviewOutcome.TrueMatch, "r"), Ct)).Refusal);
    }

    [Fact]
    public async Task Escalation_and_disagreement_lead_to_escalated()
    {
        var (store, alert) = await OneAlertAsync();
        var escalated = await store.ReviewAsync(alert.Id, new("alice", ReviewOutcome.Escalate, "unsure"), Ct);
        Assert.Equal(AlertStatus.Escalated, escalated.Alert!.Status);
        Assert.Equal(ReviewRefusal.AlreadyEscalated, (await store.ReviewAsync(alert.Id, new("bob", ReviewOutcome.Escalate, "again"), Ct)).Refusal);

        var proposed = await store.ReviewAsync(alert.Id, new("senior", ReviewOutcome.TrueMatch, "it is him"), Ct);
        Assert.Equal(AlertStatus.PendingSecondReview, proposed.Alert!.Status);
        var disagreed = await store.ReviewAsync(alert.Id, new("carol", ReviewOutcome.FalsePositive, "different person"), Ct);
        Assert.Equal(AlertStatus.Escalated, disagreed.Alert!.Status);
        Assert.Equal(AlertStatus.Escalated, (await store.GetAlertAsync(alert.Id, Ct))!.Status);
        Assert.Equal(3, (await store.GetReviewsAsync(alert.Id, Ct)).Count);
    }

    [Fact]
    public async Task Review_of_an_unknown_alert_is_refused_and_reason_is_required()
    {
        var (store, alert) = await OneAlertAsync();
        var missing = await store.ReviewAsync("no-such-alert", new("alice", ReviewOutcome.FalsePositive, "r"), Ct);
        Assert.Equal(ReviewRefusal.AlertNotFound, missing.Refusal);
        Assert.Null(missing.Alert);
        await Assert.ThrowsAsync<ArgumentException>(() => store.ReviewAsync(alert.Id, new("alice", ReviewOutcome.FalsePositive, " "), Ct));
        Assert.Empty(await store.GetReviewsAsync(alert.Id, Ct));
    }
}
