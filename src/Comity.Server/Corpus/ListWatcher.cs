namespace Comity.Server.Corpus;

/// <summary>Watches the list files and folders and asks for a reload after a quiet period (writes of a large file
/// arrive as many events; one reload follows the last of them).</summary>
internal sealed partial class ListWatcher : IHostedService, IDisposable
{
    private readonly CorpusHost _host;
    private readonly TimeSpan _debounce;
    private readonly bool _enabled;
    private readonly ILogger<ListWatcher> _log;
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly Lock _lock = new();
    private Timer? _timer;

    public ListWatcher(CorpusHost host, ServeOptions options, ILogger<ListWatcher> log)
    {
        _host = host;
        _debounce = options.WatchDebounce;
        _enabled = options.WatchLists;
        _log = log;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!_enabled)
        {
            return Task.CompletedTask;
        }

        foreach (var path in _host.Paths)
        {
            var isDir = Directory.Exists(path);
            var dir = isDir ? path : Path.GetDirectoryName(Path.GetFullPath(path));
            if (dir is null || !Directory.Exists(dir))
            {
                continue;
            }

            var w = new FileSystemWatcher(dir)
            {
                Filter = isDir ? "*" : Path.GetFileName(path),
                NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size | NotifyFilters.CreationTime,
                IncludeSubdirectories = false,
            };
            w.Changed += OnChange;
            w.Created += OnChange;
            w.Renamed += OnChange;
            w.Deleted += OnChange;
            w.EnableRaisingEvents = true;
            _watchers.Add(w);
        }

        LogWatching(_watchers.Count);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var w in _watchers)
        {
            w.EnableRaisingEvents = false;
        }

        return Task.CompletedTask;
    }

    private void OnChange(object sender, FileSystemEventArgs e)
    {
        lock (_lock)
        {
            _timer ??= new Timer(_ => _ = ReloadAsync(), null, Timeout.Infinite, Timeout.Infinite);
            _timer.Change(_debounce, Timeout.InfiniteTimeSpan);
        }
    }

    private async Task ReloadAsync()
    {
        LogChanged();
        await _host.ReloadAsync("file-change").ConfigureAwait(false);
    }

    public void Dispose()
    {
        foreach (var w in _watchers)
        {
            w.Dispose();
        }

        _timer?.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "watching {Count} list locations for changes")]
    private partial void LogWatching(int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "list files changed: reloading the corpus")]
    private partial void LogChanged();
}
