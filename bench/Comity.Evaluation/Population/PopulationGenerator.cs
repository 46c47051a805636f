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
        var locales = Locales.All;
        for (var i = 0; i < options.Persons; i++)
        {
            var locale = locales[i % locales.Length];
            for (var attempt = 0; attempt < Attempts; attempt++)
            {
                var female = rng.Next(2) == 0;
                var name = Person(locale, female, rng);
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
                var name = Company(locale, rng);
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
            shortRows.Add((Render(locale, Pick(locale.GivenMale, rng)), "Person", locale.Code));
            shortRows.Add((Render(locale, Pick(locale.GivenFemale, rng)), "Person", locale.Code));
            shortRows.Add((Render(locale, Pick(locale.Family, rng)), "Person", locale.Code));
            var family = Render(locale, Pick(locale.Family, rng));
            var initial = Render(locale, Pick(locale.GivenMale, rng))[..1];
            shortRows.Add((initial + ". " + family, "Person", locale.Code));
            shortRows.Add((initial + " " + Render(locale, Pick(locale.GivenFemale, rng))[..1], "Person", locale.Code));
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

    private static bool Claim(string name, HashSet<string> used)
    {
        var key = NameKey.Sorted(name);
        return key.Length > 0 && used.Add(key);
    }

    private static string Person(Locale locale, bool female, Random rng)
    {
        var template = Pick(locale.PersonTemplates, rng);
        var given = Pick(female ? locale.GivenFemale : locale.GivenMale, rng);

        var middlePool = female ? locale.MiddleFemale : locale.MiddleMale;
        var middle = middlePool.Length > 0 ? Pick(middlePool, rng) : Pick(locale.GivenMale, rng);
        if (string.Equals(middle, given, StringComparison.Ordinal))
        {
            middle = Pick(locale.GivenMale, rng);
        }

        var patronymic = locale.Patronymic?.Invoke(Pick(locale.GivenMale, rng), female);
        var sb = new StringBuilder(template.Replace("{G}", given, StringComparison.Ordinal)
            .Replace("{M}", middle, StringComparison.Ordinal)
            .Replace("{P}", patronymic ?? string.Empty, StringComparison.Ordinal));
        var families = new List<string>();
        Fill(sb, "{F}", () =>
        {
            string family;
            do
            {
                family = Pick(locale.Family, rng);
            }
            while (families.Contains(family, StringComparer.Ordinal));

            families.Add(family);
            return female && locale.FemaleFamily is { } inflect ? inflect(family) : family;
        });
        return Render(locale, Collapse(sb.ToString()));
    }

    private static string Company(Locale locale, Random rng)
    {
        var template = Pick(locale.CompanyTemplates, rng);
        var sb = new StringBuilder(template);
        Fill(sb, "{F}", () => Pick(locale.Family, rng));
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
}
