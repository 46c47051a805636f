using System.Text.Json;

namespace Comity.Sources.Ftm;

/// <summary>One FtM entity as read from JSON: id, schema, datasets, referents, timestamps and the property lists.</summary>
internal sealed record FtmRecord(
    string Id,
    string Schema,
    string? Caption,
    IReadOnlyList<string> Datasets,
    IReadOnlyList<string> Referents,
    string? FirstSeen,
    string? LastChange,
    IReadOnlyDictionary<string, List<string>> Properties)
{
    /// <summary>The values of a property (empty when absent).</summary>
    public IReadOnlyList<string> Values(string property) =>
        Properties.TryGetValue(property, out var v) ? v : [];

    /// <summary>Reads an entity object; null when it has no id or no schema. A delta line
    /// (<c>{"op": "ADD", "entity": {…}}</c>) yields its entity (DEL yields null).</summary>
    public static FtmRecord? From(JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (e.TryGetProperty("op", out var op) && e.TryGetProperty("entity", out var inner))
        {
            return op.ValueKind == JsonValueKind.String && op.GetString() == "DEL" ? null : From(inner);
        }

        var id = Str(e, "id");
        var schema = Str(e, "schema");
        if (id is null || schema is null)
        {
            return null;
        }

        var props = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (e.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object)
        {
            foreach (var prop in p.EnumerateObject())
            {
                var list = new List<string>();
                Collect(prop.Value, list);
                if (list.Count > 0)
                {
                    props[prop.Name] = list;
                }
            }
        }

        return new FtmRecord(id, schema, Str(e, "caption"), Strings(e, "datasets"), Strings(e, "referents"),
            Str(e, "first_seen"), Str(e, "last_change"), props);
    }

    /// <summary>Strings, numbers, and the <c>id</c> of nested entity objects.</summary>
    private static void Collect(JsonElement v, List<string> into)
    {
        switch (v.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (var item in v.EnumerateArray())
                {
                    Collect(item, into);
                }

                break;
            case JsonValueKind.String:
                if (v.GetString() is { Length: > 0 } s)
                {
                    into.Add(s);
                }

                break;
            case JsonValueKind.Number:
                into.Add(v.GetRawText());
                break;
            case JsonValueKind.Object:
                if (Str(v, "id") is { } id)
                {
                    into.Add(id);
                }

                break;
            default:
                break;
        }
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s ? s : null;

    private static List<string> Strings(JsonElement e, string name)
    {
        var list = new List<string>();
        if (e.TryGetProperty(name, out var v))
        {
            Collect(v, list);
        }

        return list;
    }
}
