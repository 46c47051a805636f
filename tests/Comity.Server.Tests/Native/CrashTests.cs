using Comity.Server.Tests.Support;
using Comity.Storage;

namespace Comity.Server.Tests.Native;

/// <summary>A server killed with SIGKILL in the middle of a batch restarts with no lost and no duplicated alerts:
/// the alerts of a request are committed in one transaction under its idempotency key.</summary>
public sealed class CrashTests
{
    [Fact]
    public async Task Sigkill_mid_batch_then_restart_and_resend_gives_exactly_one_set_of_alerts()
    {
        var (dir, un, cons) = Repo.CopyLists();
        var db = "sqlite:" + Path.Combine(dir, "comity.db");
        var body = Batches.Screen(1000);
        var ct = TestContext.Current.CancellationToken;

        bool firstCompleted;
        await using (var first = await ServerProcess.StartAsync(db, [un, cons]))
        {
            await using var watcher = await ComityStores.OpenAsync(db, cancellationToken: ct);
            var before = (await watcher.ReadAuditAsync(0, 10_000, ct)).Count;
            var send = Batches.PostAsync(first.Client, "/v1/screen", body, "crash-batch-1", cancellationToken: ct);
            // Kill mid-batch: as soon as the server has started the run for this batch (screening done, alerts being
            // written), or at the latest 150 ms after the request went out (the 1,000 subjects are still being
            // screened then), whichever comes first.
            var sent = System.Diagnostics.Stopwatch.StartNew();
            while (!send.IsCompleted && sent.ElapsedMilliseconds < 150)
            {
                var audit = await watcher.ReadAuditAsync(0, 10_000, ct);
                if (audit.Skip(before).Any(a => a.Action == "run.started"))
                {
                    break;
                }

                await Task.Delay(1, ct);
            }

            await first.KillAsync();
            try
            {
                await send;
                firstCompleted = true;
            }
            catch (HttpRequestException)
            {
                firstCompleted = false;
            }
        }

        Assert.False(firstCompleted, "the first request must die with the server (killed mid-batch)");
        await using var second = await ServerProcess.StartAsync(db, [un, cons]);
        var resent = await Batches.PostAsync(second.Client, "/v1/screen", body, "crash-batch-1", cancellationToken: ct);
        var alerts = resent.GetProperty("alerts").EnumerateArray().Select(a => a.GetString()!).ToList();
        Assert.Equal(Batches.MatchingHits(resent), alerts.Count);
        Assert.True(alerts.Count >= 500, $"half the subjects name QDi.291: expected ≥ 500 alerts, got {alerts.Count}");
        var stored = await Batches.AllAlertIdsAsync(second.Client);
        Assert.Equal(alerts.Order(StringComparer.Ordinal), stored.Order(StringComparer.Ordinal));

        var again = await Batches.PostAsync(second.Client, "/v1/screen", body, "crash-batch-1", cancellationToken: ct);
        Assert.True(again.GetProperty("replayed").GetBoolean());
        Assert.Equal(alerts.Count, (await Batches.AllAlertIdsAsync(second.Client)).Count);
        var verify = await Batches.GetAsync(second.Client, "/v1/audit/verify");
        Assert.True(verify.GetProperty("valid").GetBoolean());

        // The log (Information level) names the corpus and the store, never a screened name.
        Assert.Contains("corpus c", second.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Asiri", second.Output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Harbour", second.Output, StringComparison.OrdinalIgnoreCase);
    }
}
