namespace Comity.Application.Corpus;

/// <summary>Watches the list files and folders and asks for a reload after a quiet period (writes of a large file
/// arrive as many events; one reload follows the last of them).</summary>
internal sealed class ListWatcher : IDisposable
{
    private readonly CorpusHost _host;
    private readonly TimeSpan _debounce;
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly Lock _lock = new();
    private Timer? _timer;

    public ListWatcher(CorpusHost host, TimeSpan debounce)
    {
        ArgumentNullException.ThrowIfNull(host);
        _host = host;
        _debounce = debounce;
    }

    /// <summary>Raised when a change was seen and a reload starts.</summary>
    public event Action? Changed;

    /// <summary>Starts watching; returns how many locations are watched.</summary>
    public int Start()
    {
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

        return _watchers.Count;
    }

    public void Stop()
    {
        foreach (var w in _watchers)
        {
            w.EnableRaisingEvents = false;
        }
    }

    private void OnChange(object sender, FileSystemEventArgs e)
    {
        lock (_lock)
        {
            _timer ??= new Timer(_ => _ = ReloadAsync(), null, Timeout.Infinite, Timeout.Infinite);
            _timer.Change(_debounce, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Runs on a timer thread, so nothing may escape it: the host records every outcome of the load itself
    /// (logged, metered and audited by its <see cref="CorpusHost.Attempted"/> subscribers); only a host already disposed
    /// at shutdown is left here.</summary>
    private async Task ReloadAsync()
    {
        try
        {
            Changed?.Invoke();
            await _host.ReloadAsync("file-change").ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
            // Shutting down: the host is gone and there is no corpus left to replace.
        }
    }

    public void Dispose()
    {
        foreach (var w in _watchers)
        {
            w.Dispose();
        }

        _timer?.Dispose();
    }
}
