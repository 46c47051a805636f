using Comity.Storage.Alerts;
using Comity.Storage.Audit;
using Comity.Storage.Reviews;

namespace Comity.Storage.Tests.Contract;

public abstract partial class StoreContractTests
{
    /// <summary>
    /// Two stores (separate connection pools, as two server processes would have) append audit records and
    /// create alerts under the same idempotency keys at the same time: each key yields one set of alerts, every
    /// caller gets that set back, and the audit chain does not fork.
    /// </summary>
    [Fact]
    public async Task Two_stores_writing_concurrently_create_no_duplicates_and_keep_one_chain()
    {
        var first = await OpenAsync();
        var second = await OpenAsync();
        var run = await StartRunAsync(first);
        const int Keys = 12;
        const int WorkersPerStore = 3;

        async Task<List<AlertBatch>> WorkAsync(IComityStore store, int worker)
        {
            var random = new Random(1000 + worker);
            var results = new List<AlertBatch>();
            for (var k = 0; k < Keys; k++)
            {
                var key = $"batch-{(k + worker) % Keys}";
                var alerts = new[]
                {
                    SampleAlert(key + "-row-1", "Name A", "us-ofac-sdn:36", 0.9),
                    SampleAlert(key + "-row-2", "Name B", "un-sc:QDi.291", 0.8),
                };
                results.Add(await store.CreateAlertsAsync(
                    new AlertBatchRequest(run.Id, $"worker-{worker}", alerts) { IdempotencyKey = key }, Ct));
                await store.AppendAuditAsync(new AuditEntry($"worker-{worker}", "test.ping", key, """{"ok":true}"""), Ct);
                if (random.Next(4) == 0)
                {
                    await Task.Yield();
                }
            }

            return results;
        }

        var tasks = Enumerable.Range(0, WorkersPerStore * 2)
            .Select(w => Task.Run(() => WorkAsync(w % 2 == 0 ? first : second, w)))
            .ToArray();
        var batches = (await Task.WhenAll(tasks)).SelectMany(b => b).ToList();

        Assert.Equal(Keys * 2, await ScalarRawAsync("SELECT COUNT(*) FROM alerts"));
        Assert.Equal(Keys, await ScalarRawAsync("SELECT COUNT(*) FROM idempotency_keys"));
        foreach (var group in batches.GroupBy(b => b.Alerts[0].IdempotencyKey))
        {
            Assert.Single(group, b => !b.Replayed);
            var ids = group.First().Alerts.Select(a => a.Id).ToList();
            Assert.All(group, b => Assert.Equal(ids, b.Alerts.Select(a => a.Id)));
        }

        var verification = await second.VerifyAuditAsync(Ct);
        Assert.True(verification.IsValid, verification.Problem);
        var expectedRecords = 1 + Keys + (Keys * WorkersPerStore * 2);
        Assert.Equal(expectedRecords, verification.RecordsChecked);
        Assert.Equal(expectedRecords, await ScalarRawAsync("SELECT COUNT(*) FROM audit_log"));
    }

    /// <summary>The same as above with two operating-system processes, as two servers sharing one database.</summary>
    [Fact]
    public async Task Two_processes_writing_concurrently_create_no_duplicates_and_keep_one_chain()
    {
        var store = await OpenAsync();
        var run = await StartRunAsync(store);
        const int Keys = 20;
        var startAt = DateTimeOffset.UtcNow.AddSeconds(3);
        var outputs = await Task.WhenAll(
            StoreWorker.StartAsync(Spec, run.Id, 0, Keys, startAt, Ct),
            StoreWorker.StartAsync(Spec, run.Id, 1, Keys, startAt, Ct));

        var lines = outputs.SelectMany(o => o).Select(l => l.Split('\t')).ToList();
        Assert.Equal(2 * Keys, lines.Count);
        foreach (var group in lines.GroupBy(l => l[0]))
        {
            Assert.Equal(2, group.Count());
            Assert.Single(group, l => l[1] == "False");
            Assert.Single(group.Select(l => l[2]).Distinct());
        }

        Assert.Equal(Keys * 2, await ScalarRawAsync("SELECT COUNT(*) FROM alerts"));
        var verification = await store.VerifyAuditAsync(Ct);
        Assert.True(verification.IsValid, verification.Problem);
        Assert.Equal(1 + Keys + (2 * Keys), verification.RecordsChecked);
    }

    [Fact]
    public async Task Concurrent_confirmations_of_one_alert_close_it_once()
    {
        var first = await OpenAsync();
        var second = await OpenAsync();
        var run = await StartRunAsync(first);
        var alert = (await first.CreateAlertsAsync(
            new AlertBatchRequest(run.Id, "s", [SampleAlert("q", "N", "us-ofac-sdn:36", 0.9)]), Ct)).Alerts[0];
        await first.ReviewAsync(alert.Id, new ReviewRequest("alice", ReviewOutcome.TrueMatch, "match"), Ct);

        var results = await Task.WhenAll(
            Task.Run(() => first.ReviewAsync(alert.Id, new ReviewRequest("bob", ReviewOutcome.TrueMatch, "agree"), Ct)),
            Task.Run(() => second.ReviewAsync(alert.Id, new ReviewRequest("carol", ReviewOutcome.TrueMatch, "agree"), Ct)));

        Assert.Single(results, r => r.Accepted);
        Assert.Single(results, r => r.Refusal == ReviewRefusal.AlertClosed);
        Assert.Equal(2, (await second.GetReviewsAsync(alert.Id, Ct)).Count);
        Assert.Equal(AlertStatus.ClosedTrueMatch, (await second.GetAlertAsync(alert.Id, Ct))!.Status);
        Assert.True((await second.VerifyAuditAsync(Ct)).IsValid);
    }
}
