using System.Text.Json;
using Comity.Application.Input;
using Comity.Core.Model;

namespace Comity.Application.Alerts;

/// <summary>Reads back the query stored with an alert (the JSON written by <see cref="Output.JsonFormat.WriteQuery"/>)
/// through the same <see cref="QueryBuilder"/> every input goes through.</summary>
internal static class StoredQuery
{
    /// <summary>The query, or null when the JSON holds no usable name (an alert stored by an older version).</summary>
    public static Query? Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            return null;
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var b = new QueryBuilder();
            if (Text(root, "schema") is { } schema)
            {
                b.Add(QueryField.Schema, schema);
            }

            var first = true;
            foreach (var name in Strings(root, "name"))
            {
                b.Add(first ? QueryField.Name : QueryField.Alias, name);
                first = false;
            }

            foreach (var dob in Strings(root, "dob"))
            {
                b.Add(QueryField.BirthDate, dob);
            }

            foreach (var country in Strings(root, "country"))
            {
                b.Add(QueryField.Country, country);
            }

            b.Add(QueryField.Gender, Text(root, "gender"));
            b.Add(QueryField.PlaceOfBirth, Text(root, "place_of_birth"));
            if (root.TryGetProperty("identifiers", out var ids) && ids.ValueKind == JsonValueKind.Array)
            {
                foreach (var id in ids.EnumerateArray())
                {
                    if (Text(id, "type") is { } type && Text(id, "value") is { } value && QueryFields.TryParse(type, out var field))
                    {
                        b.Add(field, value);
                    }
                }
            }

            return b.Build(out _);
        }
    }

    private static string? Text(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static IEnumerable<string> Strings(JsonElement e, string name)
    {
        if (!e.TryGetProperty(name, out var v))
        {
            yield break;
        }

        if (v.ValueKind == JsonValueKind.String)
        {
            yield return v.GetString()!;
        }
        else if (v.ValueKind == JsonValueKind.Array)
        {
            foreach (var x in v.EnumerateArray())
            {
                if (x.ValueKind == JsonValueKind.String)
                {
                    yield return x.GetString()!;
                }
            }
        }
    }
}
