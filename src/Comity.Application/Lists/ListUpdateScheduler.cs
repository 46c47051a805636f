using System.Globalization;
using System.Text.Json.Nodes;
using Comity.Storage.Monitoring;

namespace Comity.Application.Lists;

/// <summary>What one scheduled tick did.</summary>
internal sealed record ScheduledUpdate(DateTimeOffset At, bool Ran, string Outcome, UpdateReport? Report);

/// <summary><c>comity serve --update-every</c>: runs <c>lists update</c> (every source of the sources file) on a
/// schedule driven by the injected <see cref="TimeProvider"/>. With a shared store (PostgreSQL), one node updates: the
/// update runs under a named advisory lock, and a node skips its tick when another node's update of the same period is
/// recorded (<see cref="IMonitorStore.RecordListUpdateAsync"/>). The new current set is written to the data dir;
/// every node's <see cref="CurrentSetWatcher"/> sees it and reloads.</summary>
internal sealed class ListUpdateScheduler(ListStore store, SourcesConfig config, HttpClient http, TimeProvider clock, TimeSpan every, IMonitorStore? coordination, string node)
{
    /// <summary>The name of the advisory lock the update runs under.</summary>
    public const string LockName = "comity-lists-update";

    /// <summary>Raised with one line per tick (for logs).</summary>
    public event Action<string>? Log;

    /// <summary>Raised after an update that made a new version current.</summary>
    public event Func<UpdateReport, Task>? Updated;

    public TimeSpan Every => every;

    /// <summary>Ticks every <see cref="Every"/> until cancelled (the first tick after one interval).</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(every, clock, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            try
            {
                await TickAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is IOException or SourcesFileException or InvalidDataException or Storage.StoreException or System.Data.Common.DbException or UnauthorizedAccessException)
            {
                Log?.Invoke($"scheduled list update failed: {e.Message}");
            }
        }
    }

    /// <summary>One tick: updates unless another node holds the lock or already updated in this period.</summary>
    public async Task<ScheduledUpdate> TickAsync(CancellationToken cancellationToken)
    {
        var at = clock.GetUtcNow();
        IAsyncDisposable? held = null;
        if (coordination is not null)
        {
            held = await coordination.TryLockAsync(LockName, cancellationToken).ConfigureAwait(false);
            if (held is null)
            {
                return Skip(at, "another node is updating the lists");
            }
        }

        try
        {
            if (coordination is not null && await coordination.LastListUpdateAsync(cancellationToken).ConfigureAwait(false) is { } last
                && at - last.StartedAt < every - Slack)
            {
                return Skip(at, $"updated by {last.Node} at {last.StartedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)}");
            }

            UpdateReport report;
            try
            {
                report = await new ListUpdater(store, config, http, clock).UpdateAsync(new UpdateOptions(), cancellationToken).ConfigureAwait(false);
            }
            catch (IOException e) when (e.Message.Contains("holds", StringComparison.Ordinal))
            {
                return Skip(at, e.Message);
            }

            var outcome = report.AnyFailed ? "some_failed" : report.AnyUpdated ? "updated" : "unchanged";
            if (coordination is not null)
            {
                await coordination.RecordListUpdateAsync(node, at, outcome, Json(report), cancellationToken).ConfigureAwait(false);
            }

            Log?.Invoke($"scheduled list update ({node}): {outcome}: " + string.Join("; ", report.Sources.Select(s => $"{s.Source} {s.Outcome.ToString().ToLowerInvariant()}")));
            if (report.AnyUpdated && Updated is { } updated)
            {
                await updated(report).ConfigureAwait(false);
            }

            return new ScheduledUpdate(at, true, outcome, report);
        }
        finally
        {
            if (held is not null)
            {
                await held.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>Ticks of two nodes a little apart belong to the same period.</summary>
    private TimeSpan Slack => TimeSpan.FromTicks(Math.Min(every.Ticks / 10, TimeSpan.FromMinutes(5).Ticks));

    private ScheduledUpdate Skip(DateTimeOffset at, string why)
    {
        Log?.Invoke($"scheduled list update skipped ({node}): {why}");
        return new ScheduledUpdate(at, false, "skipped: " + why, null);
    }

    private static string Json(UpdateReport report) => new JsonArray([.. report.Sources.Select(s => (JsonNode)new JsonObject
    {
        ["source"] = s.Source,
        ["outcome"] = s.Outcome.ToString().ToLowerInvariant(),
        ["version"] = s.Current?.ShortId,
        ["message"] = s.Message,
    })]).ToJsonString();
}
