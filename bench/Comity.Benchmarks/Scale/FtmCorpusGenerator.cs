using System.Globalization;
using System.Text;
using System.Text.Json;
using Comity.Benchmarks.Table;

namespace Comity.Benchmarks.Scale;

/// <summary>Writes a FollowTheMoney JSON Lines corpus of any size (OpenSanctions' default dataset holds about 2.7 M
/// entities), fixed seed, read back through Comity's normal FtM reader.</summary>
/// <remarks>
/// Mix: 55 % persons, 33 % companies and organisations, 8 % vessels, 4 % aircraft, spread over 12 datasets. Person names
/// come from the Bogus package's name lists of 20 locales (Latin, Cyrillic, Arabic, Persian, Greek, Georgian, hanzi,
/// kana/kanji, Hangul), drawn with a Zipf-like bias so that a few names are very common (as <c>Mohammed</c> and
/// <c>Kim</c> are on real lists) and a long tail is rare; a third of family names are generated from syllables so the
/// vocabulary grows with the corpus as real ones do. Aliases: the Latin romanisation of a native-script name, the
/// <c>FAMILY, Given</c> order, a spelling variant, a weak alias (given name alone); companies carry a legal form, an
/// acronym alias and a former name; vessels an IMO number, a flag and former names; aircraft a registration and serial.
/// Persons have a birth date (80 %), nationality (70 %) and gender.
/// </remarks>
internal static class FtmCorpusGenerator
{
    private static readonly string[] Locales =
        ["en", "ar", "ru", "fa", "zh_CN", "es", "fr", "de", "tr", "ko", "uk", "ja", "el", "ge", "it", "pt_BR", "pl", "vi", "nl", "id_ID"];

    private static readonly string[] LocaleCountry =
        ["us", "sy", "ru", "ir", "cn", "ve", "fr", "de", "tr", "kp", "ua", "jp", "gr", "ge", "it", "br", "pl", "vn", "nl", "id"];

    private static readonly string[] Syllables =
    [
        "ka", "ri", "mo", "ta", "sel", "van", "dor", "li", "ne", "ro", "mas", "ul", "zen", "pa", "bo", "ha", "mi", "sha", "ter", "lo",
        "gu", "in", "ar", "ko", "vi", "nu", "el", "sa", "dra", "yu", "fa", "ben", "tor", "qui", "al", "ja", "stan", "ov", "ich", "enko",
    ];

    private static readonly string[] Trades =
        ["Trading", "Shipping", "Holding", "Logistics", "Industries", "Energy", "Petroleum", "Bank", "Investment", "Construction", "Technologies", "Import Export", "Marine", "Metals", "Chemicals", "Group"];

    private static readonly string[] Forms = ["LLC", "Ltd", "GmbH", "JSC", "OOO", "S.A.", "Co., Ltd.", "Limited", "PJSC", "Inc.", "FZE", "Sdn Bhd", "AO", "LLP", "B.V."];

    private static readonly string[] Datasets =
        ["gen-us-ofac", "gen-eu-fsf", "gen-un-sc", "gen-gb-hmt", "gen-ca-sema", "gen-au-dfat", "gen-ch-seco", "gen-peps", "gen-crime", "gen-debarment", "gen-ru-rupep", "gen-kp-sanctions"];

    private static readonly string[] Flags = ["pa", "lr", "mh", "km", "tz", "ir", "kp", "ru", "cm", "sl", "tg", "mn"];

    /// <summary>Writes <paramref name="count"/> entities to <paramref name="path"/>; returns the file's size in bytes.</summary>
    public static long Write(string path, int count, int seed)
    {
        var rng = new Random(seed);
        var given = Locales.Select(l => (Male: BogusLists.Names(l, "male_first_name", "first_name"), Female: BogusLists.Names(l, "female_first_name", "first_name"))).ToArray();
        var family = Locales.Select(l => BogusLists.Names(l, "male_last_name", "last_name")).ToArray();
        var latin = Locales.Select((l, i) => given[i].Male.Length > 0 && given[i].Male[0].All(c => c < 0x250)).ToArray();
        using (var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            for (var i = 0; i < count; i++)
            {
                var kind = rng.Next(100);
                var id = "gen-" + i.ToString(CultureInfo.InvariantCulture);
                var dataset = Datasets[Zipf(rng, Datasets.Length)];
                w.Reset();
                if (kind < 55)
                {
                    var l = Zipf(rng, Locales.Length);
                    while (family[l].Length == 0 || given[l].Male.Length == 0)
                    {
                        l = rng.Next(Locales.Length);
                    }

                    Person(w, rng, id, dataset, l, given[l], family[l], latin[l]);
                }
                else if (kind < 88)
                {
                    var l = Zipf(rng, Locales.Length);
                    Company(w, rng, id, dataset, family[l].Length > 0 ? family[l] : family[0], latin[l] ? LocaleCountry[l] : LocaleCountry[rng.Next(LocaleCountry.Length)]);
                }
                else if (kind < 96)
                {
                    Vessel(w, rng, id, dataset);
                }
                else
                {
                    Aircraft(w, rng, id, dataset);
                }

                w.Flush();
                stream.WriteByte((byte)'\n');
            }
        }

        return new FileInfo(path).Length;
    }

    /// <summary>Index in [0, n) with a Zipf-like bias (rank r drawn with weight about 1/(r+1)).</summary>
    private static int Zipf(Random rng, int n) => Math.Min(n - 1, (int)(Math.Exp(rng.NextDouble() * Math.Log(n + 1)) - 1));

    private static string PickZipf(string[] items, Random rng) =>
        items[rng.Next(3) == 0 ? rng.Next(items.Length) : Math.Min(items.Length - 1, (int)(Math.Exp(rng.NextDouble() * Math.Log(items.Length + 1)) - 1))];

    private static string Pick(string[] items, Random rng) => items[rng.Next(items.Length)];

    private static string Syllabic(Random rng, int min, int max)
    {
        var sb = new StringBuilder();
        for (var k = rng.Next(min, max + 1); k > 0; k--)
        {
            sb.Append(Syllables[rng.Next(Syllables.Length)]);
        }

        sb[0] = char.ToUpperInvariant(sb[0]);
        return sb.ToString();
    }

    private static void Person(Utf8JsonWriter w, Random rng, string id, string dataset, int locale, (string[] Male, string[] Female) given, string[] family, bool latin)
    {
        var male = rng.Next(2) == 0;
        var g = male || given.Female.Length == 0 ? given.Male : given.Female;
        var first = PickZipf(g, rng);
        var last = latin && rng.Next(3) == 0 ? Syllabic(rng, 2, 4) : PickZipf(family, rng);
        var middle = rng.Next(4) == 0 ? PickZipf(g, rng) : null;
        var east = Locales[locale] is "zh_CN" or "ja" or "ko";
        var full = east ? last + first : middle is null ? $"{first} {last}" : $"{first} {middle} {last}";
        var aliases = new List<string>();
        if (!latin)
        {
            var roman = Comity.Core.Text.Transliteration.ToAsciiLower(full);
            if (roman.Length > 0)
            {
                aliases.Add(Title(roman));
            }
        }

        if (rng.Next(3) == 0)
        {
            aliases.Add(east ? $"{last} {first}" : $"{last.ToUpperInvariant()}, {first}");
        }

        if (rng.Next(5) == 0)
        {
            aliases.Add(Variant(full, rng));
        }

        w.WriteStartObject();
        w.WriteString("id", id);
        w.WriteString("schema", "Person");
        w.WriteString("caption", full);
        w.WriteStartObject("properties");
        Values(w, "name", full);
        Values(w, "firstName", first);
        Values(w, "lastName", last);
        if (aliases.Count > 0)
        {
            Values(w, "alias", [.. aliases]);
        }

        if (rng.Next(10) == 0)
        {
            Values(w, "weakAlias", first);
        }

        if (rng.Next(10) < 8)
        {
            Values(w, "birthDate", string.Create(CultureInfo.InvariantCulture, $"{1930 + rng.Next(75)}-{1 + rng.Next(12):00}-{1 + rng.Next(28):00}"));
        }

        if (rng.Next(10) < 7)
        {
            Values(w, "nationality", rng.Next(5) == 0 ? LocaleCountry[rng.Next(LocaleCountry.Length)] : LocaleCountry[locale]);
        }

        Values(w, "gender", male ? "male" : "female");
        Values(w, "topics", "sanction");
        w.WriteEndObject();
        End(w, dataset);
    }

    private static void Company(Utf8JsonWriter w, Random rng, string id, string dataset, string[] family, string country)
    {
        var core = rng.Next(3) switch
        {
            0 => $"{PickZipf(family, rng)} {Pick(Trades, rng)}",
            1 => $"{Syllabic(rng, 2, 4)} {Pick(Trades, rng)}",
            _ => $"{Syllabic(rng, 2, 3)} {Syllabic(rng, 2, 3)}",
        };
        var name = $"{core} {Pick(Forms, rng)}";
        w.WriteStartObject();
        w.WriteString("id", id);
        w.WriteString("schema", rng.Next(5) == 0 ? "Organization" : "Company");
        w.WriteString("caption", name);
        w.WriteStartObject("properties");
        Values(w, "name", name);
        if (rng.Next(3) == 0)
        {
            var acronym = string.Concat(core.Split(' ').Select(x => x[0])).ToUpperInvariant();
            Values(w, "alias", core.ToUpperInvariant(), acronym + " " + Pick(Forms, rng));
        }

        if (rng.Next(6) == 0)
        {
            Values(w, "previousName", $"{Syllabic(rng, 2, 3)} {Pick(Trades, rng)} {Pick(Forms, rng)}");
        }

        Values(w, "country", country);
        if (rng.Next(2) == 0)
        {
            Values(w, "registrationNumber", (1_000_000_000L + rng.NextInt64(9_000_000_000L)).ToString(CultureInfo.InvariantCulture));
        }

        Values(w, "topics", "sanction");
        w.WriteEndObject();
        End(w, dataset);
    }

    private static void Vessel(Utf8JsonWriter w, Random rng, string id, string dataset)
    {
        var name = rng.Next(2) == 0 ? Syllabic(rng, 2, 4).ToUpperInvariant() : $"{Syllabic(rng, 2, 3).ToUpperInvariant()} {Pick(["STAR", "SEA", "OCEAN", "SPIRIT", "GLORY", "PRIDE", "I", "II", "1", "7"], rng)}";
        w.WriteStartObject();
        w.WriteString("id", id);
        w.WriteString("schema", "Vessel");
        w.WriteString("caption", name);
        w.WriteStartObject("properties");
        Values(w, "name", name);
        if (rng.Next(3) == 0)
        {
            Values(w, "previousName", Syllabic(rng, 2, 4).ToUpperInvariant());
        }

        Values(w, "imoNumber", "IMO" + (9_000_000 + rng.Next(999_999)).ToString(CultureInfo.InvariantCulture));
        Values(w, "flag", Pick(Flags, rng));
        Values(w, "topics", "sanction");
        w.WriteEndObject();
        End(w, dataset);
    }

    private static void Aircraft(Utf8JsonWriter w, Random rng, string id, string dataset)
    {
        var reg = $"{Pick(["EP", "RA", "YK", "UP", "EX", "P4"], rng)}-{(char)('A' + rng.Next(26))}{(char)('A' + rng.Next(26))}{(char)('A' + rng.Next(26))}";
        w.WriteStartObject();
        w.WriteString("id", id);
        w.WriteString("schema", "Airplane");
        w.WriteString("caption", reg);
        w.WriteStartObject("properties");
        Values(w, "name", reg);
        Values(w, "serialNumber", "MSN " + rng.Next(100, 99_999).ToString(CultureInfo.InvariantCulture));
        Values(w, "model", Pick(["Boeing 747", "Airbus A340", "Ilyushin Il-76", "Antonov An-124", "Boeing 737"], rng));
        Values(w, "topics", "sanction");
        w.WriteEndObject();
        End(w, dataset);
    }

    private static void End(Utf8JsonWriter w, string dataset)
    {
        w.WriteStartArray("datasets");
        w.WriteStringValue(dataset);
        w.WriteEndArray();
        w.WriteString("first_seen", "2025-01-01T00:00:00");
        w.WriteString("last_change", "2026-06-01T00:00:00");
        w.WriteEndObject();
    }

    private static void Values(Utf8JsonWriter w, string property, params string[] values)
    {
        w.WriteStartArray(property);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }

    private static string Title(string lower) =>
        string.Join(' ', lower.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(t => char.ToUpperInvariant(t[0]) + t[1..]));

    /// <summary>A spelling variant: one vowel doubled, dropped or changed (Mohamed/Mohammed, Yusuf/Yousef).</summary>
    private static string Variant(string s, Random rng)
    {
        var vowels = new List<int>();
        for (var i = 1; i < s.Length; i++)
        {
            if ("aeiou".Contains(s[i], StringComparison.Ordinal))
            {
                vowels.Add(i);
            }
        }

        if (vowels.Count == 0)
        {
            return s + "a";
        }

        var at = vowels[rng.Next(vowels.Count)];
        return rng.Next(3) switch
        {
            0 => s[..at] + s[at] + s[at..],
            1 => s[..at] + s[(at + 1)..],
            _ => s[..at] + "aeiou"[rng.Next(5)] + s[(at + 1)..],
        };
    }
}
