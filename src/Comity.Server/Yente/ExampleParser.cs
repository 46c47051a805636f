using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
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

        ComposeName(echo);
        AddPhoneCountries(echo);
        return new ExampleEntity(id, schema, ToQuery(id, schema, echo), echo);
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

    private static void ComposeName(List<KeyValuePair<string, List<string>>> echo)
    {
        if (echo.Any(kv => Known[kv.Key] == Kind.Name))
        {
            return;
        }

        var parts = NamePartOrder.Select(n => Get(echo, n).FirstOrDefault()).Where(v => v is not null).ToList();
        if (parts.Count > 0)
        {
            echo.Insert(0, new("name", [string.Join(' ', parts)]));
        }
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

    private static Query ToQuery(string? id, string schema, List<KeyValuePair<string, List<string>>> echo)
    {
        var names = new List<string>();
        var countries = new List<string>();
        var dates = new List<FuzzyDate>();
        var ids = new List<Identifier>();
        var gender = Gender.Unknown;
        string? pob = null;
        foreach (var (name, values) in echo)
        {
            switch (Known.GetValueOrDefault(name, Kind.Text))
            {
                case Kind.Name:
                    names.AddRange(values);
                    break;
                case Kind.BirthDate:
                    foreach (var v in values)
                    {
                        if (PartialDate.TryParseIso(v, out var d))
                        {
                            dates.Add(new FuzzyDate(d, Raw: v));
                        }
                    }

                    break;
                case Kind.Country when name is not "pastFlags":
                    countries.AddRange(values.Where(c => !countries.Contains(c, StringComparer.Ordinal)));
                    break;
                case Kind.Gender:
                    gender = values[0] switch { "male" => Gender.Male, "female" => Gender.Female, _ => Gender.Other };
                    break;
                case Kind.BirthPlace:
                    pob = values[0];
                    break;
                case Kind.Identifier:
                    ids.AddRange(values.Select(v => new Identifier(IdentifierTypeOf(name), v)));
                    break;
                case Kind.Phone:
                    ids.AddRange(values.Select(v => new Identifier(IdentifierType.Phone, v)));
                    break;
                case Kind.Email:
                    ids.AddRange(values.Select(v => new Identifier(IdentifierType.Email, v)));
                    break;
                default:
                    break;
            }
        }

        NameParts? parts = null;
        var first = Get(echo, "firstName").FirstOrDefault();
        var middle = Get(echo, "middleName").FirstOrDefault() ?? Get(echo, "secondName").FirstOrDefault();
        var last = Get(echo, "lastName").FirstOrDefault();
        var father = Get(echo, "fatherName").FirstOrDefault();
        if (first is not null || middle is not null || last is not null || father is not null)
        {
            parts = new NameParts(first, middle, last, father);
        }

        var schemata = FtmSchemas.IndexSchemata(schema);
        return new Query
        {
            Id = id,
            Schema = schemata.Length > 0 ? schemata[0] : Schema.LegalEntity,
            Names = [.. names],
            Parts = parts,
            BirthDates = [.. dates],
            Countries = [.. countries],
            Gender = gender,
            Identifiers = [.. ids],
            PlaceOfBirth = pob,
        };
    }

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
                return text.ToLowerInvariant() switch
                {
                    "male" or "m" or "man" => "male",
                    "female" or "f" or "woman" => "female",
                    "other" or "x" or "diverse" => "other",
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
