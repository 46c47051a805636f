using Comity.Core.Model;
using Comity.Evaluation.Pairs;
using Comity.Evaluation.Text;
using Comity.Evaluation.Variants;

namespace Comity.Evaluation.Tests.Variants;

public class NameVariantsTests
{
    private static readonly EntityName Maduro = new("MADURO MOROS, Nicolas");

    private static string? Make(string kind, string name, Schema schema = Schema.Person, int seed = 7, Gender gender = Gender.Unknown) =>
        NameVariants.Make(kind, new EntityName(name), schema, new Random(seed), gender);

    [Fact]
    public void Reorder_writes_a_comma_name_in_natural_order() =>
        Assert.Equal("Nicolas MADURO MOROS", NameVariants.Make(PairKinds.Reorder, Maduro, Schema.Person, new Random(1)));

    [Fact]
    public void Reorder_puts_the_family_name_first_in_plain_names() =>
        Assert.Equal("MADURO Nicolas", Make(PairKinds.Reorder, "Nicolas MADURO"));

    [Fact]
    public void Reorder_swaps_organisation_words_before_the_legal_form() =>
        Assert.Equal("HAIGE GUANGZHOU CO., LTD.", Make(PairKinds.Reorder, "GUANGZHOU HAIGE CO., LTD.", Schema.Organization));

    [Fact]
    public void Middle_missing_drops_a_middle_name_or_a_second_family_name()
    {
        Assert.Equal("MADURO, Nicolas", NameVariants.Make(PairKinds.MiddleMissing, Maduro, Schema.Person, new Random(1)));
        Assert.Equal("LAVROV, Sergey", Make(PairKinds.MiddleMissing, "LAVROV, Sergey Viktorovich"));
        Assert.Null(Make(PairKinds.MiddleMissing, "LAVROV, Sergey"));
        Assert.Null(Make(PairKinds.MiddleMissing, "BANK MELLI IRAN", Schema.Organization));
    }

    [Fact]
    public void Middle_extra_needs_a_gender_and_goes_before_a_patronymic()
    {
        Assert.Null(Make(PairKinds.MiddleExtra, "LAVROV, Sergey Viktorovich"));
        var extra = Make(PairKinds.MiddleExtra, "LAVROV, Sergey Viktorovich", gender: Gender.Male)!;
        var given = PersonName.Parse(new EntityName(extra)).Given;
        Assert.Equal(3, given.Count);
        Assert.Equal(("Sergey", "Viktorovich"), (given[0], given[2]));
        Assert.Contains(given[1], new[] { "John", "Alexander", "Jose", "Michael", "Paul", "David" });
    }

    [Fact]
    public void Initials_abbreviate_given_names()
    {
        Assert.Equal("N. MADURO MOROS", NameVariants.Make(PairKinds.Initials, Maduro, Schema.Person, new Random(1)));
        var results = Enumerable.Range(0, 20).Select(s => Make(PairKinds.Initials, "LAVROV, Sergey Viktorovich", seed: s)).ToHashSet();
        Assert.Equal(new HashSet<string?> { "S. LAVROV", "Sergey V. LAVROV" }, results);
    }

    [Fact]
    public void Legal_form_is_replaced_by_an_equivalent_in_the_same_case()
    {
        var options = new[] { "GAZPROM NEFT PAO", "GAZPROM NEFT PUBLIC JOINT STOCK COMPANY", "GAZPROM NEFT PUBLICHNOE AKTSIONERNOE OBSHCHESTVO" };
        for (var seed = 0; seed < 10; seed++)
        {
            Assert.Contains(Make(PairKinds.LegalForm, "GAZPROM NEFT PJSC", Schema.Organization, seed), options);
        }

        Assert.Null(Make(PairKinds.LegalForm, "BANK MELLI IRAN", Schema.Organization));
        Assert.Null(Make(PairKinds.LegalForm, "LLC", Schema.Organization));
        Assert.Null(Make(PairKinds.LegalForm, "SMITH LLC", Schema.Person));
    }

    [Fact]
    public void Romanisation_respells_one_word_keeping_case()
    {
        var seen = Enumerable.Range(0, 30).Select(s => Make(PairKinds.Romanisation, "SALEH, Kassem Mohammad", seed: s)).ToHashSet();
        Assert.Contains("SALEH, Kassem Muhammad", seen);
        Assert.All(seen, v => Assert.Equal(2, NameKey.Tokens(v!).Intersect(["saleh", "kassem", "mohammad"]).Count()));
    }

    [Fact]
    public void Punctuation_variants_change_only_punctuation_spacing_and_case()
    {
        var forms = new HashSet<string>();
        for (var seed = 0; seed < 40; seed++)
        {
            var v = Make(PairKinds.Punctuation, "AL-BAGHDADI, Abu Bakr", seed: seed);
            Assert.NotNull(v);
            Assert.NotEqual("AL-BAGHDADI, Abu Bakr", v);
            Assert.Equal("albaghdadiabubakr", Letters(v));
            forms.Add(v);
        }

        Assert.Contains("AL BAGHDADI Abu Bakr", forms);
        Assert.Contains("al-baghdadi,  abu  bakr", forms);
        Assert.Contains("AL-BAGHDADI, Abu-Bakr", forms);
        Assert.Contains("AL-BAGHDADI, A.B.U. BAKR", forms);
    }

    [Fact]
    public void Glued_joins_a_particle_with_the_next_word()
    {
        var seen = Enumerable.Range(0, 20).Select(s => Make(PairKinds.Glued, "ABU BAKR AL BAGHDADI", seed: s)).ToHashSet();
        Assert.Equal(new HashSet<string?> { "ABUBAKR AL BAGHDADI", "ABU BAKR ALBAGHDADI" }, seen);

        // A hyphen inside a word is the only place to glue: it is removed whatever the seed.
        Assert.Equal("GEFESTM LLC", Make(PairKinds.Glued, "GEFEST-M LLC", Schema.Organization, seed: 0));
        Assert.Equal("GEFESTM LLC", Make(PairKinds.Glued, "GEFEST-M LLC", Schema.Organization, seed: 1));
    }

    [Fact]
    public void Typos_and_transliterations_change_the_normalised_name()
    {
        foreach (var kind in new[] { PairKinds.Typo1, PairKinds.Typo2, PairKinds.TranslitCyrillic, PairKinds.TranslitArabic })
        {
            var v = NameVariants.Make(kind, Maduro, Schema.Person, new Random(11));
            Assert.NotNull(v);
            Assert.NotEqual(NameKey.Normalized(Maduro.Full), NameKey.Normalized(v));
        }

        Assert.Equal("Николас Мадуро Морос", NameVariants.Make(PairKinds.TranslitCyrillic, Maduro, Schema.Person, new Random(1)));
        Assert.Null(Make(PairKinds.TranslitCyrillic, "Иван Петров"));
    }

    private static string Letters(string text) => new(text.Where(char.IsLetter).Select(char.ToLowerInvariant).ToArray());
}
