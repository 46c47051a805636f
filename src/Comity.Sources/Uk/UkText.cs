using System.Text.RegularExpressions;
using Comity.Core.Model;
using Comity.Core.Text;
using Comity.Sources.Common;

namespace Comity.Sources.Uk;

/// <summary>Text conventions shared by the OFSI and FCDO files: enumerated cells (<c>(1) A (2) B</c>,
/// <c>1) A 2) B</c>), countries written as names, non-Latin script labels, name parts.</summary>
internal static partial class UkText
{
    private static readonly Dictionary<string, string> Languages = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Russian"] = "ru",
        ["Russia"] = "ru",
        ["Ukrainian"] = "uk",
        ["Ukraine"] = "uk",
        ["Belarusian"] = "be",
        ["Persian"] = "fa",
        ["Persian/Farsi"] = "fa",
        ["Farsi"] = "fa",
        ["Arabic"] = "ar",
        ["Chinese"] = "zh",
        ["Georgian"] = "ka",
        ["Hebrew"] = "he",
        ["Korean"] = "ko",
        ["Hangul"] = "ko",
        ["Bulgarian"] = "bg",
        ["Turkish"] = "tr",
        ["Kazakh"] = "kk",
        ["Serbian"] = "sr",
        ["Spanish"] = "es",
        ["Thai"] = "th",
        ["Greek"] = "el",
        ["Bosnian"] = "bs",
        ["Japanese"] = "ja",
        ["Burmese"] = "my",
        ["Romanian"] = "ro",
    };

    private static readonly Dictionary<string, string> Scripts = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Cyrillic"] = "Cyrl",
        ["Cryillic"] = "Cyrl",
        ["Cyrilic"] = "Cyrl",
        ["Arabic"] = "Arab",
        ["Persian"] = "Arab",
        ["Chinese"] = "Hani",
        ["Georgian"] = "Geor",
        ["Hebrew"] = "Hebr",
        ["Hangul"] = "Hang",
        ["Thai"] = "Thai",
        ["Greek"] = "Grek",
        ["Burmese"] = "Mymr",
        ["Russian"] = "Cyrl",
    };

    /// <summary>The values of an enumerated cell: <c>(1) Libya. (2) Qatar</c>, <c>1) Saudi Arabia 2) Qatar</c>,
    /// <c>(1) to (6) Algeria (7) Morocco</c>; a cell without numbering is one value.</summary>
    public static IReadOnlyList<string> Enumerated(string? text)
    {
        var clean = TextValue.Clean(text);
        if (clean is null)
        {
            return [];
        }

        var parts = Numbering().Split(clean)
            .Select(p => TextValue.Clean(p.Trim().TrimEnd('.', ',', ';').Trim()))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return parts;
    }

    /// <summary>ISO alpha-2 of a country name as the UK writes it, including <c>Former USSR Currently Ukraine</c>
    /// and trailing notes such as <c>Afghanistan (since 2009)</c>; null when unknown.</summary>
    public static string? Country(string? name)
    {
        var clean = TextValue.Clean(name);
        if (clean is null)
        {
            return null;
        }

        if (CountryText.Resolve(clean) is { } iso)
        {
            return iso;
        }

        var currently = clean.LastIndexOf("currently", StringComparison.OrdinalIgnoreCase);
        if (currently >= 0 && Countries.Resolve(clean.AsSpan(currently + 9)) is { } now)
        {
            return now;
        }

        var paren = clean.IndexOf('(', StringComparison.Ordinal);
        return paren > 0 ? Countries.Resolve(clean.AsSpan(0, paren)) : null;
    }

    /// <summary>The language code (ISO 639-1) or script code (ISO 15924) of a non-Latin name, from the file's
    /// language column, failing that its script column (both misspelt in places), failing that the characters of the
    /// name itself.</summary>
    public static string? ScriptLanguage(string? language, string? script, string name)
    {
        if (language is not null && Languages.TryGetValue(language, out var code))
        {
            return code;
        }

        if (script is not null && Scripts.TryGetValue(script, out var s))
        {
            return s;
        }

        return language ?? script ?? ScriptCodes.Of(name);
    }

    /// <summary>A name from UK name columns: Name 1–5 are given and middle names, Name 6 the family name or the
    /// whole name of an entity.</summary>
    public static EntityName? Name(IReadOnlyList<string?> given, string? family, NameKind kind, string? title)
    {
        var names = given.Where(g => g is not null).Cast<string>().ToList();
        var full = TextValue.Clean(string.Join(' ', names.Append(family ?? string.Empty)));
        if (full is null)
        {
            return null;
        }

        var parts = names.Count == 0 && title is null
            ? null
            : new NameParts(
                names.Count > 0 ? names[0] : null,
                names.Count > 1 ? string.Join(' ', names.Skip(1)) : null,
                family,
                Title: title);
        return new EntityName(full, kind, parts);
    }

    /// <summary>Gender from <c>Male</c>/<c>Female</c>.</summary>
    public static Gender Gender(string? text) => TextValue.Clean(text)?.ToUpperInvariant() switch
    {
        "MALE" or "M" => Core.Model.Gender.Male,
        "FEMALE" or "F" => Core.Model.Gender.Female,
        _ => Core.Model.Gender.Unknown,
    };

    /// <summary>Schema from a group type (<c>Individual</c>, <c>Entity</c>, <c>Ship</c>).</summary>
    public static Schema? SchemaOf(string? groupType) => TextValue.Clean(groupType) is { } t && Schemata.TryParse(t, out var s) ? s : null;

    [GeneratedRegex(@"\(?\b\d{1,2}\)(?:\s*to\s*\(?\d{1,2}\))?\s*", RegexOptions.CultureInvariant)]
    private static partial Regex Numbering();
}
