using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Comity.Core.Model;

namespace Comity.Application.Monitoring;

/// <summary>A query stored exactly: every property of <see cref="Query"/> written as JSON and read back equal (dates
/// with their precision, range, circa flag, calendar and raw text; identifiers with type, country and note), so a
/// stored subject screens as it did when it was added and a stored run can be replayed.</summary>
internal static class QueryCodec
{
    /// <summary>The query as one JSON object (ordinal member order, no whitespace).</summary>
    public static string Encode(Query query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var o = new JsonObject
        {
            ["id"] = query.Id,
            ["schema"] = query.Schema.Name(),
            ["names"] = Strings(query.Names),
        };
        if (query.Parts is { } p)
        {
            o["parts"] = new JsonObject { ["given"] = p.Given, ["middle"] = p.Middle, ["family"] = p.Family, ["patronymic"] = p.Patronymic, ["title"] = p.Title };
        }

        if (!query.BirthDates.IsDefaultOrEmpty)
        {
            o["dob"] = new JsonArray([.. query.BirthDates.Select(d => (JsonNode)Date(d))]);
        }

        if (!query.Countries.IsDefaultOrEmpty)
        {
            o["countries"] = Strings(query.Countries);
        }

        if (query.Gender != Gender.Unknown)
        {
            o["gender"] = query.Gender.ToString();
        }

        if (!query.Identifiers.IsDefaultOrEmpty)
        {
            o["ids"] = new JsonArray([.. query.Identifiers.Select(i => (JsonNode)new JsonObject { ["type"] = i.Type.ToString(), ["value"] = i.Value, ["country"] = i.Country, ["note"] = i.Note })]);
        }

        if (query.PlaceOfBirth is not null)
        {
            o["pob"] = query.PlaceOfBirth;
        }

        return o.ToJsonString();
    }

    /// <summary>Reads what <see cref="Encode"/> wrote; a <see cref="FormatException"/> names what is wrong.</summary>
    public static Query Decode(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonObject o;
        try
        {
            o = JsonNode.Parse(json)?.AsObject() ?? throw new FormatException("stored query: not a JSON object");
        }
        catch (JsonException e)
        {
            throw new FormatException($"stored query: not JSON ({e.Message})", e);
        }
        catch (InvalidOperationException e)
        {
            throw new FormatException($"stored query: not a JSON object ({e.Message})", e);
        }

        try
        {
            var schemaText = o["schema"]?.GetValue<string>() ?? "LegalEntity";
            if (!Schemata.TryParse(schemaText, out var schema))
            {
                throw new FormatException($"stored query: unknown schema '{schemaText}'");
            }

            NameParts? parts = null;
            if (o["parts"] is JsonObject p)
            {
                parts = new NameParts(Text(p, "given"), Text(p, "middle"), Text(p, "family"), Text(p, "patronymic"), Text(p, "title"));
            }

            return new Query
            {
                Id = Text(o, "id"),
                Schema = schema,
                Names = ReadStrings(o["names"]),
                Parts = parts,
                BirthDates = o["dob"] is JsonArray dates ? [.. dates.Select(d => ReadDate(d!.AsObject()))] : [],
                Countries = ReadStrings(o["countries"]),
                Gender = o["gender"]?.GetValue<string>() is { } g ? Enum.Parse<Gender>(g, ignoreCase: false) : Gender.Unknown,
                Identifiers = o["ids"] is JsonArray ids
                    ? [.. ids.Select(i => new Identifier(Enum.Parse<IdentifierType>(i!["type"]!.GetValue<string>(), ignoreCase: false), i["value"]!.GetValue<string>(), Text(i.AsObject(), "country"), Text(i.AsObject(), "note")))]
                    : [],
                PlaceOfBirth = Text(o, "pob"),
            };
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or NullReferenceException)
        {
            throw new FormatException($"stored query: {e.Message}", e);
        }
    }

    private static JsonObject Date(FuzzyDate d)
    {
        var o = new JsonObject { ["from"] = Partial(d.From) };
        if (d.To is { } to)
        {
            o["to"] = Partial(to);
        }

        if (d.Circa)
        {
            o["circa"] = true;
        }

        if (d.Calendar != CalendarKind.Gregorian)
        {
            o["calendar"] = d.Calendar.ToString();
        }

        if (d.Raw is not null)
        {
            o["raw"] = d.Raw;
        }

        return o;
    }

    private static JsonArray Partial(PartialDate p) => [p.Year, p.Month, p.Day];

    private static FuzzyDate ReadDate(JsonObject o)
    {
        static PartialDate P(JsonNode? n)
        {
            var a = n!.AsArray();
            return new PartialDate(a[0]!.GetValue<int>(), a[1]!.GetValue<int>(), a[2]!.GetValue<int>());
        }

        return new FuzzyDate(
            P(o["from"]),
            o["to"] is { } to ? P(to) : null,
            o["circa"]?.GetValue<bool>() ?? false,
            o["calendar"]?.GetValue<string>() is { } c ? Enum.Parse<CalendarKind>(c, ignoreCase: false) : CalendarKind.Gregorian,
            Text(o, "raw"));
    }

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)JsonValue.Create(v))]);

    private static ImmutableArray<string> ReadStrings(JsonNode? node) =>
        node is JsonArray a ? [.. a.Select(x => x!.GetValue<string>())] : [];

    private static string? Text(JsonObject o, string name) => o[name]?.GetValue<string>();

    /// <summary>Invariant text of a number, for keys.</summary>
    internal static string Invariant(long n) => n.ToString(CultureInfo.InvariantCulture);
}
