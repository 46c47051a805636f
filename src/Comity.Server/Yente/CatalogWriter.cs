using System.Text.Json;
using Comity.Server.Corpus;

namespace Comity.Server.Yente;

/// <summary>The <c>/catalog</c> document: every loaded dataset plus the <c>default</c> and <c>sanctions</c>
/// collections.</summary>
internal static class CatalogWriter
{
    public static void Write(Utf8JsonWriter w, CorpusSnapshot snapshot)
    {
        var version = snapshot.Corpus.Version;
        var loaded = snapshot.LoadedAt;
        w.WriteStartObject();
        w.WriteStartArray("datasets");
        foreach (var d in snapshot.Corpus.Datasets.OrderBy(d => d.Source, StringComparer.Ordinal))
        {
            WriteDataset(w, d, version, SnapshotViews.Wire(FtmWriter.DataDate(d.Source, snapshot)), loaded);
        }

        WriteCollection(w, DatasetScope.Default, "Default collection: every loaded list", snapshot.DatasetsBySource.Keys, snapshot, version, loaded);
        WriteCollection(w, DatasetScope.Sanctions, "Sanctions lists (every loaded list except warrant lists)", snapshot.SanctionSources, snapshot, version, loaded);
        w.WriteEndArray();
        w.WriteStartArray("current");
        foreach (var name in snapshot.DatasetsBySource.Keys.Order(StringComparer.Ordinal).Append(DatasetScope.Default).Append(DatasetScope.Sanctions))
        {
            w.WriteStringValue(name);
        }

        w.WriteEndArray();
        w.WriteStartArray("outdated");
        w.WriteEndArray();
        w.WriteBoolean("index_stale", false);
        w.WriteEndObject();
    }

    /// <summary>One dataset; <paramref name="updated"/> is its data date (the <c>last_seen</c> of its entities).</summary>
    private static void WriteDataset(Utf8JsonWriter w, Dataset d, string version, string updated, string loaded)
    {
        var p = d.Provenance;
        w.WriteStartObject();
        w.WriteString("name", d.Source);
        w.WriteString("title", $"{p.Authority} ({d.Source})");
        w.WriteString("summary", $"{d.EntityCount} entities read from {d.Format} files");
        w.WriteString("description", $"{p.Authority}; format {d.Format}; files {string.Join(", ", p.Files.Select(f => f.Name))}");
        w.WriteNull("url");
        w.WriteString("version", p.Files.Length > 0 ? p.Files[0].Sha256[..16] : version);
        w.WriteString("updated_at", updated);
        w.WriteString("last_export", loaded);
        w.WriteNumber("entity_count", d.EntityCount);
        w.WriteStartArray("children");
        w.WriteEndArray();
        w.WriteBoolean("load", true);
        w.WriteNull("entities_url");
        w.WriteNull("delta_url");
        w.WriteString("index_version", version);
        w.WriteBoolean("index_current", true);
        w.WriteStartArray("resources");
        foreach (var f in p.Files)
        {
            w.WriteStartObject();
            w.WriteString("name", f.Name);
            w.WriteString("sha256", f.Sha256);
            w.WriteNumber("size", f.Bytes);
            w.WriteString("mime_type", "application/octet-stream");
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteCollection(Utf8JsonWriter w, string name, string title, IEnumerable<string> children, CorpusSnapshot snapshot, string version, string loaded)
    {
        var list = children.Order(StringComparer.Ordinal).ToList();
        w.WriteStartObject();
        w.WriteString("name", name);
        w.WriteString("title", title);
        w.WriteString("summary", title);
        w.WriteString("description", title);
        w.WriteNull("url");
        w.WriteString("version", version);
        w.WriteString("updated_at", list.Count == 0 ? loaded : SnapshotViews.Wire(list.Max(c => FtmWriter.DataDate(c, snapshot))));
        w.WriteString("last_export", loaded);
        w.WriteNumber("entity_count", list.Sum(c => snapshot.DatasetsBySource[c].EntityCount));
        w.WriteStartArray("children");
        foreach (var c in list)
        {
            w.WriteStringValue(c);
        }

        w.WriteEndArray();
        w.WriteBoolean("load", true);
        w.WriteNull("entities_url");
        w.WriteNull("delta_url");
        w.WriteString("index_version", version);
        w.WriteBoolean("index_current", true);
        w.WriteStartArray("resources");
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
