namespace Comity.Server.Hosting;

/// <summary>Runs the Application's <see cref="ListWatcher"/> for the lifetime of the server (unless
/// <c>--no-watch</c>).</summary>
internal sealed partial class ListWatcherService(CorpusHost host, ServeOptions options, ILogger<ListWatcherService> log) : IHostedService, IDisposable
{
    private ListWatcher? _watcher;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.WatchLists)
        {
            return Task.CompletedTask;
        }

        _watcher = new ListWatcher(host, options.WatchDebounce);
        _watcher.Changed += LogChanged;
        var watched = _watcher.Start();
        LogWatching(watched);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _watcher?.Stop();
        return Task.CompletedTask;
    }

    public void Dispose() => _watcher?.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "watching {Count} list locations for changes")]
    private partial void LogWatching(int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "list files changed: reloading the corpus")]
    private partial void LogChanged();
}
