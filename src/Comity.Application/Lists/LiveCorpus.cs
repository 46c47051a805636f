using Comity.Application.Corpus;

namespace Comity.Application.Lists;

/// <summary>The corpus in force with a data dir: the bundled default corpus, each file replaced by the newest
/// accepted download of its source (a downloaded source with no bundled file is added).</summary>
internal static class LiveCorpus
{
    /// <summary>The list paths to load: <see cref="DefaultCorpus.Paths"/> with the store's current versions
    /// substituted. Throws <see cref="InvalidDataException"/> naming the store file when its content is missing.</summary>
    public static IReadOnlyList<string> Paths(ListStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var paths = DefaultCorpus.Paths().ToList();
        var current = store.CurrentVersions();
        if (current.Count == 0)
        {
            return paths;
        }

        var dataDir = DefaultCorpus.DataDirectory();
        var config = SourcesConfig.LoadDefault();
        foreach (var (source, version) in current.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var path = store.LoadPath(version);
            if (!File.Exists(path) && !Directory.Exists(path))
            {
                throw new InvalidDataException($"data dir {store.Root}: the current version {version.ShortId} of {source} is missing ({path})");
            }

            var bundled = config.Find(source)?.Bundled is { } b ? Path.GetFullPath(Path.Combine(dataDir, b)) : null;
            var i = bundled is null ? -1 : paths.FindIndex(p => string.Equals(p, bundled, StringComparison.Ordinal));
            if (i >= 0)
            {
                paths[i] = path;
            }
            else
            {
                paths.Insert(0, path);
            }
        }

        return paths;
    }
}

/// <summary>Loads the live corpus of a data dir on every call (the server's reloads see a new current set), through
/// another source: the lists are read and indexed each time, or a snapshot cache answers when its inputs are unchanged
/// (<see cref="CachedCorpusSource"/>).</summary>
internal sealed class LiveCorpusSource : ICorpusSource
{
    private readonly ListStore _store;
    private readonly ICorpusSource _inner;

    /// <summary>Reads and indexes the current set on every call.</summary>
    public LiveCorpusSource(ListStore store, TimeProvider? clock = null)
        : this(store, new ListCorpusSource(clock))
    {
    }

    /// <summary>Loads the current set's paths through <paramref name="inner"/>.</summary>
    public LiveCorpusSource(ListStore store, ICorpusSource inner)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(inner);
        _store = store;
        _inner = inner;
    }

    public ScreeningCorpus Load(IReadOnlyList<string> lists, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lists);
        return _inner.Load(lists.Count > 0 ? lists : LiveCorpus.Paths(_store), cancellationToken);
    }
}
