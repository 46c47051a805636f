using Comity.Application.Lists;

namespace Comity.Server.Monitoring;

/// <summary><c>comity serve --data-dir DIR [--update-every 1h]</c>: the scheduled list update (one node at a time on a
/// shared PostgreSQL) and the watcher that loads a new current set of the data dir, whoever wrote it.</summary>
internal sealed partial class ListScheduleService(CorpusHost host, DataDirHolder dataDir, ServeOptions options, Comity.Storage.IComityStore store, ILogger<ListScheduleService> log) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly HttpClient _http = ListFetcher.CreateClient();
    private Task? _scheduler;
    private Task? _watcher;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (dataDir.Store is not { } listStore || options.Lists is not null)
        {
            return Task.CompletedTask;
        }

        var watcher = new CurrentSetWatcher(listStore, options.Clock, options.CurrentSetPoll, trigger => host.ReloadAsync(trigger, _stop.Token));
        watcher.Log += LogLine;
        watcher.Prime();
        _watcher = Task.Run(() => watcher.RunAsync(_stop.Token), CancellationToken.None);
        if (options.UpdateEvery is { } every)
        {
            var config = options.SourcesFile is { } file ? SourcesConfig.Load(file) : SourcesConfig.LoadDefault();
            var scheduler = new ListUpdateScheduler(listStore, config, _http, options.Clock, every, store.Provider == "postgres" ? store.Monitoring : null, options.Node);
            scheduler.Log += LogLine;
            scheduler.Updated += async _ => await watcher.CheckAsync().ConfigureAwait(false);
            _scheduler = Task.Run(() => scheduler.RunAsync(_stop.Token), CancellationToken.None);
            LogScheduled(every, listStore.Root);
        }

        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        foreach (var t in new[] { _scheduler, _watcher })
        {
            if (t is not null)
            {
                try
                {
                    await t.WaitAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                }
            }
        }
    }

    public void Dispose()
    {
        _stop.Dispose();
        _http.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "lists: {Line}")]
    private partial void LogLine(string line);

    [LoggerMessage(Level = LogLevel.Information, Message = "lists: updating every {Every} into {Root}")]
    private partial void LogScheduled(TimeSpan every, string root);
}
