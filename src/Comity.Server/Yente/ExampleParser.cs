using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Comity.Application.Input;
using Comity.Core.Model;
using Comity.Core.Text;

namespace Comity.Server.Yente;

/// <summary>Turns a <c>/match</c> example entity (FtM schema + properties) into a <see cref="Query"/>, cleaning
/// values by property type the way yente does: countries to ISO codes, dates to ISO prefixes, genders to the FtM
/// vocabulary; unparseable values and unknown properties are dropped; a name is composed from name parts when no
/// name is given; phone numbers add their country as a hint.</summary>
internal static class ExampleParser
{
    private enum Kind
    {
        Name,
        NamePart,
        Date,
        BirthDate,
        Country,
        Gender,
        Identifier,
        Phone,
        Email,
        BirthPlace,
        Text,
    }

    private static readonly string[] NamePartOrder = ["firstName", "secondName", "middleName", "fatherName", "motherName", "lastName", "nameSuffix"];

    private static readonly FrozenDictionary<string, Kind> Known = new Dictionary<string, Kind>(StringComparer.Ordinal)
    {
        ["name"] = Kind.Name,
        ["alias"] = Kind.Name,
        ["previousName"] = Kind.Name,
        ["weakAlias"] = Kind.Text,
        ["firstName"] = Kind.NamePart,
        ["secondName"] = Kind.NamePart,
        ["middleName"] = Kind.NamePart,
        ["fatherName"] = Kind.NamePart,
        ["motherName"] = Kind.NamePart,
        ["lastName"] = Kind.NamePart,
        ["nameSuffix"] = Kind.NamePart,
        ["title"] = Kind.Text,
        ["birthDate"] = Kind.BirthDate,
        ["deathDate"] = Kind.Date,
        ["incorporationDate"] = Kind.Date,
        ["dissolutionDate"] = Kind.Date,
        ["buildDate"] = Kind.Date,
        ["country"] = Kind.Country,
        ["nationality"] = Kind.Country,
        ["citizenship"] = Kind.Country,
        ["jurisdiction"] = Kind.Country,
        ["birthCountry"] = Kind.Country,
        ["mainCountry"] = Kind.Country,
        ["flag"] = Kind.Country,
        ["pastFlags"] = Kind.Country,
        ["gender"] = Kind.Gender,
        ["birthPlace"] = Kind.BirthPlace,
        ["phone"] = Kind.Phone,
        ["email"] = Kind.Email,
        ["address"] = Kind.Text,
        ["position"] = Kind.Text,
        ["notes"] = Kind.Text,
        ["website"] = Kind.Text,
        ["sourceUrl"] = Kind.Text,
        ["legalForm"] = Kind.Text,
        ["status"] = Kind.Text,
        ["topics"] = Kind.Text,
        ["program"] = Kind.Text,
        ["programId"] = Kind.Text,
        ["wikidataId"] = Kind.Text,
        ["type"] = Kind.Text,
        ["model"] = Kind.Text,
        ["manufacturer"] = Kind.Text,
        ["registrationPort"] = Kind.Text,
        ["passportNumber"] = Kind.Identifier,
        ["socialSecurityNumber"] = Kind.Identifier,
        ["idNumber"] = Kind.Identifier,
        ["taxNumber"] = Kind.Identifier,
        ["vatCode"] = Kind.Identifier,
        ["innCode"] = Kind.Identifier,
        ["ogrnCode"] = Kind.Identifier,
        ["kppCode"] = Kind.Identifier,
        ["registrationNumber"] = Kind.Identifier,
        ["leiCode"] = Kind.Identifier,
        ["swiftBic"] = Kind.Identifier,
        ["uniqueEntityId"] = Kind.Identifier,
        ["dunsCode"] = Kind.Identifier,
        ["uscCode"] = Kind.Identifier,
        ["npiCode"] = Kind.Identifier,
        ["cageCode"] = Kind.Identifier,
        ["permId"] = Kind.Identifier,
        ["imoNumber"] = Kind.Identifier,
        ["giiNumber"] = Kind.Identifier,
        ["irsCode"] = Kind.Identifier,
        ["cikCode"] = Kind.Identifier,
        ["isinCode"] = Kind.Identifier,
        ["voenCode"] = Kind.Identifier,
        ["ticker"] = Kind.Identifier,
        ["mmsi"] = Kind.Identifier,
        ["callSign"] = Kind.Identifier,
        ["serialNumber"] = Kind.Identifier,
        ["icaoCode"] = Kind.Identifier,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Parses one example; throws <see cref="YenteException"/> (422 or 400) when it cannot be screened.</summary>
    public static ExampleEntity Parse(string key, JsonElement example)
    {
        if (example.ValueKind != JsonValueKind.Object)
        {
            throw YenteException.Invalid("model_attributes_type", "Input should be a valid dictionary or object to extract fields from", example.Clone(), "body", "queries", key);
        }

        if (!example.TryGetProperty("schema", out var schemaEl) || schemaEl.ValueKind == JsonValueKind.Null)
        {
            throw YenteException.Invalid("missing", "Field required", example.Clone(), "body", "queries", key, "schema");
        }

        if (schemaEl.ValueKind != JsonValueKind.String)
        {
            throw YenteException.Invalid("string_type", "Input should be a valid string", schemaEl.Clone(), "body", "queries", key, "schema");
        }

        var schema = schemaEl.GetString()!;
        if (!FtmSchemas.TryMatchable(schema, out _))
        {
            throw new YenteException(StatusCodes.Status400BadRequest, $"Cannot parse example entity: schema '{schema}' is unknown or cannot be matched");
        }

        string? id = null;
        if (example.TryGetProperty("id", out var idEl) && idEl.ValueKind is not JsonValueKind.Null)
        {
            id = Scalar(idEl);
        }

        var echo = new List<KeyValuePair<string, List<string>>>();
        if (example.TryGetProperty("properties", out var props) && props.ValueKind != JsonValueKind.Null)
        {
            if (props.ValueKind != JsonValueKind.Object)
            {
                throw YenteException.Invalid("dict_type", "Input should be a valid dictionary", props.Clone(), "body", "queries", key, "properties");
            }

            foreach (var p in props.EnumerateObject())
            {
                if (!Known.TryGetValue(p.Name, out var kind))
                {
                    continue;
                }

                var values = new List<string>();
                foreach (var raw in Flatten(p.Value))
                {
                    if (Clean(kind, p.Name, raw) is { } v && !values.Contains(v, StringComparer.Ordinal))
                    {
                        values.Add(v);
                    }
                }

                if (values.Count > 0)
                {
                    Merge(echo, p.Name, values);
                }
            }
        }

        var composed = ComposeName(echo);
        AddPhoneCountries(echo);
        return new ExampleEntity(id, schema, ToQuery(id, schema, echo, composed), echo);
    }

    private static void Merge(List<KeyValuePair<string, List<string>>> echo, string name, List<string> values)
    {
        foreach (var kv in echo)
        {
            if (string.Equals(kv.Key, name, StringComparison.Ordinal))
            {
                kv.Value.AddRange(values.Where(v => !kv.Value.Contains(v, StringComparer.Ordinal)));
                return;
            }
        }

        echo.Add(new(name, values));
    }

    private static List<string> Get(IReadOnlyList<KeyValuePair<string, List<string>>> echo, string name) =>
        echo.FirstOrDefault(kv => string.Equals(kv.Key, name, StringComparison.Ordinal)).Value ?? [];

    /// <summary>Adds a <c>name</c> composed from the name parts when no name is given; true when it did.</summary>
    private static bool ComposeName(List<KeyValuePair<string, List<string>>> echo)
    {
        if (echo.Any(kv => Known[kv.Key] == Kind.Name))
        {
            return false;
        }

        var parts = NamePartOrder.Select(n => Get(echo, n).FirstOrDefault()).Where(v => v is not null).ToList();
        if (parts.Count == 0)
        {
            return false;
        }

        echo.Insert(0, new("name", [string.Join(' ', parts)]));
        return true;
    }

    private static void AddPhoneCountries(List<KeyValuePair<string, List<string>>> echo)
    {
        foreach (var phone in Get(echo, "phone"))
        {
            if (PhoneCountries.TryCountry(phone, out var iso))
            {
                Merge(echo, "country", [iso]);
            }
        }
    }

    /// <summary>Emits the cleaned example into the one query builder every front end uses.</summary>
    /// <param name="composed">True when the echo's name was composed from name parts (the builder composes its own
    /// from the same parts).</param>
    private static Query ToQuery(string? id, string schema, List<KeyValuePair<string, List<string>>> echo, bool composed)
    {
        var builder = new QueryBuilder();
        builder.Add(QueryField.Id, id);
        var schemata = FtmSchemas.IndexSchemata(schema);
        builder.Add(QueryField.Schema, (schemata.Length > 0 ? schemata[0] : Schema.LegalEntity).Name());
        foreach (var (name, values) in echo)
        {
            if (FieldOf(name) is not { } field || (composed && string.Equals(name, "name", StringComparison.Ordinal)))
            {
                continue;
            }

            foreach (var v in values)
            {
                builder.Add(field, v);
            }
        }

        // The example was validated above: a query without a name screens nothing (the caller answers no results).
        return builder.Build(out _) ?? new Query { Id = id, Schema = schemata.Length > 0 ? schemata[0] : Schema.LegalEntity };
    }

    /// <summary>The query field a cleaned FtM property feeds, or null when it only echoes.</summary>
    private static QueryField? FieldOf(string property) => Known.GetValueOrDefault(property, Kind.Text) switch
    {
        Kind.Name => QueryField.Name,
        Kind.NamePart => property switch
        {
            "firstName" => QueryField.FirstName,
            "secondName" or "middleName" => QueryField.MiddleName,
            "lastName" => QueryField.LastName,
            "fatherName" => QueryField.FatherName,
            _ => null,
        },
        Kind.BirthDate => QueryField.BirthDate,
        Kind.Country when property is not "pastFlags" => QueryField.Country,
        Kind.Gender => QueryField.Gender,
        Kind.BirthPlace => QueryField.PlaceOfBirth,
        Kind.Phone => QueryField.Phone,
        Kind.Email => QueryField.Email,
        Kind.Identifier => IdentifierTypeOf(property) switch
        {
            IdentifierType.Passport => QueryField.Passport,
            IdentifierType.NationalId => QueryField.NationalId,
            IdentifierType.TaxId => QueryField.TaxId,
            IdentifierType.Registration => QueryField.Registration,
            IdentifierType.Lei => QueryField.Lei,
            IdentifierType.SwiftBic => QueryField.SwiftBic,
            IdentifierType.Imo => QueryField.Imo,
            IdentifierType.Mmsi => QueryField.Mmsi,
            IdentifierType.CallSign => QueryField.CallSign,
            IdentifierType.AircraftSerial => QueryField.AircraftSerial,
            _ => QueryField.OtherId,
        },
        _ => null,
    };

    private static IdentifierType IdentifierTypeOf(string property) => property switch
    {
        "passportNumber" => IdentifierType.Passport,
        "idNumber" or "socialSecurityNumber" => IdentifierType.NationalId,
        "taxNumber" or "vatCode" or "innCode" or "kppCode" or "irsCode" => IdentifierType.TaxId,
        "registrationNumber" or "ogrnCode" or "uniqueEntityId" or "dunsCode" or "uscCode" or "voenCode" => IdentifierType.Registration,
        "leiCode" => IdentifierType.Lei,
        "swiftBic" => IdentifierType.SwiftBic,
        "imoNumber" => IdentifierType.Imo,
        "mmsi" => IdentifierType.Mmsi,
        "callSign" => IdentifierType.CallSign,
        "serialNumber" => IdentifierType.AircraftSerial,
        _ => IdentifierType.Other,
    };

    private static string? Clean(Kind kind, string property, string raw)
    {
        var text = TextValue.Clean(raw);
        if (text is null)
        {
            return null;
        }

        switch (kind)
        {
            case Kind.Date:
            case Kind.BirthDate:
                if (PartialDate.TryParseIso(text, out var iso))
                {
                    return iso.ToString();
                }

                return DateText.Single(text) is { } d ? d.ToString() : null;
            case Kind.Country:
                return Countries.TryResolve(text, out var c) ? c : null;
            case Kind.Gender:
                return QueryBuilder.ParseGender(text) switch
                {
                    Gender.Male => "male",
                    Gender.Female => "female",
                    Gender.Other => "other",
                    _ => null,
                };
            case Kind.Phone:
                return PhoneCountries.Normalize(text);
            case Kind.Email:
                return text.Contains('@', StringComparison.Ordinal) ? text.ToLowerInvariant() : null;
            case Kind.Identifier:
                return Identifier.NormalizeValue(text).Length == 0 ? null : text;
            default:
                return property.Length > 0 ? text : null;
        }
    }

    /// <summary>Strings of a property value: strings as they are, numbers and booleans as text, nested lists
    /// flattened; objects and nulls dropped.</summary>
    private static IEnumerable<string> Flatten(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (var item in value.EnumerateArray())
                {
                    foreach (var s in Flatten(item))
                    {
                        yield return s;
                    }
                }

                break;
            case JsonValueKind.String:
            case JsonValueKind.Number:
            case JsonValueKind.True:
            case JsonValueKind.False:
                yield return Scalar(value);
                break;
            default:
                break;
        }
    }

    private static string Scalar(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => e.GetString()!,
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => e.GetRawText(),
    };

    internal static ImmutableArray<string> KnownProperties => [.. Known.Keys.Order(StringComparer.Ordinal)];

    internal static string Invariant(double v) => v.ToString(CultureInfo.InvariantCulture);
}
