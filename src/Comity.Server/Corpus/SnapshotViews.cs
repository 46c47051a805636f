using System.Globalization;
using System.Runtime.CompilerServices;

namespace Comity.Server.Corpus;

/// <summary>What the HTTP endpoints derive from a corpus snapshot: the <c>/search</c> text view (built on first use,
/// once per snapshot) and yente's wire timestamp of the load.</summary>
internal static class SnapshotViews
{
    private static readonly ConditionalWeakTable<CorpusSnapshot, SearchView> Views = [];

    extension(CorpusSnapshot snapshot)
    {
        /// <summary>The <c>/search</c> view of this snapshot.</summary>
        public SearchView Search => Views.GetValue(snapshot, s => new SearchView(s.Corpus.Entities));

        /// <summary>Load time as a wire timestamp (<c>2026-04-24T10:57:01</c>).</summary>
        public string LoadedAt => Wire(snapshot.Corpus.LoadedAt.UtcDateTime);
    }

    /// <summary>ISO 8601 to the second without zone, as yente writes timestamps.</summary>
    public static string Wire(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
}
