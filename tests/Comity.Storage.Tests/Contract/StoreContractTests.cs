using System.Text.Json;
using Comity.Storage.Alerts;
using Comity.Storage.Reviews;
using Comity.Storage.Runs;
using Microsoft.Extensions.Time.Testing;

namespace Comity.Storage.Tests.Contract;

/// <summary>
/// Behaviour every <see cref="IComityStore"/> provider must show. Each test runs on a fresh database (SQLite: a
/// temp file; PostgreSQL: a fresh schema), created by the subclass.
/// </summary>
public abstract partial class StoreContractTests : IAsyncLifetime
{
    protected static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

    private readonly List<IComityStore> opened = [];

    protected FakeTimeProvider Clock { get; } = new(Start);

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Spec of this test's database for <see cref="ComityStores.OpenAsync"/>.</summary>
    protected abstract string Spec { get; }

    /// <summary>Migrations the provider ships.</summary>
    protected abstract int MigrationCount { get; }

    /// <summary>SQL that lets the test change audit_log rows (drops or disables the append-only triggers).</summary>
    protected abstract string DisableAuditTriggersSql { get; }

    public abstract ValueTask InitializeAsync();

    public async ValueTask DisposeAsync()
    {
        foreach (var store in opened)
        {
            await store.DisposeAsync();
        }

        await CleanupAsync();
        GC.SuppressFinalize(this);
    }

    protected abstract ValueTask CleanupAsync();

    protected abstract Task<int> ExecuteRawAsync(string sql);

    protected abstract Task<long> ScalarRawAsync(string sql);

    /// <summary>Opens another store (own connections and pool) on this test's database.</summary>
    protected async Task<IComityStore> OpenAsync()
    {
        var store = await ComityStores.OpenAsync(Spec, new StoreOptions { TimeProvider = Clock, ReviewPolicy = Comity.Application.Reviews.FourEyesPolicy.Instance }, Ct);
        lock (opened)
        {
            opened.Add(store);
        }

        return store;
    }

    protected static NewAlert SampleAlert(string queryId, string name, string entityId, double score)
    {
        var source = entityId[..entityId.IndexOf(':', StringComparison.Ordinal)];
        var sourceId = entityId[(source.Length + 1)..];
        var query = JsonSerializer.Serialize(new { schema = "Person", name, birthDate = "1952-10-07" });
        return new NewAlert(
            queryId,
            StorageHash.Sha256Hex(query),
            query,
            entityId,
            source,
            sourceId,
            score,
            """{"decision":"prohibited","basis":"Regulation (EU) 269/2014 Art. 2"}""",
            "2026-03-01.1",
            """{"datasets":[{"name":"eu-fsf","sha256":"5f2b0c0e8d6f4a7b9c1d2e3f405162738495a6b7c8d9e0f1a2b3c4d5e6f70819"}]}""");
    }

    protected static Task<ScreeningRun> StartRunAsync(IComityStore store) =>
        store.StartRunAsync(new NewScreeningRun("screener-1", """{"jurisdiction":"de","role":"bank"}""", "2026-03-01.1"), Ct);

    [Fact]
    public async Task Open_applies_every_migration_once_and_reopening_keeps_data()
    {
        var store = await OpenAsync();
        Assert.Equal(MigrationCount, await store.GetSchemaVersionAsync(Ct));
        var run = await StartRunAsync(store);
        await store.DisposeAsync();

        var again = await OpenAsync();
        var third = await OpenAsync();
        Assert.Equal(MigrationCount, await third.GetSchemaVersionAsync(Ct));
        Assert.Equal(MigrationCount, await ScalarRawAsync("SELECT COUNT(*) FROM schema_version"));
        Assert.Equal(run, await again.GetRunAsync(run.Id, Ct));
        Assert.True((await again.VerifyAuditAsync(Ct)).IsValid);
    }

    [Fact]
    public async Task Concurrent_openers_of_a_new_database_all_succeed()
    {
        var stores = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(OpenAsync)));
        foreach (var store in stores)
        {
            Assert.Equal(MigrationCount, await store.GetSchemaVersionAsync(Ct));
        }

        Assert.Equal(MigrationCount, await ScalarRawAsync("SELECT COUNT(*) FROM schema_version"));
        Assert.Equal(1, await ScalarRawAsync("SELECT COUNT(*) FROM audit_head"));
    }

    [Fact]
    public async Task Runs_record_start_finish_and_counts()
    {
        var store = await OpenAsync();
        var run = await StartRunAsync(store);
        Assert.Equal(Start, run.StartedAt);
        Assert.Null(run.FinishedAt);
        Assert.Equal(RunCounts.Zero, run.Counts);

        Clock.Advance(TimeSpan.FromSeconds(90));
        var finished = await store.FinishRunAsync(run.Id, new RunCounts(1200, 37, 12, 1), "screener-1", Ct);
        Assert.Equal(run.Id, finished.Id);
        Assert.Equal(Start, finished.StartedAt);
        Assert.Equal(Start.AddSeconds(90), finished.FinishedAt);
        Assert.Equal("screener-1", finished.Actor);
        Assert.Equal("""{"jurisdiction":"de","role":"bank"}""", finished.Profile);
        Assert.Equal("2026-03-01.1", finished.CorpusVersion);
        Assert.Equal(new RunCounts(1200, 37, 12, 1), finished.Counts);
        Assert.Equal(finished, await store.GetRunAsync(run.Id, Ct));
        Assert.Null(await store.GetRunAsync("no-such-run", Ct));
        await Assert.ThrowsAsync<StoreException>(() => store.FinishRunAsync("no-such-run", RunCounts.Zero, "x", Ct));

        var audit = await store.ReadAuditAsync(0, 10, Ct);
        Assert.Equal(["run.started", "run.finished"], audit.Select(r => r.Action));
        Assert.All(audit, r => Assert.Equal(run.Id, r.Subject));
    }

    [Fact]
    public async Task Alerts_round_trip_field_by_field_and_audit_shows_no_query_text()
    {
        var store = await OpenAsync();
        var run = await StartRunAsync(store);
        var input = SampleAlert("customer-77", "Sergei Viktorovich Naryshkin", "eu-fsf:EU.3953.70", 0.93);
        var batch = await store.CreateAlertsAsync(new AlertBatchRequest(run.Id, "screener-1", [input]), Ct);

        Assert.False(batch.Replayed);
        var alert = Assert.Single(batch.Alerts);
        var stored = await store.GetAlertAsync(alert.Id, Ct);
        Assert.NotNull(stored);
        Assert.Equal(alert, stored);
        Assert.Equal(run.Id, stored.RunId);
        Assert.Null(stored.IdempotencyKey);
        Assert.Equal(0, stored.Ordinal);
        Assert.Equal("customer-77", stored.QueryId);
        Assert.Equal(input.QueryHash, stored.QueryHash);
        Assert.Equal(input.QueryJson, stored.QueryJson);
        Assert.Equal("eu-fsf:EU.3953.70", stored.EntityId);
        Assert.Equal("eu-fsf", stored.Source);
        Assert.Equal("EU.3953.70", stored.SourceId);
        Assert.Equal(0.93, stored.Score);
        Assert.Equal(input.DecisionJson, stored.DecisionJson);
        Assert.Equal("2026-03-01.1", stored.CorpusVersion);
        Assert.Equal(input.ProvenanceJson, stored.ProvenanceJson);
        Assert.Equal(AlertStatus.Open, stored.Status);
        Assert.Equal(Start, stored.CreatedAt);
        Assert.Equal(Start, stored.UpdatedAt);
        Assert.Null(await store.GetAlertAsync("no-such-alert", Ct));

        var created = (await store.ReadAuditAsync(0, 10, Ct)).Single(r => r.Action == "alerts.created");
        Assert.Equal(run.Id, created.Subject);
        Assert.Contains(input.QueryHash, created.PayloadJson, StringComparison.Ordinal);
        Assert.Contains(alert.Id, created.PayloadJson, StringComparison.Ordinal);
        Assert.DoesNotContain("Naryshkin", created.PayloadJson, StringComparison.Ordinal);
        Assert.DoesNotContain("1952", created.PayloadJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Alerts_for_an_unknown_run_or_with_a_bad_score_are_refused_and_nothing_is_written()
    {
        var store = await OpenAsync();
        var alert = SampleAlert("q1", "Viktor Bout", "us-ofac-sdn:36", 0.9);
        await Assert.ThrowsAsync<StoreException>(() =>
            store.CreateAlertsAsync(new AlertBatchRequest("no-such-run", "s", [alert]) { IdempotencyKey = "k" }, Ct));
        var run = await StartRunAsync(store);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            store.CreateAlertsAsync(new AlertBatchRequest(run.Id, "s", [alert with { Score = 1.5 }]), Ct));

        Assert.Equal(0, await ScalarRawAsync("SELECT COUNT(*) FROM alerts"));
        Assert.Equal(0, await ScalarRawAsync("SELECT COUNT(*) FROM idempotency_keys"));
        Assert.Equal(1, (await store.VerifyAuditAsync(Ct)).RecordsChecked);
    }

    [Fact]
    public async Task Idempotency_key_replay_returns_the_first_alerts_and_creates_none()
    {
        var store = await OpenAsync();
        var run = await StartRunAsync(store);
        var alerts = new[]
        {
            SampleAlert("row-1", "Viktor Bout", "us-ofac-sdn:36", 0.97),
            SampleAlert("row-1", "Viktor Bout", "un-sc:QDi.291", 0.88),
        };
        var first = await store.CreateAlertsAsync(new AlertBatchRequest(run.Id, "screener-1", alerts) { IdempotencyKey = "req-42" }, Ct);
        Clock.Advance(TimeSpan.FromMinutes(5));
        var retry = await store.CreateAlertsAsync(
            new AlertBatchRequest(run.Id, "screener-1", [.. alerts, SampleAlert("row-2", "X", "gb-fcdo:RUS0251", 0.8)])
            {
                IdempotencyKey = "req-42",
            },
            Ct);

        Assert.False(first.Replayed);
        Assert.True(retry.Replayed);
        Assert.Equal(first.Alerts, retry.Alerts);
        Assert.Equal([0, 1], retry.Alerts.Select(a => a.Ordinal));
        Assert.All(retry.Alerts, a => Assert.Equal("req-42", a.IdempotencyKey));
        Assert.Equal(2, await ScalarRawAsync("SELECT COUNT(*) FROM alerts"));

        var empty = await store.CreateAlertsAsync(new AlertBatchRequest(run.Id, "s", []) { IdempotencyKey = "req-43" }, Ct);
        var emptyRetry = await store.CreateAlertsAsync(
            new AlertBatchRequest(run.Id, "s", [SampleAlert("row-9", "Y", "us-ofac-sdn:37", 0.9)]) { IdempotencyKey = "req-43" }, Ct);
        Assert.False(empty.Replayed);
        Assert.True(emptyRetry.Replayed);
        Assert.Empty(emptyRetry.Alerts);
        Assert.Equal(2, await ScalarRawAsync("SELECT COUNT(*) FROM alerts"));
        Assert.Equal(3, (await store.ReadAuditAsync(0, 100, Ct)).Count);
    }

    [Fact]
    public async Task A_batch_of_a_thousand_alerts_is_stored_whole_and_in_request_order()
    {
        var store = await OpenAsync();
        var run = await StartRunAsync(store);
        var inputs = Enumerable.Range(0, 1000)
            .Select(i => SampleAlert($"row-{i}", $"Name {i}", $"us-ofac-sdn:{i}", (i % 100) / 100.0))
            .ToList();
        var batch = await store.CreateAlertsAsync(new AlertBatchRequest(run.Id, "s", inputs) { IdempotencyKey = "big" }, Ct);

        Assert.Equal(1000, await ScalarRawAsync("SELECT COUNT(*) FROM alerts"));
        var replay = await store.CreateAlertsAsync(new AlertBatchRequest(run.Id, "s", inputs) { IdempotencyKey = "big" }, Ct);
        Assert.True(replay.Replayed);
        Assert.Equal(batch.Alerts, replay.Alerts);
        for (var i = 0; i < inputs.Count; i++)
        {
            var alert = replay.Alerts[i];
            Assert.Equal(i, alert.Ordinal);
            Assert.Equal(inputs[i].QueryId, alert.QueryId);
            Assert.Equal(inputs[i].QueryJson, alert.QueryJson);
            Assert.Equal(inputs[i].EntityId, alert.EntityId);
            Assert.Equal(inputs[i].SourceId, alert.SourceId);
            Assert.Equal(inputs[i].Score, alert.Score);
        }

        Assert.Equal(1000, replay.Alerts.Select(a => a.Id).Distinct().Count());
    }

    [Fact]
    public async Task Listing_filters_by_status_source_run_and_date_and_pages_newest_first()
    {
        var store = await OpenAsync();
        var run = await StartRunAsync(store);
        var ids = new List<string>();
        string[] sources = ["us-ofac-sdn", "eu-fsf", "un-sc"];
        for (var day = 0; day < 3; day++)
        {
            for (var i = 0; i < 4; i++)
            {
                var source = sources[(day + i) % 3];
                var batch = await store.CreateAlertsAsync(
                    new AlertBatchRequest(run.Id, "s", [SampleAlert($"d{day}-{i}", "N", $"{source}:{day}{i}", 0.9)]), Ct);
                ids.Add(batch.Alerts[0].Id);
                Clock.Advance(TimeSpan.FromMinutes(10));
            }

            Clock.Advance(TimeSpan.FromDays(1) - TimeSpan.FromMinutes(40));
        }

        await store.ReviewAsync(ids[0], new("ana", ReviewOutcome.FalsePositive, "DOB differs"), Ct);
        await store.ReviewAsync(ids[5], new("ana", ReviewOutcome.Escalate, "needs senior"), Ct);

        var all = await store.ListAlertsAsync(new AlertFilter(), Ct);
        Assert.Equal(12, all.Total);
        Assert.Equal(Enumerable.Reverse(ids), all.Items.Select(a => a.Id));

        var open = await store.ListAlertsAsync(new AlertFilter { Status = AlertStatus.Open }, Ct);
        Assert.Equal(10, open.Total);
        Assert.DoesNotContain(ids[0], open.Items.Select(a => a.Id));
        var escalated = await store.ListAlertsAsync(new AlertFilter { Status = AlertStatus.Escalated }, Ct);
        Assert.Equal([ids[5]], escalated.Items.Select(a => a.Id));

        var eu = await store.ListAlertsAsync(new AlertFilter { Source = "eu-fsf" }, Ct);
        Assert.Equal(4, eu.Total);
        Assert.All(eu.Items, a => Assert.Equal("eu-fsf", a.Source));

        var dayTwo = await store.ListAlertsAsync(
            new AlertFilter { CreatedFrom = Start.AddDays(1), CreatedTo = Start.AddDays(2) }, Ct);
        Assert.Equal(ids.Skip(4).Take(4).Reverse(), dayTwo.Items.Select(a => a.Id));
        var fromExactInstant = await store.ListAlertsAsync(new AlertFilter { CreatedFrom = Start.AddDays(2).AddMinutes(30) }, Ct);
        Assert.Equal([ids[11]], fromExactInstant.Items.Select(a => a.Id));

        var combined = await store.ListAlertsAsync(
            new AlertFilter { Status = AlertStatus.Open, Source = "us-ofac-sdn", CreatedFrom = Start.AddDays(1), RunId = run.Id }, Ct);
        Assert.All(combined.Items, a => Assert.True(a.Source == "us-ofac-sdn" && a.CreatedAt >= Start.AddDays(1)));
        Assert.Equal(2, combined.Total);

        var page2 = await store.ListAlertsAsync(new AlertFilter { Offset = 5, Limit = 5 }, Ct);
        Assert.Equal(12, page2.Total);
        Assert.Equal(ids.AsEnumerable().Reverse().Skip(5).Take(5), page2.Items.Select(a => a.Id));
        var last = await store.ListAlertsAsync(new AlertFilter { Offset = 10, Limit = 5 }, Ct);
        Assert.Equal(2, last.Items.Count);
        Assert.Empty((await store.ListAlertsAsync(new AlertFilter { RunId = "other" }, Ct)).Items);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.ListAlertsAsync(new AlertFilter { Limit = 0 }, Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.ListAlertsAsync(new AlertFilter { Limit = 1001 }, Ct));
    }
}
