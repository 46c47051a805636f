using System.Text.Json;
using Comity.Storage.Alerts;
using Comity.Storage.Monitoring;
using Comity.Storage.Reviews;
using Comity.Storage.Runs;

namespace Comity.Storage.Tests.Contract;

/// <summary>The monitoring contract: portfolios, subjects and shards, the one transactional monitoring write (run,
/// subjects, alerts, ended pairs, events, webhook deliveries, job completion), the live-pair uniqueness, the job queue
/// with leases, deliveries and dead letters, named locks, proof of screening.</summary>
public abstract partial class StoreContractTests
{
    private static SubjectState State(string id, string version, bool match = false, params string[] entities) =>
        new(id, "{\"hits\":[]}", match, match ? 0.2 : null, entities, version, "{\"names\":[\"" + id + "\"]}", "{\"names\":[]}");

    private static NewMonitorAlert MonitorAlert(string alertId, string subject, string entity) =>
        new(alertId, subject, SampleAlert(subject, "Name " + subject, entity, 0.9), entity, "{}", "{}", "new_hit", null);

    private static NewMonitorEvent Event(string id, string type, string? subject = null) => new(id, "p", type, subject, null, "{\"id\":\"" + id + "\"}");

    [Fact]
    public async Task Portfolios_are_created_once_and_refuse_other_settings()
    {
        var store = await OpenAsync();
        var p = await store.Monitoring.EnsurePortfolioAsync(new NewPortfolio("p", "{\"jurisdiction\":\"DE\"}", 0.65, 100), "tester", Ct);
        Assert.Equal(("p", 0.65, 100, 0L), (p.Name, p.Threshold, p.ShardSize, p.Subjects));
        Assert.Equal(p, await store.Monitoring.EnsurePortfolioAsync(new NewPortfolio("p", "{\"jurisdiction\":\"DE\"}", 0.65, 100), "tester", Ct));
        var e = await Assert.ThrowsAsync<StoreException>(() => store.Monitoring.EnsurePortfolioAsync(new NewPortfolio("p", "{\"jurisdiction\":\"FR\"}", 0.65, 100), "tester", Ct));
        Assert.Contains("another screener profile", e.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<StoreException>(() => store.Monitoring.EnsurePortfolioAsync(new NewPortfolio("p", "{\"jurisdiction\":\"DE\"}", 0.7, 100), "tester", Ct));
        Assert.Equal(["p"], (await store.Monitoring.ListPortfoliosAsync(Ct)).Select(x => x.Name));
        Assert.Null(await store.Monitoring.GetPortfolioAsync("q", Ct));
        Assert.Equal(["portfolio.created"], (await store.ReadAuditAsync(0, 10, Ct)).Select(r => r.Action));
    }

    [Fact]
    public async Task A_monitoring_write_stores_run_subjects_alerts_events_and_deliveries_in_one_transaction()
    {
        var store = await OpenAsync();
        await store.Monitoring.EnsurePortfolioAsync(new NewPortfolio("p", "{}", 0.65, 2), "tester", Ct);
        var hook = await store.Monitoring.AddWebhookAsync("p", "http://127.0.0.1:9/hook", "secret-0123456789", 3, "tester", Ct);
        var write = new MonitorWrite("p", "tester")
        {
            NewRun = new NewScreeningRun("tester", "portfolio:p", "v1") { Proof = new RunProof("engine-1", 0.65, "{\"limit\":20}", "{}") },
            RunId = "run-1",
            RunSubjects = [new RunSubject(0, "a", "{\"names\":[\"a\"]}", "[]"), new RunSubject(1, "b", "{\"names\":[\"b\"]}", "[{\"entity_id\":\"x:1\",\"score\":0.9,\"match\":true}]")],
            Subjects = [State("a", "v1"), State("b", "v1", true, "x:1", "y:2"), State("c", "v1", true, "x:1")],
            NewAlerts = [MonitorAlert("al-1", "b", "x:1"), MonitorAlert("al-2", "c", "x:1")],
            Events = [Event("ev-1", "alert.created", "b"), Event("ev-2", "alert.created", "c")],
            FinishRun = new RunCounts(3, 2, 2, 0),
            DecidedOn = "2026-03-02",
        };
        var result = await store.Monitoring.WriteAsync(write, Ct);
        Assert.Equal(new Dictionary<string, long> { ["a"] = 0, ["b"] = 1, ["c"] = 2 }, result.AddedSeqs);
        Assert.Equal(2, result.EventSeqs.Count);
        Assert.True(result.EventSeqs[1] > result.EventSeqs[0]);

        // Shards of 2: seq 0-1 and 2; both at v1.
        var shards = await store.Monitoring.GetShardsAsync("p", Ct);
        Assert.Equal([(0, "v1", "2026-03-02"), (2 / 2, "v1", "2026-03-02")], shards.Select(s => (s.Shard, s.CorpusVersion, s.DecidedOn)));
        Assert.Equal(3, (await store.Monitoring.GetPortfolioAsync("p", Ct))!.Subjects);
        Assert.Equal(["b", "c"], await store.Monitoring.SubjectsInvolvingAsync("p", ["x:1"], 0, 10, Ct));
        Assert.Equal(["b"], await store.Monitoring.SubjectsInvolvingAsync("p", ["x:1", "y:2"], 0, 2, Ct));
        Assert.Equal(["b"], (await store.Monitoring.ListSubjectsAsync("p", 0, 2, SubjectSelection.WithMatch, Ct)).Select(s => s.SubjectId));
        Assert.Equal(["b", "c"], await store.Monitoring.ListNearAsync("p", 0, 10, 0.25, Ct));
        Assert.Empty(await store.Monitoring.ListNearAsync("p", 0, 10, 0.1, Ct));
        Assert.Equal(["b", "c"], await store.Monitoring.ListKeptAsync("p", 0, 10, Ct));
        Assert.Equal(["b"], await store.Monitoring.ListKeptAsync("p", 0, 2, Ct));
        Assert.Empty(await store.Monitoring.ListKeptAsync("p", 0, 1, Ct));
        Assert.Empty(await store.Monitoring.ListClearedAsync("p", 0, 10, Ct));

        // The run with its proof and subjects; the alerts; the pairs; the events with one delivery per event.
        var run = await store.GetRunAsync("run-1", Ct);
        Assert.Equal(new RunProof("engine-1", 0.65, "{\"limit\":20}", "{}"), run!.Proof);
        Assert.Equal(new RunCounts(3, 2, 2, 0), run.Counts);
        Assert.Equal(["a", "b"], (await store.ReadRunSubjectsAsync("run-1", -1, 10, Ct)).Select(s => s.QueryId));
        Assert.Equal(["b"], (await store.ReadRunSubjectsAsync("run-1", 0, 10, Ct)).Select(s => s.QueryId));
        Assert.Equal(AlertStatus.Open, (await store.GetAlertAsync("al-1", Ct))!.Status);
        var pairs = await store.Monitoring.GetPairsAsync("p", ["b", "c"], Ct);
        Assert.Equal(["al-1", "al-2"], pairs.Select(x => x.AlertId).Order(StringComparer.Ordinal));
        Assert.All(pairs, x => Assert.True(x.Live));
        var events = await store.Monitoring.ReadEventsAsync(0, 10, "p", Ct);
        Assert.Equal(["ev-1", "ev-2"], events.Select(e => e.Id));
        Assert.Equal(["ev-2"], (await store.Monitoring.ReadEventsAsync(events[0].Seq, 10, null, Ct)).Select(e => e.Id));
        Assert.Equal(["ev-2", "ev-1"], (await store.Monitoring.ReadEventsBeforeAsync(long.MaxValue, 10, "p", Ct)).Select(e => e.Id));
        Assert.Equal(["ev-1"], (await store.Monitoring.ReadEventsBeforeAsync(events[1].Seq, 10, "p", Ct)).Select(e => e.Id));
        Assert.Equal(["ev-2"], (await store.Monitoring.ReadEventsBeforeAsync(long.MaxValue, 1, null, Ct)).Select(e => e.Id));
        Assert.Empty(await store.Monitoring.ReadEventsBeforeAsync(long.MaxValue, 10, "nobody", Ct));
        Assert.Equal(2, (await store.Monitoring.ListDeliveriesAsync(hook.Id, DeliveryStatus.Pending, 10, Ct)).Count);

        // A second live alert for a live pair is refused by the database: nothing of that write is stored.
        var duplicate = new MonitorWrite("p", "tester") { RunId = "run-1", NewAlerts = [MonitorAlert("al-3", "b", "x:1")], Events = [Event("ev-3", "alert.created", "b")] };
        await Assert.ThrowsAnyAsync<Exception>(() => store.Monitoring.WriteAsync(duplicate, Ct));
        Assert.Null(await store.GetAlertAsync("al-3", Ct));
        Assert.Equal(2, (await store.Monitoring.ReadEventsAsync(0, 10, "p", Ct)).Count);

        // The hit of b vanishes: its pair ends and its open alert closes as delisted; c's alert, cleared, ends closed.
        Assert.True((await store.ReviewAsync("al-2", new ReviewRequest("analyst", ReviewOutcome.FalsePositive, "no"), Ct)).Accepted);
        Assert.Equal(["c"], await store.Monitoring.ListClearedAsync("p", 0, 10, Ct));
        Assert.Empty(await store.Monitoring.ListClearedAsync("p", 0, 2, Ct));
        Assert.Empty(await store.Monitoring.ListClearedAsync("q", 0, 10, Ct));
        await store.Monitoring.WriteAsync(new MonitorWrite("p", "tester")
        {
            Subjects = [State("b", "v2") with { QueryJson = null, FactsJson = null }, State("c", "v2") with { QueryJson = null, FactsJson = null }],
            Ends = [new PairEnd("al-1", true), new PairEnd("al-2", true)],
            Shards = [new PortfolioShard("p", 0, "v2", "2026-03-03"), new PortfolioShard("p", 1, "v2", "2026-03-03")],
        }, Ct);
        Assert.Equal(AlertStatus.ClosedDelisted, (await store.GetAlertAsync("al-1", Ct))!.Status);
        Assert.Equal(AlertStatus.ClosedFalsePositive, (await store.GetAlertAsync("al-2", Ct))!.Status);
        Assert.All(await store.Monitoring.GetPairsAsync("p", ["b", "c"], Ct), x => Assert.False(x.Live));
        Assert.Empty(await store.Monitoring.SubjectsInvolvingAsync("p", ["x:1"], 0, 10, Ct));
        Assert.Empty(await store.Monitoring.ListClearedAsync("p", 0, 10, Ct));
        Assert.Empty(await store.Monitoring.ListKeptAsync("p", 0, 10, Ct));
        Assert.Equal(AlertStatus.ClosedDelisted, (await store.ListAlertsAsync(new AlertFilter { Status = AlertStatus.ClosedDelisted }, Ct)).Items.Single().Status);

        // A new live alert for the ended pair is accepted; subjects are removed with their hit index.
        await store.Monitoring.WriteAsync(new MonitorWrite("p", "tester") { RunId = "run-1", NewAlerts = [MonitorAlert("al-4", "b", "x:1")] }, Ct);
        Assert.Equal(1, await store.Monitoring.RemoveSubjectsAsync("p", ["b", "zz"], "tester", Event("ev-9", "subjects.removed"), Ct));
        Assert.Equal(["a", "c"], (await store.Monitoring.PageSubjectsAsync("p", 0, 10, Ct)).Items.Select(s => s.SubjectId));
        Assert.False((await store.Monitoring.GetPairsAsync("p", ["b"], Ct)).Single(x => x.AlertId == "al-4").Live);
        Assert.True((await store.VerifyAuditAsync(Ct)).IsValid);
    }

    [Fact]
    public async Task Alerts_filter_by_the_portfolio_whose_monitoring_raised_them()
    {
        var store = await OpenAsync();
        await store.Monitoring.EnsurePortfolioAsync(new NewPortfolio("p", "{}", 0.65, 10), "tester", Ct);
        await store.Monitoring.EnsurePortfolioAsync(new NewPortfolio("q", "{}", 0.65, 10), "tester", Ct);
        var run = await store.StartRunAsync(new NewScreeningRun("tester", "none", "v1"), Ct);
        await store.CreateAlertsAsync(new AlertBatchRequest(run.Id, "tester", [SampleAlert("s-1", "Screened Directly", "x:9", 0.8)]), Ct);
        await store.Monitoring.WriteAsync(new MonitorWrite("p", "tester") { RunId = run.Id, Subjects = [State("a", "v1", true, "x:1")], NewAlerts = [MonitorAlert("al-p", "a", "x:1")] }, Ct);
        await store.Monitoring.WriteAsync(new MonitorWrite("q", "tester") { RunId = run.Id, Subjects = [State("a", "v1", true, "x:1")], NewAlerts = [MonitorAlert("al-q", "a", "x:1")] }, Ct);

        Assert.Equal(3, (await store.ListAlertsAsync(new AlertFilter(), Ct)).Total);
        Assert.Equal(["al-p"], (await store.ListAlertsAsync(new AlertFilter { Portfolio = "p" }, Ct)).Items.Select(a => a.Id));
        Assert.Equal(["al-q"], (await store.ListAlertsAsync(new AlertFilter { Portfolio = "q" }, Ct)).Items.Select(a => a.Id));
        Assert.Empty((await store.ListAlertsAsync(new AlertFilter { Portfolio = "none" }, Ct)).Items);
        Assert.Equal(1, (await store.CountAlertsByStatusAsync(new AlertFilter { Portfolio = "p" }, Ct)).GetValueOrDefault(AlertStatus.Open));
    }

    [Fact]
    public async Task Jobs_are_enqueued_once_taken_by_one_worker_and_taken_again_after_a_lease_expires()
    {
        var store = await OpenAsync();
        var other = await OpenAsync();
        await store.Monitoring.EnsurePortfolioAsync(new NewPortfolio("p", "{}", 0.65, 10), "tester", Ct);
        NewMonitorJob Job(string id, int shard) => new(id, "p", shard, JobKind.Delta, "from:v1", "v2");
        Assert.Equal(2, await store.Monitoring.EnqueueJobsAsync([Job("j1", 0), Job("j2", 1)], "tester", Ct));
        Assert.Equal(0, await other.Monitoring.EnqueueJobsAsync([Job("j3", 0), Job("j4", 1)], "tester", Ct));
        Assert.Null(await store.Monitoring.TakeJobAsync("w1", TimeSpan.FromSeconds(30), ["v9"], Ct));

        var taken = await Task.WhenAll(
            store.Monitoring.TakeJobAsync("w1", TimeSpan.FromSeconds(30), ["v2"], Ct),
            other.Monitoring.TakeJobAsync("w2", TimeSpan.FromSeconds(30), ["v2"], Ct));
        Assert.Equal(["j1", "j2"], taken.Select(j => j!.Id).Order(StringComparer.Ordinal));
        Assert.Null(await store.Monitoring.TakeJobAsync("w3", TimeSpan.FromSeconds(30), ["v2"], Ct));
        var j1 = taken.Single(j => j!.Id == "j1")!;

        // w1 dies holding j1: after the lease, w3 takes it; w1's late completion is refused and stores nothing.
        Clock.Advance(TimeSpan.FromSeconds(31));
        Assert.False(await store.Monitoring.RenewJobLeaseAsync(j1.Id, j1.LeaseOwner!, TimeSpan.FromSeconds(30), Ct));
        var again = await store.Monitoring.TakeJobAsync("w3", TimeSpan.FromSeconds(30), ["v2"], Ct);
        Assert.NotNull(again);
        Assert.Equal(2, again.Attempts);
        var late = new MonitorWrite("p", j1.LeaseOwner!) { Events = [Event("ev-late", "rescreen.completed")], Job = new JobCompletion(again.Id, j1.LeaseOwner!, "{}") };
        await Assert.ThrowsAsync<LeaseLostException>(() => store.Monitoring.WriteAsync(late, Ct));
        Assert.Empty(await store.Monitoring.ReadEventsAsync(0, 10, null, Ct));

        Assert.True(await store.Monitoring.RenewJobLeaseAsync(again.Id, "w3", TimeSpan.FromSeconds(30), Ct));
        await store.Monitoring.WriteAsync(new MonitorWrite("p", "w3") { Events = [Event("ev-done", "rescreen.completed")], Job = new JobCompletion(again.Id, "w3", "{\"screened\":1}") }, Ct);
        var done = (await store.Monitoring.ListJobsAsync(JobStatus.Done, "p", 10, Ct)).Single();
        Assert.Equal((again.Id, "{\"screened\":1}"), (done.Id, done.ResultJson!));

        // A failing job goes back to the queue, then fails for good after its last attempt.
        var j2 = (await store.Monitoring.ListJobsAsync(JobStatus.Running, "p", 10, Ct)).Single();
        await store.Monitoring.FailJobAsync(j2.Id, j2.LeaseOwner!, "boom", 2, Ct);
        Assert.Equal(JobStatus.Queued, (await store.Monitoring.ListJobsAsync(null, "p", 10, Ct)).Single(j => j.Id == j2.Id).Status);
        var retaken = await store.Monitoring.TakeJobAsync("w4", TimeSpan.FromSeconds(30), ["v2"], Ct);
        await store.Monitoring.FailJobAsync(retaken!.Id, "w4", "boom again", 2, Ct);
        var failed = (await store.Monitoring.ListJobsAsync(JobStatus.Failed, "p", 10, Ct)).Single();
        Assert.Equal(("boom again", 2), (failed.Error!, failed.Attempts));
    }

    [Fact]
    public async Task Deliveries_are_leased_retried_and_end_delivered_or_dead()
    {
        var store = await OpenAsync();
        await store.Monitoring.EnsurePortfolioAsync(new NewPortfolio("p", "{}", 0.65, 10), "tester", Ct);
        var hook = await store.Monitoring.AddWebhookAsync("p", "http://127.0.0.1:9/hook", "secret-0123456789", 2, "tester", Ct);
        await store.Monitoring.WriteAsync(new MonitorWrite("p", "tester") { Events = [Event("ev-1", "alert.created"), Event("ev-2", "alert.created")] }, Ct);
        var due = await store.Monitoring.TakeDueDeliveriesAsync("n1", TimeSpan.FromSeconds(60), 10, Ct);
        Assert.Equal(["ev-1", "ev-2"], due.Select(d => d.Event.Id));
        Assert.Equal("secret-0123456789", due[0].Webhook.Secret);
        Assert.Empty(await store.Monitoring.TakeDueDeliveriesAsync("n2", TimeSpan.FromSeconds(60), 10, Ct));
        Assert.False(await store.Monitoring.RecordDeliveryAttemptAsync(due[0].Delivery.Id, "n2", new DeliveryAttempt(true, 200, null, Start), Ct));

        Assert.True(await store.Monitoring.RecordDeliveryAttemptAsync(due[0].Delivery.Id, "n1", new DeliveryAttempt(true, 200, null, Start), Ct));
        Assert.True(await store.Monitoring.RecordDeliveryAttemptAsync(due[1].Delivery.Id, "n1", new DeliveryAttempt(false, 500, "HTTP 500", Start.AddSeconds(10)), Ct));
        Assert.Empty(await store.Monitoring.TakeDueDeliveriesAsync("n1", TimeSpan.FromSeconds(60), 10, Ct));
        Clock.Advance(TimeSpan.FromSeconds(10));
        var retry = Assert.Single(await store.Monitoring.TakeDueDeliveriesAsync("n2", TimeSpan.FromSeconds(60), 10, Ct));
        Assert.Equal(1, retry.Delivery.Attempts);
        Assert.True(await store.Monitoring.RecordDeliveryAttemptAsync(retry.Delivery.Id, "n2", new DeliveryAttempt(false, null, "connection refused", Start.AddSeconds(40)), Ct));
        var dead = Assert.Single(await store.Monitoring.ListDeliveriesAsync(hook.Id, DeliveryStatus.Dead, 10, Ct));
        Assert.Equal((2, "connection refused"), (dead.Attempts, dead.LastError!));
        Assert.Single(await store.Monitoring.ListDeliveriesAsync(hook.Id, DeliveryStatus.Delivered, 10, Ct));
        Assert.Single(await store.ReadAuditAsync(0, 100, Ct), r => r.Action == "webhook.dead_letter");
    }

    [Fact]
    public async Task A_named_lock_has_one_holder_at_a_time_and_corpus_recipes_are_recorded_once()
    {
        var store = await OpenAsync();
        var other = await OpenAsync();
        var held = await store.Monitoring.TryLockAsync("lists", Ct);
        Assert.NotNull(held);
        Assert.Null(await other.Monitoring.TryLockAsync("lists", Ct));
        var unrelated = await other.Monitoring.TryLockAsync("other-name", Ct);
        Assert.NotNull(unrelated);
        await held.DisposeAsync();
        var now = await other.Monitoring.TryLockAsync("lists", Ct);
        Assert.NotNull(now);
        await now.DisposeAsync();
        await unrelated.DisposeAsync();

        await store.RecordCorpusVersionAsync("c1", "{\"lists\":[1]}", Ct);
        Clock.Advance(TimeSpan.FromMinutes(1));
        await other.RecordCorpusVersionAsync("c1", "{\"lists\":[2]}", Ct);
        var record = await store.GetCorpusVersionAsync("c1", Ct);
        Assert.Equal(("{\"lists\":[1]}", Start), (record!.CorpusJson, record.FirstSeenAt));
        Assert.Null(await store.GetCorpusVersionAsync("c2", Ct));

        var change = await store.Monitoring.RecordCorpusChangeAsync("c1", "c2", "{\"a\":1}", Ct);
        Assert.Equal(change, await other.Monitoring.RecordCorpusChangeAsync("c1", "c2", "{\"a\":2}", Ct));
        Assert.Equal(change, await store.Monitoring.GetCorpusChangeAsync("c1", "c2", Ct));

        var update = await store.Monitoring.RecordListUpdateAsync("node-a", Start, "updated", JsonSerializer.Serialize(new[] { new { source = "un-sc" } }), Ct);
        Assert.Equal(update, await other.Monitoring.LastListUpdateAsync(Ct));
    }
}
