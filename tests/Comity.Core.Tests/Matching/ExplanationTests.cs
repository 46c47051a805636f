using Comity.Core.Matching;
using Comity.Core.Model;
using static Comity.Core.Tests.Matching.TestEntities;

namespace Comity.Core.Tests.Matching;

public class ExplanationTests
{
    [Fact]
    public void Name_match_shows_aligned_tokens_and_the_alias_used()
    {
        var listed = Person("Marek Ilyich Dovranov", "Dovranov, Marek");
        var index = Index(listed);
        var r = index.Score(Q("Marek Ilich Dovranov", Schema.Person), listed);
        var name = r.Explanation.Features[0];
        Assert.Equal("name_match", name.Feature);
        Assert.Equal("Marek Ilyich Dovranov", r.Explanation.MatchedName);
        Assert.Equal("Marek Ilich Dovranov", r.Explanation.QueryName);
        Assert.Equal("marek=marek 1.00; ilich~ilyich 0.90 phonetic; dovranov=dovranov 1.00", name.Detail);
        Assert.Equal(r.Score, name.Contribution, 9);
        Assert.Equal("Marek Ilyich Dovranov", name.Candidate);
    }

    [Fact]
    public void Unmatched_and_listed_only_tokens_are_named()
    {
        var listed = Person("Nicolas MADURO MOROS");
        var index = Index(listed);
        var r = index.Score(Q("Nicolas Maduro Guerra", Schema.Person), listed);
        Assert.Equal("nicolas=nicolas 1.00; maduro=maduro 1.00; guerra unmatched; +moros listed only", r.Explanation.Features[0].Detail);
    }

    [Fact]
    public void Weak_alias_is_lower_confidence()
    {
        var listed = Make(Schema.Person, ["Abdul Karim Dovranov"], e => e with { Names = [.. e.Names, new EntityName("The Falcon", NameKind.WeakAlias)] });
        var index = Index(listed);
        var r = index.Score(Q("The Falcon"), listed);
        var f = r.Explanation.Features[0];
        Assert.Equal("weak_alias_match", f.Feature);
        Assert.Equal(0.9, f.Weight);
        Assert.InRange(r.Score, 0.85, 0.9);
    }

    [Fact]
    public void Qualifiers_fire_with_values_and_contributions()
    {
        var listed = Make(Schema.Person, ["Marek Dovranov"], e => e with
        {
            BirthDates = [new FuzzyDate(new PartialDate(1971, 3, 4))],
            Nationalities = ["ru"],
            Gender = Gender.Male,
        });
        var index = Index(listed);
        var q = Q("Marek Dovranov", Schema.Person) with
        {
            BirthDates = [new FuzzyDate(new PartialDate(1971, 4, 3))],
            Countries = ["Ukraine"],
            Gender = Gender.Female,
        };
        var r = index.Score(q, listed);
        var byName = r.Explanation.Features.ToDictionary(f => f.Feature);
        Assert.Equal(-0.125, byName["dob_day_disjoint"].Contribution, 9);
        Assert.Equal("day and month swapped", byName["dob_day_disjoint"].Detail);
        Assert.Equal(-0.2, byName["country_mismatch"].Contribution, 9);
        Assert.Equal("ua", byName["country_mismatch"].Query);
        Assert.Equal("ru", byName["country_mismatch"].Candidate);
        Assert.Equal(-0.2, byName["gender_mismatch"].Contribution, 9);
        var sum = r.Explanation.Features.Sum(f => f.Contribution);
        Assert.Equal(r.Score, sum, 9);
    }

    [Fact]
    public void Identifier_conflict_and_vessel_imo()
    {
        var vessel = Make(Schema.Vessel, ["Snow Storm 1"], e => e with { CrossReferences = [new CrossReference("IMO", "9187629")] });
        var index = Index(vessel);
        var same = index.Score(Q("Snow Storm 2", Schema.Vessel) with { Identifiers = [new Identifier(IdentifierType.Imo, "IMO 9187629")] }, vessel);
        Assert.Contains(same.Explanation.Features, f => f.Feature == "vessel_imo_mmsi_match");
        Assert.DoesNotContain(same.Explanation.Features, f => f.Feature == "number_mismatch");
        Assert.True(same.Score >= MatcherOptions.DefaultThreshold);

        var other = index.Score(Q("Snow Storm 1", Schema.Vessel) with { Identifiers = [new Identifier(IdentifierType.Imo, "9999999")] }, vessel);
        Assert.Contains(other.Explanation.Features, f => f.Feature == "identifier_conflict" && f.Contribution < 0);
    }

    [Fact]
    public void A_lone_identifier_never_forces_a_match()
    {
        var listed = Make(Schema.Person, ["Marek Dovranov"], e => e with { Identifiers = [new Identifier(IdentifierType.Passport, "RU7214455")] });
        var index = Index(listed);
        var r = index.Score(Q("Jane Whitfield", Schema.Person) with { Identifiers = [new Identifier(IdentifierType.Passport, "RU7214455")] }, listed);
        Assert.True(r.Score < MatcherOptions.DefaultThreshold, $"{r.Score}");
        Assert.DoesNotContain(r.Explanation.Features, f => f.Feature == "identifier_match");
    }

    [Fact]
    public void Plateau_is_broken_by_corroboration_and_rarity()
    {
        var rare = Make(Schema.Person, ["Marek Dovranov"], e => e with { BirthDates = [new FuzzyDate(new PartialDate(1971, 3, 14))] });
        var index = Index(rare);
        var nameOnly = index.Score(Q("Marek Dovranov", Schema.Person), rare).Score;
        var withDob = index.Score(Q("Marek Dovranov", Schema.Person) with { BirthDates = [new FuzzyDate(new PartialDate(1971, 3, 14))] }, rare).Score;
        Assert.True(nameOnly < 1.0 && nameOnly >= 0.99, $"{nameOnly}");
        Assert.True(withDob > nameOnly);
        var common = Person("Mohammed Ali");
        var index2 = Index(common);
        Assert.True(index2.Score(Q("Mohammed Ali", Schema.Person), common).Score < nameOnly);
    }
}
