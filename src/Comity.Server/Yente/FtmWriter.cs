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
        w.WriteStartArray("datasets");
        w.WriteStringValue(e.Source);
        w.WriteEndArray();
        w.WriteStartArray("referents");
        w.WriteEndArray();
        w.WriteBoolean("target", e.Topics.Any(Topics.IsRisk));
        var data = CorpusSnapshot.Wire(snapshot.DataDate(e));
        w.WriteString("first_seen", e.ListedOn is { } l ? CorpusSnapshot.Wire(l.Earliest.ToDateTime(TimeOnly.MinValue)) : data);
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
