namespace Comity.Application.Corpus;

/// <summary>Where a corpus comes from: the one interface every front end loads through, so that a faster source
/// (a persisted snapshot) can slot in without changing them.</summary>
public interface ICorpusSource
{
    /// <summary>The list files and folders the corpus is built from (watched for changes by the server).</summary>
    IReadOnlyList<string> Paths { get; }

    /// <summary>Loads a complete corpus, or throws naming the failing file; never returns a partial one.</summary>
    ScreeningCorpus Load(CancellationToken cancellationToken = default);
}

/// <summary>Loads the corpus by reading the list files (the bundled default corpus when no paths are given).</summary>
public sealed class ListFilesCorpusSource(IReadOnlyList<string>? paths, TimeProvider clock) : ICorpusSource
{
    public IReadOnlyList<string> Paths => paths is { Count: > 0 } ? [.. paths.Select(Path.GetFullPath)] : DefaultCorpus.Paths();

    public ScreeningCorpus Load(CancellationToken cancellationToken = default) => CorpusLoader.Load(Paths, clock, cancellationToken: cancellationToken);
}
