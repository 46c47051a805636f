using Comity.Evaluation.Variants;

namespace Comity.Evaluation.Tests.Variants;

public class RulesTests
{
    [Fact]
    public void Romanisation_classes_and_letter_rules()
    {
        Assert.Contains("muhammad", Romanisation.Alternatives("mohammed"));
        Assert.DoesNotContain("mohammed", Romanisation.Alternatives("mohammed"));
        Assert.True(Romanisation.SameClass("yusuf", "youssef"));
        Assert.False(Romanisation.SameClass("hassan", "hussein"));
        Assert.Contains("ivanoff", Romanisation.Alternatives("ivanov"));
        var mikhailov = Romanisation.Alternatives("mikhailov");
        Assert.Contains("mihailov", mikhailov);
        Assert.Contains("mikhailoff", mikhailov);
        Assert.DoesNotContain("mikhailov", mikhailov);
        Assert.Empty(Romanisation.Alternatives("li"));
    }

    [Fact]
    public void Legal_form_found_longest_first()
    {
        var form = LegalForms.Find(["ANGLO-CARIBBEAN", "CO.,", "LTD."]);
        Assert.NotNull(form);
        Assert.Equal((1, 2), (form.Value.Start, form.Value.Length));
        Assert.Contains("Company Limited", form.Value.Group);

        var llc = LegalForms.Find(["LIMITED", "LIABILITY", "COMPANY", "VEKTOR"]);
        Assert.Equal((0, 3), (llc!.Value.Start, llc.Value.Length));
        Assert.Contains("OOO", llc.Value.Group);

        Assert.Null(LegalForms.Find(["BANK", "MELLI", "IRAN"]));
        Assert.True(LegalForms.IsLegalFormToken("llc"));
        Assert.False(LegalForms.IsLegalFormToken("bank"));
    }

    [Fact]
    public void Typos_make_one_or_two_keyboard_edits()
    {
        for (var seed = 0; seed < 300; seed++)
        {
            var one = Typos.Apply("MEDVEDEV, Dmitry", 1, new Random(seed));
            Assert.NotNull(one);
            var d1 = Comity.Evaluation.Text.Similarity.Levenshtein("MEDVEDEV, Dmitry", one);
            Assert.InRange(d1, 1, 2); // a transposition is two Levenshtein edits

            var two = Typos.Apply("MEDVEDEV, Dmitry", 2, new Random(seed));
            Assert.InRange(Comity.Evaluation.Text.Similarity.Levenshtein("MEDVEDEV, Dmitry", two!), 0, 4);
        }

        Assert.Null(Typos.Apply("AB CD", 1, new Random(1)));
    }

    [Fact]
    public void Neighbours_are_adjacent_keys()
    {
        for (var seed = 0; seed < 50; seed++)
        {
            Assert.Contains(Typos.Neighbour('q', new Random(seed)), "wa");
            Assert.Contains(Typos.Neighbour('m', new Random(seed)), "njk");
            Assert.Contains(Typos.Neighbour('g', new Random(seed)), "tyfhvb");
        }
    }
}
