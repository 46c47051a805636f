using Comity.Storage.Alerts;
using Comity.Storage.Reviews;

namespace Comity.Storage.Tests.Contract;

/// <summary>The analyst's queue: filters by the decision's action and by reviewer, orders, and counts per status.</summary>
public abstract partial class StoreContractTests
{
    private static NewAlert WithDecision(NewAlert alert, string? action) => alert with
    {
        DecisionJson = action is null ? "{}" : $$"""{"action":"{{action}}","conflict":false,"unconfirmed":false,"listings":[]}""",
    };

    [Fact]
    public async Task Queue_filters_by_action_and_reviewer_sorts_by_score_and_counts_statuses()
    {
        var store = await OpenAsync();
        var run = await StartRunAsync(store);
        (string? Action, double Score)[] plan = [("freeze", 0.91), ("must_not_comply", 0.72), ("freeze", 0.99), ("arrest", 0.80), (null, 0.66)];
        var ids = new List<string>();
        for (var i = 0; i < plan.Length; i++)
        {
            var batch = await store.CreateAlertsAsync(
                new AlertBatchRequest(run.Id, "s", [WithDecision(SampleAlert($"q{i}", "N", $"us-ofac-sdn:{i}", plan[i].Score), plan[i].Action)]), Ct);
            ids.Add(batch.Alerts[0].Id);
            Clock.Advance(TimeSpan.FromMinutes(1));
        }

        var freeze = await store.ListAlertsAsync(new AlertFilter { Action = "freeze" }, Ct);
        Assert.Equal([ids[2], ids[0]], freeze.Items.Select(a => a.Id));
        Assert.Equal(2, freeze.Total);
        var none = await store.ListAlertsAsync(new AlertFilter { Action = AlertFilter.NoAction }, Ct);
        Assert.Equal([ids[4]], none.Items.Select(a => a.Id));
        Assert.Empty((await store.ListAlertsAsync(new AlertFilter { Action = "inactive" }, Ct)).Items);

        var byScore = await store.ListAlertsAsync(new AlertFilter { Sort = AlertSort.ScoreDescending }, Ct);
        Assert.Equal([ids[2], ids[0], ids[3], ids[1], ids[4]], byScore.Items.Select(a => a.Id));
        var lowFirst = await store.ListAlertsAsync(new AlertFilter { Sort = AlertSort.ScoreAscending, Limit = 2 }, Ct);
        Assert.Equal([ids[4], ids[1]], lowFirst.Items.Select(a => a.Id));
        var oldest = await store.ListAlertsAsync(new AlertFilter { Sort = AlertSort.Oldest }, Ct);
        Assert.Equal(ids, oldest.Items.Select(a => a.Id));

        await store.ReviewAsync(ids[0], new("ana", ReviewOutcome.TrueMatch, "same DOB"), Ct);
        await store.ReviewAsync(ids[0], new("ben", ReviewOutcome.TrueMatch, "confirmed"), Ct);
        await store.ReviewAsync(ids[1], new("ben", ReviewOutcome.FalsePositive, "other person"), Ct);
        await store.ReviewAsync(ids[2], new("ana", ReviewOutcome.Escalate, "senior"), Ct);

        var ana = await store.ListAlertsAsync(new AlertFilter { Reviewer = "ana" }, Ct);
        Assert.Equal([ids[2], ids[0]], ana.Items.Select(a => a.Id));
        var ben = await store.ListAlertsAsync(new AlertFilter { Reviewer = "ben", Sort = AlertSort.Oldest }, Ct);
        Assert.Equal([ids[0], ids[1]], ben.Items.Select(a => a.Id));

        var counts = await store.CountAlertsByStatusAsync(new AlertFilter { Status = AlertStatus.Open }, Ct);
        Assert.Equal(2, counts[AlertStatus.Open]);
        Assert.Equal(1, counts[AlertStatus.ClosedTrueMatch]);
        Assert.Equal(1, counts[AlertStatus.ClosedFalsePositive]);
        Assert.Equal(1, counts[AlertStatus.Escalated]);
        Assert.False(counts.ContainsKey(AlertStatus.PendingSecondReview));
        var freezeCounts = await store.CountAlertsByStatusAsync(new AlertFilter { Action = "freeze" }, Ct);
        Assert.Equal(2, freezeCounts.Values.Sum());
        Assert.Equal(1, freezeCounts[AlertStatus.Escalated]);

        var history = await store.ReadAuditForSubjectsAsync([ids[0], run.Id], 100, Ct);
        Assert.Equal(["alerts.created", "alerts.created", "alerts.created", "alerts.created", "alerts.created", "alert.reviewed", "alert.reviewed"],
            history.Where(r => r.Action != "run.started" && r.Action != "run.finished").Select(r => r.Action));
        Assert.Equal(["ana", "ben"], history.Where(r => r.Action == "alert.reviewed").Select(r => r.Actor));
        Assert.True(history.Zip(history.Skip(1)).All(p => p.First.Sequence < p.Second.Sequence));
        Assert.Single(await store.ReadAuditForSubjectsAsync([ids[0], run.Id], 1, Ct));
        Assert.Empty(await store.ReadAuditForSubjectsAsync([], 10, Ct));
    }
}
