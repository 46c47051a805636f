using Comity.Core.Model;
using Comity.Evaluation.Pairs;
using Comity.Evaluation.Text;

namespace Comity.Evaluation.Tests.Pairs;

public class PairsTests
{
    private static readonly GeneratorOptions Small = new()
    {
        PositiveQuotas = PairKinds.Variants.Append(PairKinds.Alias).ToDictionary(k => k, _ => new[] { 3, 10, 2, 0 }, StringComparer.Ordinal),
        SimilarOtherQuota = [10, 10, 10, 0],
        OneNameDiffersQuota = 10,
        AliasVariantShare = 0,
    };

    [Fact]
    public void Split_is_stable_and_close_to_seventy_thirty()
    {
        Assert.Equal(Split.Of("us-ofac-sdn:36"), Split.Of("us-ofac-sdn:36"));
        var dev = Enumerable.Range(0, 10_000).Count(i => Split.Of("e:" + i) == Split.Dev);
        Assert.InRange(dev, 6_800, 7_200);
    }

    [Fact]
    public void Positives_pair_names_of_one_entity_and_are_deterministic()
    {
        var corpus = TestEntities.Corpus;
        var rows = PositivePairs.Generate(corpus, Small);
        Assert.Equal(rows, PositivePairs.Generate(corpus, Small));
        Assert.NotEmpty(rows);
        var byId = corpus.ToDictionary(e => e.Id);
        foreach (var r in rows)
        {
            Assert.True(r.IsMatch);
            Assert.Equal(r.Entity1, r.Entity2);
            var entity = byId[r.Entity1];
            Assert.Contains(r.Name2, entity.Names.Select(n => n.Full));
            Assert.Equal(entity.Schema.Name(), r.Schema);
            Assert.Equal(Split.Of(r.Entity1), r.Split);
            Assert.NotEqual(r.Name1, r.Name2);
        }

        // Lavrov's alias differs from his primary name by one letter; Maduro's by a dropped surname.
        Assert.Contains(rows, r => r.Kind == PairKinds.Alias && r.Entity1 == "test-list:3");
        Assert.All(rows.Where(r => r.Kind == PairKinds.Alias), r => Assert.NotEqual(NameKey.Sorted(r.Name1), NameKey.Sorted(r.Name2)));
        Assert.Contains(rows, r => r.Kind == PairKinds.LegalForm && r.Name2 == "GAZPROM NEFT PJSC");
        Assert.DoesNotContain(rows, r => r.Kind == PairKinds.Initials && r.Schema != "Person");
    }

    [Fact]
    public void Aliases_that_only_reorder_the_primary_name_are_not_alias_pairs()
    {
        var e = TestEntities.Person("1", "MADURO MOROS, Nicolas", "Nicolas MADURO MOROS");
        Assert.DoesNotContain(PositivePairs.Generate([e], Small), r => r.Kind == PairKinds.Alias);
    }

    [Fact]
    public void A_variant_that_spells_another_listed_name_is_dropped()
    {
        // Dropping Maduro's second surname gives "MADURO, Nicolas": the name of another listed person.
        var maduro = TestEntities.Person("1", "MADURO MOROS, Nicolas") with { Gender = Gender.Male };
        var other = TestEntities.Person("2", "Nicolas MADURO");
        var options = Small with { PositiveQuotas = new Dictionary<string, int[]> { [PairKinds.MiddleMissing] = [5, 0, 0, 0] } };
        Assert.Contains(PositivePairs.Generate([maduro], options), r => r.Name1 == "MADURO, Nicolas");
        // (The hand-typed renderings of listed people, which every run adds, are not variants of this kind.)
        Assert.DoesNotContain(PositivePairs.Generate([maduro, other], options), r => r.Entity1 == "test-list:1" && r.Kind == PairKinds.MiddleMissing);
    }

    [Fact]
    public void Hard_negatives_share_a_rare_token_and_skip_possible_duplicates()
    {
        var corpus = TestEntities.Corpus;
        var rows = HardNegatives.Generate(corpus, Small);
        Assert.All(rows, r => Assert.False(r.IsMatch));
        Assert.All(rows, r => Assert.NotEqual(r.Entity1, r.Entity2));
        Assert.Contains(rows, r => new[] { r.Name1, r.Name2 }.Order().SequenceEqual(["LONG XING 635", "LONG XING 638"]));
        Assert.Contains(rows, r => new[] { r.Name1, r.Name2 }.Order().SequenceEqual(["DALNEVOSTOCHNOE PGO AO", "SEVERO ZAPADNOE PGO AO"]));

        // The same two vessels with one strong identifier, or two entities with one UN reference, are possibly one subject: no pair.
        var sameNumber = corpus.Select(e => e.SourceId is "9" or "10" ? e.WithPassport("IMO9187629") : e).ToList();
        Assert.DoesNotContain(HardNegatives.Generate(sameNumber, Small), r => r.Name1.StartsWith("LONG XING", StringComparison.Ordinal));
        var sameUn = corpus.Select(e => e.SourceId is "11" or "12" ? e.WithUnReference("KPe.001") : e).ToList();
        Assert.DoesNotContain(HardNegatives.Generate(sameUn, Small), r => r.Name1.Contains("PGO", StringComparison.Ordinal));
    }

    [Fact]
    public void Entities_that_share_a_name_are_never_negatives()
    {
        var a = TestEntities.Person("a", "AL-ASSAD, Maher");
        var b = TestEntities.Person("b", "AL-ASSAD, Bashar", "Maher AL ASSAD");
        Assert.False(HardNegatives.MaybeSame(a, b, ["al assad maher"], ["al assad bashar"]));
        Assert.True(HardNegatives.MaybeSame(a, b, ["al assad maher"], ["al assad bashar", "al assad maher"]));
        Assert.DoesNotContain(HardNegatives.Generate([a, b], Small), r => r.Entity1 == "test-list:a" || r.Entity2 == "test-list:a");
    }

    [Fact]
    public void One_name_differs_swaps_a_common_name_for_another()
    {
        var people = new List<Entity>();
        var n = 0;
        foreach (var given in new[] { "ALI", "OMAR", "SAID", "KARIM" })
        {
            foreach (var family in new[] { "HASSAN", "HUSSEIN" })
            {
                people.Add(TestEntities.Person((++n).ToString(System.Globalization.CultureInfo.InvariantCulture), family + ", " + given));
            }
        }

        var rows = HardNegatives.Generate(people, Small).Where(r => r.Kind == PairKinds.OneNameDiffers).ToList();
        Assert.Equal(4, rows.Count);
        Assert.Contains(rows, r => new[] { r.Name1, r.Name2 }.Order().SequenceEqual(["HASSAN, ALI", "HUSSEIN, ALI"]));

        // The given names are in two entities each: not common enough to count as "another common name".
        Assert.DoesNotContain(rows, r => NameKey.Tokens(r.Name1).Intersect(NameKey.Tokens(r.Name2)).Single() is "hassan" or "hussein");
    }

    [Theory]
    [InlineData("hassan", "hussein", true)]
    [InlineData("mohammed", "muhammad", false)]
    [InlineData("sergei", "sergey", false)]
    [InlineData("abdul", "abdulla", false)]
    [InlineData("li", "lu", false)]
    public void Different_names_are_not_spellings_of_one(string a, string b, bool different) =>
        Assert.Equal(different, HardNegatives.DifferentNames(a, b));
}
