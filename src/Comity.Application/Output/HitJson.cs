using System.Text.Json;
using Comity.Application.Screening;
using Comity.Core.Model;

namespace Comity.Application.Output;

/// <summary>The JSON shape of one hit.</summary>
internal static class HitJson
{
    /// <summary>Writes one hit; <paramref name="extra"/> may add properties (e.g. the server's <c>alert_id</c>).</summary>
    public static void Write(Utf8JsonWriter w, Hit hit, Action<Utf8JsonWriter>? extra = null)
    {
        var e = hit.Entity;
        w.WriteStartObject();
        w.WriteString("entity_id", e.Id);
        w.WriteString("source", e.Source);
        w.WriteString("source_id", e.SourceId);
        w.WriteString("schema", e.Schema.Name());
        w.WriteString("caption", e.Caption);
        w.WriteNumber("score", JsonFormat.Round(hit.Score));
        w.WriteBoolean("match", hit.Match);
        JsonFormat.WriteStrings(w, "programs", e.Programs);
        w.WriteStartArray("listings");
        foreach (var l in hit.Listings)
        {
            w.WriteStartObject();
            w.WriteString("entity_id", l.EntityId);
            w.WriteString("source", l.Source);
            w.WriteString("source_id", l.SourceId);
            JsonFormat.WriteStrings(w, "programs", l.Programs);
            JsonFormat.WriteNullable(w, "listed_on", l.ListedOn?.ToString());
            w.WriteString("linked_by", l.LinkedBy);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (hit.Decision is { } decision)
        {
            w.WritePropertyName("decision");
            Law.LawJson.ToJson(decision).WriteTo(w);
        }

        w.WritePropertyName("explanation");
        JsonFormat.WriteExplanation(w, hit.Scored.Explanation);
        extra?.Invoke(w);
        w.WriteEndObject();
    }
}
