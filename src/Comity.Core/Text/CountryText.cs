using System.Collections.Frozen;

namespace Comity.Core.Text;

/// <summary>Resolves the country words lists write: names and codes (through <see cref="Countries"/>), and the
/// demonyms that DFAT and others use for citizenship (<c>Russian</c>, <c>Afghan</c>, <c>Saudi Arabian</c>).</summary>
public static class CountryText
{
    private static readonly FrozenDictionary<string, string> Demonyms = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["Afghan"] = "af",
        ["Albanian"] = "al",
        ["Algerian"] = "dz",
        ["American"] = "us",
        ["Argentine"] = "ar",
        ["Argentinian"] = "ar",
        ["Armenian"] = "am",
        ["Australian"] = "au",
        ["Austrian"] = "at",
        ["Azerbaijani"] = "az",
        ["Bahraini"] = "bh",
        ["Bangladeshi"] = "bd",
        ["Belarusian"] = "by",
        ["Belgian"] = "be",
        ["Bosnian"] = "ba",
        ["Brazilian"] = "br",
        ["British"] = "gb",
        ["Bulgarian"] = "bg",
        ["Burmese"] = "mm",
        ["Burundian"] = "bi",
        ["Cambodian"] = "kh",
        ["Canadian"] = "ca",
        ["Central African"] = "cf",
        ["Chadian"] = "td",
        ["Chinese"] = "cn",
        ["Colombian"] = "co",
        ["Congolese"] = "cd",
        ["Croatian"] = "hr",
        ["Cuban"] = "cu",
        ["Cypriot"] = "cy",
        ["Czech"] = "cz",
        ["Danish"] = "dk",
        ["Dutch"] = "nl",
        ["Egyptian"] = "eg",
        ["Emirati"] = "ae",
        ["Eritrean"] = "er",
        ["Estonian"] = "ee",
        ["Ethiopian"] = "et",
        ["Filipino"] = "ph",
        ["Finnish"] = "fi",
        ["French"] = "fr",
        ["Georgian"] = "ge",
        ["German"] = "de",
        ["Greek"] = "gr",
        ["Guinean"] = "gn",
        ["Haitian"] = "ht",
        ["Hungarian"] = "hu",
        ["Indian"] = "in",
        ["Indonesian"] = "id",
        ["Iranian"] = "ir",
        ["Iraqi"] = "iq",
        ["Irish"] = "ie",
        ["Israeli"] = "il",
        ["Italian"] = "it",
        ["Ivorian"] = "ci",
        ["Japanese"] = "jp",
        ["Jordanian"] = "jo",
        ["Kazakh"] = "kz",
        ["Kenyan"] = "ke",
        ["Kuwaiti"] = "kw",
        ["Kyrgyz"] = "kg",
        ["Latvian"] = "lv",
        ["Lebanese"] = "lb",
        ["Liberian"] = "lr",
        ["Libyan"] = "ly",
        ["Lithuanian"] = "lt",
        ["Macedonian"] = "mk",
        ["Malaysian"] = "my",
        ["Malian"] = "ml",
        ["Maldivian"] = "mv",
        ["Mexican"] = "mx",
        ["Moldovan"] = "md",
        ["Mongolian"] = "mn",
        ["Montenegrin"] = "me",
        ["Moroccan"] = "ma",
        ["Nicaraguan"] = "ni",
        ["Nigerian"] = "ng",
        ["Nigerien"] = "ne",
        ["North Korean"] = "kp",
        ["Norwegian"] = "no",
        ["Omani"] = "om",
        ["Pakistani"] = "pk",
        ["Palestinian"] = "ps",
        ["Polish"] = "pl",
        ["Portuguese"] = "pt",
        ["Qatari"] = "qa",
        ["Romanian"] = "ro",
        ["Russian"] = "ru",
        ["Rwandan"] = "rw",
        ["Saudi"] = "sa",
        ["Saudi Arabian"] = "sa",
        ["Serbian"] = "rs",
        ["Sierra Leonean"] = "sl",
        ["Singaporean"] = "sg",
        ["Slovak"] = "sk",
        ["Slovenian"] = "si",
        ["Somali"] = "so",
        ["South African"] = "za",
        ["South Korean"] = "kr",
        ["South Sudanese"] = "ss",
        ["Spanish"] = "es",
        ["Sri Lankan"] = "lk",
        ["Sudanese"] = "sd",
        ["Swedish"] = "se",
        ["Swiss"] = "ch",
        ["Syrian"] = "sy",
        ["Tajik"] = "tj",
        ["Tanzanian"] = "tz",
        ["Thai"] = "th",
        ["Tunisian"] = "tn",
        ["Turkish"] = "tr",
        ["Turkmen"] = "tm",
        ["Ugandan"] = "ug",
        ["Ukrainian"] = "ua",
        ["Uzbek"] = "uz",
        ["Venezuelan"] = "ve",
        ["Vietnamese"] = "vn",
        ["Yemeni"] = "ye",
        ["Zimbabwean"] = "zw",
        ["Mauritanian"] = "mr",
        ["Mauritian"] = "mu",
        ["Senegalese"] = "sn",
        ["Uzbekistani"] = "uz",
        ["Kazakhstani"] = "kz",
        ["Belarussian"] = "by",
        ["Ukranian"] = "ua",
        ["Afghani"] = "af",
        ["Qatarian"] = "qa",
        ["Bahamian"] = "bs",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly string[] Suffixes = [" citizenship", " citizen", " national", " nationality"];

    /// <summary>ISO alpha-2 (lowercase) of a country name, code or demonym, ignoring a trailing parenthesised note
    /// or a word such as <c>citizenship</c>; null when unknown.</summary>
    public static string? Resolve(string? text)
    {
        var clean = TextValue.Clean(text)?.TrimEnd('.', ',', ';');
        if (string.IsNullOrEmpty(clean))
        {
            return null;
        }

        if (Countries.Resolve(clean) is { } iso)
        {
            return iso;
        }

        if (Demonyms.TryGetValue(clean, out var d))
        {
            return d;
        }

        // "Kuwaiti citizenship", "Iranian national", "Indonesian (as at December 2003)": drop the note and retry once.
        var paren = clean.IndexOf('(', StringComparison.Ordinal);
        var core = paren > 0 ? clean[..paren].Trim() : clean;
        foreach (var suffix in Suffixes)
        {
            if (core.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                core = core[..^suffix.Length].Trim();
            }
        }

        return core.Length > 0 && !string.Equals(core, clean, StringComparison.Ordinal)
            ? Countries.Resolve(core) ?? (Demonyms.TryGetValue(core, out var c) ? c : null)
            : null;
    }

    /// <summary>Every country in a text that names several (<c>Russian and Ukrainian</c>, <c>Syria/Lebanon</c>);
    /// the whole text first. Empty when any part is unknown.</summary>
    public static IReadOnlyList<string> ResolveAll(string text)
    {
        if (Resolve(text) is { } whole)
        {
            return [whole];
        }

        var parts = text.Split([" and ", "/", ",", ";"], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var result = new List<string>();
        foreach (var p in parts)
        {
            if (Resolve(p) is not { } iso)
            {
                return [];
            }

            result.Add(iso);
        }

        return result;
    }
}
