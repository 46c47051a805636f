using Comity.Core.Matching;

namespace Comity.Application.Corpus;

/// <summary>Loads a corpus from its snapshot when one exists for exactly these inputs and this build of the engine
/// (<see cref="CorpusCache"/>), else reads and indexes the lists (<see cref="CorpusLoader"/>) and writes the snapshot
/// for next time. The results are the same either way (a test screens a fixed sample both ways). Used by the CLI, the
/// server's start-up and its hot reloads (which run off the request path: <see cref="CorpusHost"/>).</summary>
internal sealed class CachedCorpusSource(CorpusCache cache, TimeProvider? clock = null, MatcherOptions? options = null) : ICorpusSource
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>A snapshot ignored (damaged, unreadable) or not written (disk full, read-only folder): one line saying
    /// which file and why. The corpus is still loaded.</summary>
    public event Action<string>? Warning;

    /// <summary>How the last load went: <c>snapshot</c> (read from the cache), <c>built</c> (lists read and indexed;
    /// snapshot written), <c>built-uncached</c> (snapshots off, or not writable).</summary>
    public string? LastOrigin { get; private set; }

    public CorpusCache Cache { get; } = cache;

    public ScreeningCorpus Load(IReadOnlyList<string> lists, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lists);
        cancellationToken.ThrowIfCancellationRequested();
        var paths = ListCorpusSource.PathsOf(lists);
        if (Cache.Directory is null)
        {
            LastOrigin = "built-uncached";
            return CorpusLoader.Load(paths, _clock, options, cancellationToken);
        }

        byte[] key;
        try
        {
            key = CorpusCache.KeyOf(paths);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A missing or unreadable list: the loader reports it with its own, documented message.
            LastOrigin = "built-uncached";
            return CorpusLoader.Load(paths, _clock, options, cancellationToken);
        }

        if (Cache.TryRead(key, _clock.GetUtcNow(), options, w => Warning?.Invoke(w)) is { } cached)
        {
            LastOrigin = "snapshot";
            return cached;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var corpus = CorpusLoader.Load(paths, _clock, options, cancellationToken);
        LastOrigin = Cache.TryWrite(key, corpus, w => Warning?.Invoke(w)) ? "built" : "built-uncached";
        return corpus;
    }
}
