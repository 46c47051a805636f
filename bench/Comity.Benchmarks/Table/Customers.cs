using System.Globalization;
using System.Text;
using Comity.Core.Model;

namespace Comity.Benchmarks.Table;

/// <summary>The benchmark's customer file: <c>id,name,dob,nationality</c>, fixed seed. 85 % persons drawn from the
/// Bogus package's name lists of 20 locales (Latin, Cyrillic, Arabic, Persian, Greek, Georgian, hanzi, kana/kanji and
/// Hangul), given + family (a quarter with a middle name); 10 % companies (a family name or two, a trade word, a legal
/// form); 5 % listed names from the corpus with one typo, so that matches, explanations and decisions are exercised.
/// Dates of birth 1940–2005, nationalities from 30 countries.</summary>
internal static class Customers
{
    private static readonly string[] Locales =
        ["en", "en_GB", "de", "fr", "es", "it", "pt_BR", "nl", "pl", "tr", "ru", "uk", "ar", "fa", "el", "ge", "zh_CN", "ja", "ko", "vi"];

    private static readonly string[] Trades = ["Trading", "Shipping", "Holding", "Logistics", "Industries", "Energy", "Import Export", "Consulting", "Textiles", "Foods"];

    private static readonly string[] Forms = ["LLC", "Ltd", "GmbH", "S.A.", "SARL", "B.V.", "S.p.A.", "AG", "Inc.", "OOO", "JSC", "Co., Ltd."];

    private static readonly string[] Countries =
        ["DE", "FR", "GB", "US", "ES", "IT", "NL", "PL", "TR", "RU", "UA", "AE", "IR", "GR", "GE", "CN", "JP", "KR", "VN", "BR",
         "IN", "PK", "NG", "EG", "SY", "IQ", "LB", "CH", "AT", "BE"];

    public static void Write(string path, int rows, int seed, IReadOnlyList<Entity> listed)
    {
        var rng = new Random(seed);
        var given = Locales.Select(l => (Male: BogusLists.Names(l, "male_first_name", "first_name"), Female: BogusLists.Names(l, "female_first_name", "first_name"))).ToArray();
        var family = Locales.Select(l => BogusLists.Names(l, "male_last_name", "last_name")).ToArray();
        using var w = new StreamWriter(path, false, new UTF8Encoding(false));
        w.WriteLine("id,name,dob,nationality");
        for (var i = 0; i < rows; i++)
        {
            var kind = rng.Next(100);
            string name;
            if (kind < 85)
            {
                var l = rng.Next(Locales.Length);
                while (family[l].Length == 0 || given[l].Male.Length == 0)
                {
                    l = rng.Next(Locales.Length);
                }

                var g = rng.Next(2) == 0 ? given[l].Male : given[l].Female.Length > 0 ? given[l].Female : given[l].Male;
                var f = family[l];
                var east = Locales[l] is "zh_CN" or "ja" or "ko";
                name = rng.Next(4) == 0
                    ? $"{Pick(g, rng)} {Pick(g, rng)} {Pick(f, rng)}"
                    : east && rng.Next(2) == 0 ? $"{Pick(f, rng)}{Pick(g, rng)}" : $"{Pick(g, rng)} {Pick(f, rng)}";
            }
            else if (kind < 95)
            {
                var f = family[rng.Next(10)];
                while (f.Length == 0)
                {
                    f = family[rng.Next(10)];
                }

                name = rng.Next(3) == 0
                    ? $"{Pick(f, rng)} & {Pick(f, rng)} {Pick(Trades, rng)} {Pick(Forms, rng)}"
                    : $"{Pick(f, rng)} {Pick(Trades, rng)} {Pick(Forms, rng)}";
            }
            else
            {
                var e = listed[rng.Next(listed.Count)];
                name = Typo(e.Names[rng.Next(e.Names.Length)].Full, rng);
            }

            var dob = $"{1940 + rng.Next(66)}-{1 + rng.Next(12):00}-{1 + rng.Next(28):00}";
            w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"c{i + 1:000000},\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\",{dob},{Pick(Countries, rng)}"));
        }
    }

    private static string Pick(string[] items, Random rng) => items[rng.Next(items.Length)];

    private static string Typo(string s, Random rng)
    {
        if (s.Length < 5)
        {
            return s;
        }

        var i = rng.Next(1, s.Length - 1);
        return rng.Next(2) == 0 ? s[..i] + s[(i + 1)..] : s[..i] + (char)('a' + rng.Next(26)) + s[(i + 1)..];
    }
}
