using System.Collections.Frozen;
using Comity.Core.Model;

namespace Comity.Application.Corpus;

/// <summary>One corpus in force with what every front end derives from it once (dataset scopes, load time).
/// Immutable: a reload builds a new snapshot and swaps the reference.</summary>
internal sealed class CorpusSnapshot
{
    public CorpusSnapshot(ScreeningCorpus corpus, TimeSpan loadTime)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        Corpus = corpus;
        LoadTime = loadTime;
        AllSources = corpus.DatasetsBySource.Keys.ToFrozenSet(StringComparer.Ordinal);
        SanctionSources = corpus.DatasetsBySource.Keys.Where(s => !s.StartsWith("icc-", StringComparison.Ordinal)).ToFrozenSet(StringComparer.Ordinal);
    }

    public ScreeningCorpus Corpus { get; }

    public TimeSpan LoadTime { get; }

    public FrozenDictionary<string, Dataset> DatasetsBySource => Corpus.DatasetsBySource;

    /// <summary>Every loaded source (the <c>default</c> collection).</summary>
    public FrozenSet<string> AllSources { get; }

    /// <summary>The <c>sanctions</c> collection: every loaded list except warrant lists.</summary>
    public FrozenSet<string> SanctionSources { get; }

    /// <summary>The data date of an entity's dataset (its publication date), else the load time.</summary>
    public DateTime DataDate(Entity e) => Corpus.DataDate(e);
}
