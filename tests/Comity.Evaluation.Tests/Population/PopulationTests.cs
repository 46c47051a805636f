using System.Globalization;
using Comity.Evaluation.Population;
using Comity.Evaluation.Text;

namespace Comity.Evaluation.Tests.Population;

public class PopulationTests
{
    private static readonly GeneratorOptions Small = new() { Persons = 520, Companies = 130 };

    [Fact]
    public void Every_locale_gets_persons_and_companies_with_dates_and_countries()
    {
        var rows = PopulationGenerator.Generate(new HashSet<string>(), Small);
        var persons = rows.Where(r => r.Kind == PopulationGenerator.PersonKind).ToList();
        Assert.Equal(520, persons.Count);
        Assert.Equal(130, rows.Count(r => r.Kind == PopulationGenerator.CompanyKind));
        Assert.Equal(Locales.All.Concat(NativeLocales.All()).Concat(ExtraLocales.All()).Select(l => l.Code).Order(), persons.Select(p => p.Locale).Distinct().Order());
        foreach (var p in persons)
        {
            var dob = DateOnly.ParseExact(p.Dob, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            Assert.InRange(dob.Year, 1940, 2006);
            Assert.Equal(2, p.Nationality.Length);
        }

        Assert.Contains(rows, r => r.Kind == PopulationGenerator.ShortKind && r.Name == "J Smith");
        Assert.Equal(rows.Count, rows.Select(r => r.Id).Distinct().Count());
        Assert.Equal(rows.Count, rows.Select(r => NameKey.Sorted(r.Name)).Distinct().Count());
    }

    [Fact]
    public void Scripts_follow_the_locale()
    {
        var rows = PopulationGenerator.Generate(new HashSet<string>(), Small);
        Assert.All(rows.Where(r => r.Locale == "ru-Cyrl"), r => Assert.Contains(r.Name, c => c is >= 'А' and <= 'я'));
        Assert.All(rows.Where(r => r.Locale is "ru-Latn" or "uk-Latn"), r => Assert.DoesNotContain(r.Name, c => c is >= 'Ѐ' and <= 'ӿ'));
        Assert.All(rows.Where(r => r.Locale == "zh-Hani"), r => Assert.Contains(r.Name, c => c is >= '\u4E00' and <= '\u9FFF'));
        Assert.All(rows.Where(r => r.Locale == "ar-Arab"), r => Assert.Contains(r.Name, c => c is >= '\u0600' and <= '\u06FF'));
    }

    [Fact]
    public void Listed_names_are_never_generated_and_output_is_deterministic()
    {
        var free = PopulationGenerator.Generate(new HashSet<string>(), Small);
        Assert.Equal(free, PopulationGenerator.Generate(new HashSet<string>(), Small));

        var listed = free.Take(60).Select(r => NameKey.Sorted(r.Name)).ToHashSet(StringComparer.Ordinal);
        var rows = PopulationGenerator.Generate(listed, Small);
        Assert.DoesNotContain(rows, r => listed.Contains(NameKey.Sorted(r.Name)));
        Assert.Equal(520, rows.Count(r => r.Kind == PopulationGenerator.PersonKind));
    }

    [Theory]
    [InlineData("Щукин Сергей", "Shchukin Sergey")]
    [InlineData("ООО «Уралстрой»", "OOO \"Uralstroy\"")]
    [InlineData("Фёдоров Артём", "Fedorov Artem")]
    public void Russian_romanisation(string cyrillic, string latin) => Assert.Equal(latin, Cyrillic.ToLatinRussian(cyrillic));

    [Fact]
    public void Ukrainian_romanisation_and_name_forms()
    {
        Assert.Equal("Oleksandr Shevchenko", Cyrillic.ToLatinUkrainian("Олександр Шевченко"));
        Assert.Equal("Смирнова", Cyrillic.FemaleRussianFamily("Смирнов"));
        Assert.Equal("Достоевская", Cyrillic.FemaleRussianFamily("Достоевский"));
        Assert.Equal("Шевченко", Cyrillic.FemaleRussianFamily("Шевченко"));
        Assert.Equal("Сергеевич", Cyrillic.RussianPatronymic("Сергей", false));
        Assert.Equal("Ивановна", Cyrillic.RussianPatronymic("Иван", true));
        Assert.Equal("Игоревич", Cyrillic.RussianPatronymic("Игорь", false));
        Assert.Equal("Юріївна", Cyrillic.UkrainianPatronymic("Юрій", true));
        Assert.Equal("Дмитрович", Cyrillic.UkrainianPatronymic("Дмитро", false));
        Assert.Null(Cyrillic.UkrainianPatronymic("Микола", false));
    }
}
