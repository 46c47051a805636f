using System.Globalization;
using System.Text;
using Comity.Evaluation.Pairs;
using Comity.Evaluation.Text;

namespace Comity.Evaluation.Population;

/// <summary>Generates non-listed people (with date of birth and nationality), companies and short names in many
/// locales. A generated name whose sorted normalised tokens equal those of any listed name is dropped.</summary>
internal static class PopulationGenerator
{
    public const string PersonKind = "person";
    public const string CompanyKind = "company";
    public const string ShortKind = "short";

    private const int Attempts = 50;

    private static readonly string[] OtherCountries = ["us", "gb", "de", "fr", "ae", "tr", "ca", "au", "ch", "nl", "se", "za", "sg", "it", "es"];

    private static readonly (string Name, string Schema)[] FixedShort =
    [
        ("Li", "Person"), ("Ali", "Person"), ("A B", "LegalEntity"), ("Kim", "Person"), ("J Smith", "Person"),
        ("Co", "Company"), ("Ltd", "Company"), ("LLC", "Company"), ("Wang", "Person"), ("Lee", "Person"), ("Mo", "Person"),
        ("Al", "Person"), ("Abu", "Person"), ("Bin", "Person"), ("Jo", "Person"), ("Ng", "Person"), ("Oh", "Person"),
        ("Yu", "Person"), ("Xu", "Person"), ("Hu", "Person"), ("Ma", "Person"), ("Le", "Person"), ("Do", "Person"),
        ("Ho", "Person"), ("A.", "Person"), ("M. Ali", "Person"), ("J. Kim", "Person"), ("S. Lee", "Person"),
        ("Trading", "Company"), ("Group", "Company"), ("Holding", "Company"), ("Company", "Company"), ("Bank", "Company"),
        ("The Group", "Company"), ("A B C", "LegalEntity"), ("ABC Ltd", "Company"), ("Sea", "LegalEntity"),
        ("Star", "LegalEntity"), ("Gold", "LegalEntity"), ("Oil", "LegalEntity"), ("M A", "Person"), ("X", "LegalEntity"),
        ("Z Z", "LegalEntity"), ("Omar", "Person"), ("Hassan", "Person"), ("Ahmed", "Person"), ("Mohammed", "Person"),
        ("Muhammad", "Person"), ("Khan", "Person"), ("Singh", "Person"), ("Kumar", "Person"), ("Ivanov", "Person"),
        ("Nguyen", "Person"), ("Park", "Person"), ("Garcia", "Person"), ("Smith", "Person"), ("Müller", "Person"),
        ("Silva", "Person"), ("Yilmaz", "Person"), ("李", "Person"), ("王", "Person"), ("Ли", "Person"), ("علي", "Person"),
        ("محمد", "Person"), ("Co Ltd", "Company"), ("Inc", "Company"), ("SA", "Company"), ("AO", "Company"),
        ("OOO", "Company"), ("GmbH", "Company"), ("International", "Company"), ("Global", "Company"), ("Iran", "LegalEntity"),
        ("Syria", "LegalEntity"), ("Russia", "LegalEntity"), ("Abdul", "Person"), ("Al Ali", "Person"), ("Bin Ali", "Person"),
    ];

    public static List<PopulationRow> Generate(IReadOnlySet<string> listedKeys, GeneratorOptions options)
    {
        var rng = new Random(StableHash.Seed(options.Seed, "population"));
        var used = new HashSet<string>(listedKeys, StringComparer.Ordinal);
        var rows = new List<PopulationRow>();
        Locale[] locales = [.. Locales.All, .. NativeLocales.All(), .. ExtraLocales.All()];
        var pools = locales.ToDictionary(l => l.Code, Pools.Of, StringComparer.Ordinal);
        for (var i = 0; i < options.Persons; i++)
        {
            var locale = locales[i % locales.Length];
            for (var attempt = 0; attempt < Attempts; attempt++)
            {
                var female = rng.Next(2) == 0;
                var name = Dress(Person(locale, pools[locale.Code], female, rng), locale, rng);
                if (Claim(name, used))
                {
                    var id = "pop-p" + (i + 1).ToString("D5", CultureInfo.InvariantCulture);
                    var nationality = rng.NextDouble() < 0.85 ? locale.Country : OtherCountries[rng.Next(OtherCountries.Length)];
                    rows.Add(new PopulationRow(id, name, "Person", BirthDate(rng), nationality, locale.Code, PersonKind, Split.Of(id)));
                    break;
                }
            }
        }

        for (var i = 0; i < options.Companies; i++)
        {
            var locale = locales[i % locales.Length];
            for (var attempt = 0; attempt < Attempts; attempt++)
            {
                var name = rng.NextDouble() < AcronymShare && locale.Render is null && IsLatin(locale.Words)
                    ? AcronymCompany(locale, rng)
                    : Company(locale, pools[locale.Code], rng);
                if (Claim(name, used))
                {
                    var id = "pop-c" + (i + 1).ToString("D5", CultureInfo.InvariantCulture);
                    rows.Add(new PopulationRow(id, name, "Company", string.Empty, locale.Country, locale.Code, CompanyKind, Split.Of(id)));
                    break;
                }
            }
        }

        var shortRows = FixedShort.Select(s => (s.Name, s.Schema, Locale: "any")).ToList();
        foreach (var locale in locales)
        {
            var p = pools[locale.Code];
            shortRows.Add((Render(locale, p.Male.Draw(rng)), "Person", locale.Code));
            shortRows.Add((Render(locale, p.Female.Draw(rng)), "Person", locale.Code));
            shortRows.Add((Render(locale, p.Family.Draw(rng)), "Person", locale.Code));
            var family = Render(locale, p.Family.Draw(rng));
            var initial = Render(locale, p.Male.Draw(rng))[..1];
            shortRows.Add((initial + ". " + family, "Person", locale.Code));
            shortRows.Add((initial + " " + Render(locale, p.Female.Draw(rng))[..1], "Person", locale.Code));
        }

        var n = 0;
        foreach (var (name, schema, code) in shortRows)
        {
            if (Claim(name, used))
            {
                var id = "pop-s" + (++n).ToString("D4", CultureInfo.InvariantCulture);
                rows.Add(new PopulationRow(id, name, schema, string.Empty, string.Empty, code, ShortKind, Split.Of(id)));
            }
        }

        return rows;
    }

    /// <summary>Share of Latin-script companies named by initials (<c>KTR Logistics GmbH</c>, <c>BMS Ltd</c>).</summary>
    private const double AcronymShare = 0.08;

    /// <summary>Share of Latin-script persons written with a title (<c>Dr Anna Weber</c>), with a title and the family name
    /// only (<c>Dr Weber</c>, <c>General Okafor</c>), and with a nickname for a given name (<c>Bill Smith</c>).</summary>
    private const double TitledShare = 0.04;

    private const double TitleOnlyShare = 0.03;

    private const double NicknameShare = 0.06;

    private static readonly string[] PopulationTitles = ["Dr", "Dr.", "Prof.", "Mr", "Mrs", "General", "Colonel", "Judge", "Senator", "Minister", "Captain", "Father", "Sheikh"];

    private static bool IsLatin(string[] words) => words.Length > 0 && Variants.ScriptRendering.IsLatin(words[0]);

    private static string Dress(string name, Locale locale, Random rng)
    {
        if (!Variants.ScriptRendering.IsLatin(name))
        {
            return name;
        }

        var tokens = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var u = rng.NextDouble();
        if (u < NicknameShare)
        {
            var nick = Variants.Nicknames.Of(tokens[0]);
            if (nick.Length > 0)
            {
                tokens[0] = nick[rng.Next(nick.Length)];
                return string.Join(' ', tokens);
            }
        }
        else if (u < NicknameShare + TitledShare)
        {
            return PopulationTitles[rng.Next(PopulationTitles.Length)] + " " + name;
        }
        else if (u < NicknameShare + TitledShare + TitleOnlyShare && tokens.Length >= 2 && locale.Code is not ("zh-Latn" or "ko" or "vi"))
        {
            return PopulationTitles[rng.Next(PopulationTitles.Length)] + " " + tokens[^1];
        }

        return name;
    }

    private static string AcronymCompany(Locale locale, Random rng)
    {
        var letters = new char[2 + rng.Next(3)];
        for (var k = 0; k < letters.Length; k++)
        {
            letters[k] = (char)('A' + rng.Next(26));
        }

        var acronym = new string(letters);
        return rng.Next(2) == 0
            ? acronym + " " + Pick(locale.Types, rng) + " " + Pick(locale.LegalForms, rng)
            : acronym + " " + Pick(locale.LegalForms, rng);
    }

    private static bool Claim(string name, HashSet<string> used)
    {
        var key = NameKey.Sorted(name);
        return key.Length > 0 && used.Add(key);
    }

    private static string Person(Locale locale, Pools pools, bool female, Random rng)
    {
        var template = Pick(locale.PersonTemplates, rng);
        var given = (female ? pools.Female : pools.Male).Draw(rng);

        var middlePool = female ? locale.MiddleFemale : locale.MiddleMale;
        var middle = middlePool.Length > 0 ? Pick(middlePool, rng) : pools.Male.Draw(rng);
        if (string.Equals(middle, given, StringComparison.Ordinal))
        {
            middle = pools.Male.Draw(rng);
        }

        var patronymic = locale.Patronymic?.Invoke(pools.Male.Draw(rng), female);
        var sb = new StringBuilder(template.Replace("{G}", given, StringComparison.Ordinal)
            .Replace("{M}", middle, StringComparison.Ordinal)
            .Replace("{P}", patronymic ?? string.Empty, StringComparison.Ordinal));
        var families = new List<string>();
        Fill(sb, "{F}", () =>
        {
            string family;
            do
            {
                family = pools.Family.Draw(rng);
            }
            while (families.Contains(family, StringComparer.Ordinal) && pools.Family.Count > 1);

            families.Add(family);
            return female && locale.FemaleFamily is { } inflect ? inflect(family) : family;
        });
        return Render(locale, Collapse(sb.ToString()));
    }

    private static string Company(Locale locale, Pools pools, Random rng)
    {
        var template = Pick(locale.CompanyTemplates, rng);
        var sb = new StringBuilder(template);
        Fill(sb, "{F}", () => pools.Family.Draw(rng));
        Fill(sb, "{W}", () => Pick(locale.Words, rng));
        Fill(sb, "{T}", () => Pick(locale.Types, rng));
        Fill(sb, "{C}", () => Pick(locale.Places, rng));
        Fill(sb, "{L}", () => Pick(locale.LegalForms, rng));
        return Render(locale, Collapse(sb.ToString()));
    }

    private static void Fill(StringBuilder sb, string placeholder, Func<string> value)
    {
        int at;
        while ((at = sb.ToString().IndexOf(placeholder, StringComparison.Ordinal)) >= 0)
        {
            sb.Remove(at, placeholder.Length).Insert(at, value());
        }
    }

    private static string BirthDate(Random rng)
    {
        var start = new DateOnly(1940, 1, 1).DayNumber;
        var end = new DateOnly(2006, 12, 31).DayNumber;
        return DateOnly.FromDayNumber(start + rng.Next(end - start + 1)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    private static string Render(Locale locale, string text) => locale.Render is { } render ? render(text) : text;

    private static string Pick(string[] items, Random rng) => items[rng.Next(items.Length)];

    private static string Collapse(string text) => string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>A locale's name pools: its hand lists (most common first) as the Zipf-weighted head, the Bogus lists of
    /// the matching Bogus locale as the uniform tail.</summary>
    private sealed record Pools(NamePool Male, NamePool Female, NamePool Family)
    {
        /// <summary>Our locale code → the Bogus locale whose lists extend it (same script).</summary>
        private static readonly Dictionary<string, string> BogusOf = new(StringComparer.Ordinal)
        {
            ["en-GB"] = "en",
            ["en-US"] = "en",
            ["de"] = "de",
            ["fr"] = "fr",
            ["es"] = "es",
            ["es-MX"] = "es_MX",
            ["pt-BR"] = "pt_BR",
            ["it"] = "it",
            ["pl"] = "pl",
            ["ru-Cyrl"] = "ru",
            ["ru-Latn"] = "ru",
            ["uk-Cyrl"] = "uk",
            ["uk-Latn"] = "uk",
            ["tr"] = "tr",
            ["ar-Arab"] = "ar",
            ["hi"] = "en_IND",
            ["zh-Hani"] = "zh_CN",
            ["vi"] = "vi",
            ["ng"] = "en_NG",
            ["id"] = "id_ID",
        };

        public static Pools Of(Locale locale)
        {
            var bogus = locale.BogusLocale ?? BogusOf.GetValueOrDefault(locale.Code);
            string[] Tail(Func<string, string[]> get) => bogus is null ? [] : get(bogus);
            return new(
                new NamePool(locale.GivenMale, Tail(b => BogusNames.Given(b, false))),
                new NamePool(locale.GivenFemale, Tail(b => BogusNames.Given(b, true))),
                new NamePool(locale.Family, Tail(BogusNames.Family)));
        }
    }
}
