using Comity.Core.Matching;
using Comity.Core.Model;

namespace Comity.Core.Tests.Matching;

/// <summary>Identifiers as evidence on their own: retrieved through the identifier postings whatever the name, and an
/// exact, well-formed IMO, LEI, BIC or crypto address is a match.</summary>
public class IdentifierEvidenceTests
{
    private static Entity WithIds(Schema schema, string name, params Identifier[] ids) =>
        TestEntities.Make(schema, [name], e => e with { Identifiers = [.. ids] });

    [Theory]
    [InlineData("9187629", true)]
    [InlineData("9074729", true)]
    [InlineData("9187628", false)]
    [InlineData("918762", false)]
    [InlineData("91876A9", false)]
    public void Imo_check_digit(string value, bool valid) => Assert.Equal(valid, IdentifierFormats.IsImo(value));

    [Theory]
    [InlineData("5493001KJTIIGC8Y1R12", true)]
    [InlineData("529900T8BM49AURSDO55", true)]
    [InlineData("5493001KJTIIGC8Y1R13", false)]
    [InlineData("5493001KJTIIGC8Y1R1", false)]
    public void Lei_checksum(string value, bool valid) => Assert.Equal(valid, IdentifierFormats.IsLei(value));

    [Theory]
    [InlineData("BMJIIRTH", true)]
    [InlineData("BMJIIRTH001", true)]
    [InlineData("BMJ1IRTH", false)]
    [InlineData("BMJIIRT", false)]
    public void Bic_shape(string value, bool valid) => Assert.Equal(valid, IdentifierFormats.IsBic(value));

    [Fact]
    public void A_renamed_vessel_is_found_and_matched_by_its_imo()
    {
        var vessel = WithIds(Schema.Vessel, "ARTAVIL", new Identifier(IdentifierType.Imo, "IMO 9187629"));
        var index = TestEntities.Index(vessel);
        var query = new Query { Schema = Schema.Vessel, Names = ["Zutarun Rabreka"], Identifiers = [new Identifier(IdentifierType.Imo, "9187629")] };
        var hits = index.Match(query, 5, 0.3);
        Assert.NotEmpty(hits);
        Assert.Equal(vessel.Id, hits[0].Entity.Id);
        Assert.True(hits[0].Score >= MatcherOptions.DefaultThreshold, hits[0].Score.ToString());
        var features = hits[0].Explanation.Features;
        Assert.Contains(features, f => f.Feature == "identifier_decisive");
        Assert.Equal(hits[0].Score, features.Sum(f => f.Contribution), 6);

        // Without the IMO the other name finds nothing.
        Assert.DoesNotContain(index.Match(query with { Identifiers = [] }, 5, 0.3), h => h.Entity.Id == vessel.Id);
    }

    [Fact]
    public void A_malformed_imo_or_a_passport_retrieves_but_does_not_decide()
    {
        var vessel = WithIds(Schema.Vessel, "BONU 5", new Identifier(IdentifierType.Imo, "IMO 9187628"));
        var person = WithIds(Schema.Person, "Ahmad Karimi Tabrizi", new Identifier(IdentifierType.Passport, "K12345678", "ir"));
        var index = TestEntities.Index(vessel, person);
        var badImo = new Query { Schema = Schema.Vessel, Names = ["Kasa Torlobre"], Identifiers = [new Identifier(IdentifierType.Imo, "9187628")] };
        Assert.True(index.Score(badImo, vessel).Score < MatcherOptions.DefaultThreshold);

        var passport = new Query { Schema = Schema.Person, Names = ["John Miller"], Identifiers = [new Identifier(IdentifierType.Passport, "K12345678", "ir")] };
        Assert.True(index.Score(passport, person).Score < MatcherOptions.DefaultThreshold, "a passport with an unrelated name is not a match");

        // A partly agreeing name is retrieved through the passport and lifted by it.
        var partial = new Query { Schema = Schema.Person, Names = ["Ahmad Karimy"], Identifiers = [new Identifier(IdentifierType.Passport, "K-1234-5678", "ir")] };
        var hits = index.Match(partial, 5, 0.3);
        Assert.Contains(hits, h => h.Entity.Id == person.Id && h.Score >= MatcherOptions.DefaultThreshold);
    }

    [Fact]
    public void An_lei_matches_a_company_under_another_name_but_never_a_person_or_vessel()
    {
        var company = WithIds(Schema.Company, "Northwind Petrochemical Holding", new Identifier(IdentifierType.Lei, "529900T8BM49AURSDO55"));
        var index = TestEntities.Index(company);
        var query = new Query { Schema = Schema.Company, Names = ["Polar Resources AG"], Identifiers = [new Identifier(IdentifierType.Lei, "529900 T8BM49 AURSDO55")] };
        var hits = index.Match(query, 5, 0.3);
        Assert.Equal(company.Id, hits[0].Entity.Id);
        Assert.True(hits[0].Score >= MatcherOptions.DefaultThreshold);
        Assert.Equal(0, index.Score(query with { Schema = Schema.Vessel }, company).Score);
    }
}
