namespace Comity.Application.Corpus;

/// <summary>Where a front end gets its <see cref="ScreeningCorpus"/>: the one place corpus loading happens (CLI,
/// server start-up and hot reload), so a persisted snapshot (or a cache shared by tests) can stand in for reading
/// and indexing the lists.</summary>
internal interface ICorpusSource
{
    /// <summary>The corpus of <paramref name="lists"/> (files or folders), or of the bundled default corpus when
    /// <paramref name="lists"/> is empty. Throws <see cref="Sources.Abstractions.ListFormatException"/> naming the
    /// file that failed; never returns a partial corpus.</summary>
    ScreeningCorpus Load(IReadOnlyList<string> lists, CancellationToken cancellationToken = default);
}

/// <summary>Reads and indexes the lists on every call (<see cref="CorpusLoader"/>).</summary>
internal sealed class ListCorpusSource(TimeProvider? clock = null) : ICorpusSource
{
    public ScreeningCorpus Load(IReadOnlyList<string> lists, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lists);
        return lists.Count > 0
            ? CorpusLoader.Load(lists, clock, cancellationToken: cancellationToken)
            : CorpusLoader.LoadDefault(clock, cancellationToken: cancellationToken);
    }

    /// <summary>The files and folders a corpus of <paramref name="lists"/> is read from (what a watcher watches).</summary>
    public static IReadOnlyList<string> PathsOf(IReadOnlyList<string>? lists) =>
        lists is { Count: > 0 } ? [.. lists.Select(Path.GetFullPath)] : DefaultCorpus.Paths();
}
