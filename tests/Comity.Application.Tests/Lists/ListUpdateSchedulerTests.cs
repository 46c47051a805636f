using Comity.Application.Lists;
using Comity.Application.Tests.Monitoring;
using Microsoft.Extensions.Time.Testing;

namespace Comity.Application.Tests.Lists;

/// <summary><c>serve --update-every</c>'s scheduler on a fake clock against a real loopback HTTP server: nothing before
/// the interval, an update at it; a node skips a tick another node's update of the same period covered, or while
/// another node holds the update lock; the current-set watcher asks for one reload per new current set.</summary>
public sealed class ListUpdateSchedulerTests : IDisposable
{
    private readonly LoopbackServer _server = new();
    private readonly string _dir = ListFiles.TempDir();
    private readonly HttpClient _http = ListFetcher.CreateClient();

    public void Dispose()
    {
        _server.Dispose();
        _http.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    private SourcesConfig Sources()
    {
        var c = SourcesConfig.Load(ListFiles.WriteSources(_server, _dir));
        return c with { Sources = [.. c.Sources.Where(s => s.Name == "un-sc")] };
    }

    [Fact]
    public async Task The_update_runs_on_the_clock_and_the_watcher_reloads_once_per_new_current_set()
    {
        var ct = TestContext.Current.CancellationToken;
        _server.SetFile("un.xml", ListFiles.UnXml);
        var store = new ListStore(Path.Combine(_dir, "data"));
        var clock = new FakeTimeProvider(MonitorWorld.Day1);
        var reloads = new List<string>();
        var watcher = new CurrentSetWatcher(store, clock, TimeSpan.FromSeconds(30), t =>
        {
            lock (reloads)
            {
                reloads.Add(t);
            }

            return Task.CompletedTask;
        });
        watcher.Prime();
        var scheduler = new ListUpdateScheduler(store, Sources(), _http, clock, TimeSpan.FromHours(1), null, "node-a");
        var updated = new TaskCompletionSource<UpdateReport>(TaskCreationOptions.RunContinuationsAsynchronously);
        scheduler.Updated += async r =>
        {
            // The watcher's check completes before the test looks at the reloads (it raced with the test under load).
            await watcher.CheckAsync();
            updated.TrySetResult(r);
        };
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var loop = scheduler.RunAsync(stop.Token);

        clock.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(0, _server.Hits.GetValueOrDefault("un.xml"));
        clock.Advance(TimeSpan.FromMinutes(1));
        var report = await updated.Task.WaitAsync(TimeSpan.FromSeconds(60), ct);
        Assert.True(report.AnyUpdated);
        Assert.Equal(1, _server.Hits.GetValueOrDefault("un.xml"));
        Assert.Equal(["current-set-changed"], reloads);

        // Unchanged next hour (304): the current set is the same, so no reload.
        Assert.False(await watcher.CheckAsync());
        var tick = await scheduler.TickAsync(ct);
        Assert.True(tick.Ran);
        Assert.Equal("unchanged", tick.Outcome);
        Assert.False(await watcher.CheckAsync());
        Assert.Single(reloads);
        await stop.CancelAsync();
        await loop;
    }

    [Fact]
    public async Task With_a_shared_store_one_node_updates_per_period_and_not_while_another_holds_the_lock()
    {
        var ct = TestContext.Current.CancellationToken;
        _server.SetFile("un.xml", ListFiles.UnXml);
        var store = new ListStore(Path.Combine(_dir, "data"));
        var clock = new FakeTimeProvider(MonitorWorld.Day1);
        await using var comity = await MonitorWorld.OpenAsync(MonitorWorld.TempDb(), clock);
        var a = new ListUpdateScheduler(store, Sources(), _http, clock, TimeSpan.FromHours(1), comity.Monitoring, "node-a");
        var b = new ListUpdateScheduler(store, Sources(), _http, clock, TimeSpan.FromHours(1), comity.Monitoring, "node-b");

        var first = await a.TickAsync(ct);
        Assert.True(first.Ran);
        clock.Advance(TimeSpan.FromSeconds(20));
        var skipped = await b.TickAsync(ct);
        Assert.False(skipped.Ran);
        Assert.Contains("updated by node-a", skipped.Outcome, StringComparison.Ordinal);
        Assert.Equal(1, _server.Hits.GetValueOrDefault("un.xml"));

        // Next period: node b's tick runs (node a's update is an hour old)...
        clock.Advance(TimeSpan.FromHours(1));
        await using (var held = await comity.Monitoring.TryLockAsync(ListUpdateScheduler.LockName, ct))
        {
            // ...but not while another node holds the lock.
            Assert.NotNull(held);
            var locked = await b.TickAsync(ct);
            Assert.False(locked.Ran);
            Assert.Contains("another node", locked.Outcome, StringComparison.Ordinal);
        }

        var second = await b.TickAsync(ct);
        Assert.True(second.Ran);
        var last = await comity.Monitoring.LastListUpdateAsync(ct);
        Assert.Equal("node-b", last!.Node);
        Assert.Equal(2, _server.Hits.GetValueOrDefault("un.xml"));
    }
}
