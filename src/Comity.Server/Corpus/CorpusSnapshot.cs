using System.Collections.Frozen;
using System.Globalization;
using Comity.Application.Corpus;
using Comity.Application.Screening;
using Comity.Core.Model;

namespace Comity.Server.Corpus;

/// <summary>One corpus in force with what the endpoints derive from it once (dataset lookup, timestamps, the
/// search view). Immutable: a reload builds a new snapshot and swaps the reference.</summary>
internal sealed class CorpusSnapshot
{
    private readonly Lazy<SearchView> _search;

    public CorpusSnapshot(ScreeningCorpus corpus, TimeSpan loadTime)
    {
        Corpus = corpus;
        LoadTime = loadTime;
        Screener = new Screener(corpus, new ScreeningOptions());
        DatasetsBySource = corpus.Datasets
            .GroupBy(d => d.Source, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        LoadedAt = Wire(corpus.LoadedAt.UtcDateTime);
        AllSources = DatasetsBySource.Keys.ToFrozenSet(StringComparer.Ordinal);
        SanctionSources = DatasetsBySource.Keys.Where(s => !s.StartsWith("icc-", StringComparison.Ordinal)).ToFrozenSet(StringComparer.Ordinal);
        _search = new Lazy<SearchView>(() => new SearchView(corpus.Entities), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public ScreeningCorpus Corpus { get; }

    public Screener Screener { get; }

    public TimeSpan LoadTime { get; }

    public FrozenDictionary<string, Dataset> DatasetsBySource { get; }

    /// <summary>Every loaded source (the <c>default</c> collection).</summary>
    public FrozenSet<string> AllSources { get; }

    /// <summary>The <c>sanctions</c> collection: every loaded list except warrant lists.</summary>
    public FrozenSet<string> SanctionSources { get; }

    /// <summary>Load time as a wire timestamp (<c>2026-04-24T10:57:01</c>).</summary>
    public string LoadedAt { get; }

    public SearchView Search => _search.Value;

    /// <summary>The data date of an entity's dataset (its publication date), else the load time.</summary>
    public DateTime DataDate(Entity e)
    {
        if (DatasetsBySource.TryGetValue(e.Source, out var d) && d.Provenance.Published is { } p
            && DateTime.TryParse(p, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date))
        {
            return date;
        }

        return Corpus.LoadedAt.UtcDateTime;
    }

    /// <summary>ISO 8601 to the second without zone, as yente writes timestamps.</summary>
    public static string Wire(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
}
