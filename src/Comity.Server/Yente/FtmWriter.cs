using System.Text.Json;
using Comity.Core.Model;
using Comity.Server.Corpus;

namespace Comity.Server.Yente;

/// <summary>Writes entities as FtM JSON (yente's entity shape).</summary>
internal static class FtmWriter
{
    /// <summary>Writes the entity fields; the caller opened the object and closes it (so scores can be added).</summary>
    public static void WriteFields(Utf8JsonWriter w, Entity e, CorpusSnapshot snapshot)
    {
        w.WriteString("id", e.Id);
        w.WriteString("caption", e.Caption);
        w.WriteString("schema", e.Schema.Name());
        w.WriteStartObject("properties");
        foreach (var (name, values) in FtmProperties.Of(e))
        {
            w.WriteStartArray(name);
            foreach (var v in values)
            {
                w.WriteStringValue(v);
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
        var subject = snapshot.Corpus.Links.SubjectOf(e.Id);
        w.WriteStartArray("datasets");
        w.WriteStringValue(e.Source);
        if (subject is not null)
        {
            foreach (var source in subject.Entities.Select(x => x.Source).Where(s => !string.Equals(s, e.Source, StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                w.WriteStringValue(source);
            }
        }

        w.WriteEndArray();
        w.WriteStartArray("referents");
        if (subject is not null)
        {
            foreach (var id in subject.Entities.Select(x => x.Id).Where(id => !string.Equals(id, e.Id, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            {
                w.WriteStringValue(id);
            }
        }

        w.WriteEndArray();
        w.WriteBoolean("target", subject is null ? e.Topics.Any(Topics.IsRisk) : subject.Entities.Any(x => x.Topics.Any(Topics.IsRisk)));
        var data = SnapshotViews.Wire(snapshot.DataDate(e));
        w.WriteString("first_seen", e.ListedOn is { } l ? SnapshotViews.Wire(l.Earliest.ToDateTime(TimeOnly.MinValue)) : data);
        w.WriteString("last_seen", snapshot.LoadedAt);
        w.WriteString("last_change", data);
    }

    public static void Write(Utf8JsonWriter w, Entity e, CorpusSnapshot snapshot)
    {
        w.WriteStartObject();
        WriteFields(w, e, snapshot);
        w.WriteEndObject();
    }
}
