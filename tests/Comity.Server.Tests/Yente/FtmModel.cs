using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Comity.Server.Tests.Support;

namespace Comity.Server.Tests.Yente;

/// <summary>One property of an FtM schema as the published model defines it.</summary>
internal sealed record FtmProperty(string Schema, string Name, string Type, string? Range, int MaxLength);

/// <summary>FollowTheMoney's published model (<c>ftm-model/defaultModel.json</c>, see its README): schemata with
/// their <c>extends</c> chains, properties (own and inherited) and the value vocabularies of the typed
/// properties (countries, topics, genders, languages).</summary>
internal sealed class FtmModel
{
    private readonly Dictionary<string, JsonElement> _schemata = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, FtmProperty>> _properties = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _ancestors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _vocabularies = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _typeMaxLength = new(StringComparer.Ordinal);

    private FtmModel(JsonElement root)
    {
        foreach (var s in root.GetProperty("schemata").EnumerateObject())
        {
            _schemata[s.Name] = s.Value.Clone();
        }

        foreach (var t in root.GetProperty("types").EnumerateObject())
        {
            if (t.Value.TryGetProperty("maxLength", out var max))
            {
                _typeMaxLength[t.Name] = max.GetInt32();
            }

            if (t.Value.TryGetProperty("values", out var values))
            {
                _vocabularies[t.Name] = values.EnumerateObject().Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
            }
        }
    }

    public static FtmModel Default { get; } = Load(Path.Combine(Repo.Root, "tests", "Comity.Server.Tests", "Yente", "ftm-model", "defaultModel.json"));

    public static FtmModel Load(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return new FtmModel(doc.RootElement);
    }

    public bool HasSchema(string name) => _schemata.ContainsKey(name);

    public bool IsAbstract(string schema) => _schemata[schema].TryGetProperty("abstract", out var a) && a.GetBoolean();

    /// <summary>The schema itself and every schema it extends, transitively.</summary>
    public IReadOnlySet<string> Ancestors(string schema)
    {
        if (_ancestors.TryGetValue(schema, out var known))
        {
            return known;
        }

        var set = new HashSet<string>(StringComparer.Ordinal) { schema };
        if (_schemata[schema].TryGetProperty("extends", out var parents))
        {
            foreach (var p in parents.EnumerateArray())
            {
                set.UnionWith(Ancestors(p.GetString()!));
            }
        }

        _ancestors[schema] = set;
        return set;
    }

    public bool IsA(string schema, string ancestor) => Ancestors(schema).Contains(ancestor);

    /// <summary>Every property of the schema, its own and those inherited through <c>extends</c>.</summary>
    public IReadOnlyDictionary<string, FtmProperty> Properties(string schema)
    {
        if (_properties.TryGetValue(schema, out var known))
        {
            return known;
        }

        var props = new Dictionary<string, FtmProperty>(StringComparer.Ordinal);
        var s = _schemata[schema];
        foreach (var p in s.GetProperty("properties").EnumerateObject())
        {
            var type = p.Value.GetProperty("type").GetString()!;
            var range = p.Value.TryGetProperty("range", out var r) ? r.GetString() : null;
            var max = p.Value.TryGetProperty("maxLength", out var m) ? m.GetInt32() : _typeMaxLength.GetValueOrDefault(type, 65000);
            props[p.Name] = new FtmProperty(schema, p.Name, type, range, max);
        }

        if (s.TryGetProperty("extends", out var parents))
        {
            foreach (var parent in parents.EnumerateArray())
            {
                foreach (var (name, prop) in Properties(parent.GetString()!))
                {
                    props.TryAdd(name, prop);
                }
            }
        }

        _properties[schema] = props;
        return props;
    }

    public IEnumerable<string> Required(string schema) =>
        _schemata[schema].TryGetProperty("required", out var req) ? req.EnumerateArray().Select(x => x.GetString()!) : [];

    /// <summary>The closed vocabulary of a type (<c>country</c>, <c>topic</c>, <c>gender</c>, <c>language</c>), or
    /// null for open types.</summary>
    public IReadOnlySet<string>? Vocabulary(string type) => _vocabularies.GetValueOrDefault(type);
}

/// <summary>Checks yente entity JSON against an <see cref="FtmModel"/>: the schema exists and is concrete, every
/// property is defined for it (own or inherited), every value is in the form of its property type, nested entities
/// (entity-typed properties holding objects) are valid and of the property's range, and the metadata fields are
/// present and well formed. Counts every property value checked and every invalid one.</summary>
internal sealed partial class FtmValidator(FtmModel model)
{
    private readonly List<string> _errors = [];

    public int Entities { get; private set; }

    public int Values { get; private set; }

    public int InvalidValues { get; private set; }

    /// <summary>Property names used where the model does not define them, as <c>Schema:property</c>.</summary>
    public SortedSet<string> UnknownProperties { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Errors => _errors;

    /// <summary>Validates a top-level entity (as <c>/match</c>, <c>/search</c> and <c>/entities</c> return it).</summary>
    public void Validate(JsonElement entity, string where) => ValidateEntity(entity, where, nested: false);

    private void ValidateEntity(JsonElement e, string where, bool nested)
    {
        Entities++;
        if (e.ValueKind != JsonValueKind.Object)
        {
            Error(where, "entity is not an object");
            return;
        }

        var id = Text(e, "id");
        where = $"{where} {id}";
        if (string.IsNullOrEmpty(id))
        {
            Error(where, "no id");
        }

        var schema = Text(e, "schema");
        if (schema is null || !model.HasSchema(schema))
        {
            Error(where, $"unknown schema '{schema}'");
            return;
        }

        if (model.IsAbstract(schema))
        {
            Error(where, $"abstract schema '{schema}'");
        }

        if (!e.TryGetProperty("properties", out var props) || props.ValueKind != JsonValueKind.Object)
        {
            Error(where, "no properties object");
            return;
        }

        var defined = model.Properties(schema);
        foreach (var required in model.Required(schema))
        {
            if (!props.TryGetProperty(required, out _))
            {
                Error(where, $"{schema} requires '{required}'");
            }
        }

        foreach (var p in props.EnumerateObject())
        {
            if (p.Value.ValueKind != JsonValueKind.Array)
            {
                Values++;
                InvalidValues++;
                Error(where, $"{p.Name}: not a list");
                continue;
            }

            if (!defined.TryGetValue(p.Name, out var prop))
            {
                var n = p.Value.GetArrayLength();
                Values += n;
                InvalidValues += n;
                UnknownProperties.Add($"{schema}:{p.Name}");
                Error(where, $"{schema} has no property '{p.Name}' ({n} values, e.g. {Sample(p.Value)})");
                continue;
            }

            foreach (var v in p.Value.EnumerateArray())
            {
                Values++;
                var problem = CheckValue(prop, v, where);
                if (problem is not null)
                {
                    InvalidValues++;
                    Error(where, $"{p.Name} ({prop.Type}): {problem}");
                }
            }
        }

        if (!nested)
        {
            CheckMetadata(e, where);
        }
    }

    private string? CheckValue(FtmProperty prop, JsonElement v, string where)
    {
        if (prop.Type == "entity" && v.ValueKind == JsonValueKind.Object)
        {
            var schema = Text(v, "schema");
            if (schema is not null && model.HasSchema(schema) && prop.Range is { } range && !model.IsA(schema, range))
            {
                return $"nested {schema} is not a {range}";
            }

            ValidateEntity(v, $"{where} > {prop.Name}", nested: true);
            return null;
        }

        if (v.ValueKind != JsonValueKind.String)
        {
            return $"value is a {v.ValueKind}, not a string";
        }

        var s = v.GetString()!;
        if (s.Length == 0 || s.Trim().Length == 0)
        {
            return "empty value";
        }

        if (s.Length > prop.MaxLength)
        {
            return $"{s.Length} characters, more than {prop.MaxLength}";
        }

        var vocabulary = model.Vocabulary(prop.Type);
        if (vocabulary is not null && !vocabulary.Contains(s))
        {
            return $"'{s}' is not a known {prop.Type}";
        }

        return prop.Type switch
        {
            "date" => IsDate(s) ? null : $"'{s}' is not an ISO 8601 date prefix",
            "url" => Uri.TryCreate(s, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps) ? null : $"'{s}' is not an http(s) URL",
            "email" => EmailPattern().IsMatch(s) ? null : $"'{s}' is not an e-mail address",
            "phone" => PhonePattern().IsMatch(s) ? null : $"'{s}' is not an E.164 phone number",
            "number" => NumberPattern().IsMatch(s) ? null : $"'{s}' is not a number",
            "entity" => s.Trim() == s ? null : $"'{s}' is not an entity id",
            _ => null,
        };
    }

    private void CheckMetadata(JsonElement e, string where)
    {
        if (string.IsNullOrEmpty(Text(e, "caption")))
        {
            Error(where, "no caption");
        }

        foreach (var list in new[] { "datasets", "referents" })
        {
            if (!e.TryGetProperty(list, out var a) || a.ValueKind != JsonValueKind.Array || a.EnumerateArray().Any(x => x.ValueKind != JsonValueKind.String))
            {
                Error(where, $"{list} is not a list of strings");
            }
        }

        if (!e.TryGetProperty("target", out var target) || target.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            Error(where, "target is not a boolean");
        }

        var stamps = new Dictionary<string, DateTime>(StringComparer.Ordinal);
        foreach (var field in new[] { "first_seen", "last_seen", "last_change" })
        {
            var t = Text(e, field);
            if (t is null || !DateTime.TryParseExact(t, "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
            {
                Error(where, $"{field} '{t}' is not a yente timestamp");
                continue;
            }

            stamps[field] = at;
        }

        if (stamps.TryGetValue("first_seen", out var first) && stamps.TryGetValue("last_seen", out var last) && stamps.TryGetValue("last_change", out var change))
        {
            if (first > last || change > last)
            {
                Error(where, $"first_seen {first:s} / last_change {change:s} after last_seen {last:s}");
            }
        }
    }

    /// <summary>FtM's date type: an ISO 8601 prefix (<c>2021</c>, <c>2021-02</c>, <c>2021-02-16</c>,
    /// <c>2021-02-16T21</c>, <c>2021-02-16T21:48</c>, <c>2021-02-16T21:48:52</c>) of a real calendar date.</summary>
    public static bool IsDate(string s)
    {
        var m = DatePattern().Match(s);
        if (!m.Success)
        {
            return false;
        }

        var year = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        if (!m.Groups[2].Success)
        {
            return year >= 1000;
        }

        var month = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        if (month is < 1 or > 12)
        {
            return false;
        }

        if (!m.Groups[3].Success)
        {
            return true;
        }

        var day = int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture);
        if (day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        return (!m.Groups[4].Success || int.Parse(m.Groups[4].Value, CultureInfo.InvariantCulture) < 24)
            && (!m.Groups[5].Success || int.Parse(m.Groups[5].Value, CultureInfo.InvariantCulture) < 60)
            && (!m.Groups[6].Success || int.Parse(m.Groups[6].Value, CultureInfo.InvariantCulture) < 60);
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static string Sample(JsonElement values)
    {
        var first = values.EnumerateArray().FirstOrDefault();
        var text = first.ValueKind == JsonValueKind.String ? first.GetString()! : first.ToString();
        return "'" + (text.Length > 60 ? text[..60] + "…" : text) + "'";
    }

    private void Error(string where, string message) => _errors.Add($"{where}: {message}");

    [GeneratedRegex(@"^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2})(?::(\d{2})(?::(\d{2}))?)?)?)?)?$")]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^\+[1-9][0-9]{5,14}$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^-?[0-9][0-9.,]*$")]
    private static partial Regex NumberPattern();
}
