using Comity.Core.Matching;
using Comity.Core.Model;
using static Comity.Core.Tests.Matching.TestEntities;

namespace Comity.Core.Tests.Matching;

/// <summary>Behaviours that yente's, Watchman's and OFAC's tests or users pin down; Comity must be right on all.</summary>
public class PinnedBehaviourTests
{
    private const double Threshold = MatcherOptions.DefaultThreshold;

    [Theory]
    [InlineData("John Doeburg", "John Dowburg", Schema.Person)]
    [InlineData("Ramimakhlouf", "Rami Makhlouf", Schema.Person)]
    [InlineData("Rami Makhlouf", "Ramimakhlouf", Schema.Person)]
    [InlineData("OAO Gazprom", "Open Joint Stock Company Gasprom", Schema.Company)]
    [InlineData("Siemens AG", "Siemens Aktiengesellschaft", Schema.Company)]
    [InlineData("MADURO MOROS, Nicolas", "Nicolas Maduro", Schema.Person)]
    [InlineData("Nicolas Maduro", "MADURO MOROS, Nicolas", Schema.Person)]
    [InlineData("Nicolás Maduro", "Николас Мадуро", Schema.Person)]
    [InlineData("Muammar Qadhafi", "Moammar Gaddafi", Schema.Person)]
    [InlineData("Сергей Викторович Лавров", "Sergey Lavrov", Schema.Person)]
    [InlineData("Sergey Lavrov", "Сергей Викторович Лавров", Schema.Person)]
    [InlineData("L Ron Hubbard", "Ron L Hubbard", Schema.Person)]
    [InlineData("Haige Guangzhou", "Guangzhou Haige", Schema.Company)]
    [InlineData("LUKOIL OIL COMP", "LUKOIL OIL COMPANY", Schema.Company)]
    [InlineData("Acme Pvt. Ltd.", "Acme Private Limited", Schema.Company)]
    [InlineData("GUANGZHOU HAIGE COMM GRP", "Guangzhou Haige Communications Group Incorporated Company", Schema.Company)]
    [InlineData("CNOOC ENERGY TECH & SRVCES LTD", "CNOOC Energy Technology and Services Limited", Schema.Company)]
    [InlineData("M/V Snow Storm", "Snow Storm", Schema.Vessel)]
    [InlineData("O'Brien Holdings", "OBrien Holding", Schema.Company)]
    [InlineData("محمد", "Mohammed", Schema.Person)]
    public void Matches(string query, string listed, Schema schema)
    {
        var entity = Make(schema, listed);
        var index = Index(entity);
        var result = index.Score(Q(query, schema), entity);
        Assert.True(result.Score >= Threshold, $"{query} ~ {listed}: {result.Score:0.000} {Describe(result)}");
    }

    [Theory]
    [InlineData("John Doe", "John Down", Schema.Person)]
    [InlineData("John Doe", "Juan Doe", Schema.Person)]
    [InlineData("LXC Aviation", "LAU Aviation", Schema.Company)]
    [InlineData("Deutsche Bank AG", "Deutsche Bank GmbH", Schema.Company)]
    [InlineData("Kim Jong Un", "Kim Jong Man", Schema.Person)]
    [InlineData("Kim Jong Man", "Kim Jong Un", Schema.Person)]
    [InlineData("George Bush", "George Habbash", Schema.Person)]
    [InlineData("emma daniels", "EMMA LLC", Schema.LegalEntity)]
    [InlineData("CORP", "11420 CORP.", Schema.LegalEntity)]
    [InlineData("A-B-C Company", "Golden Star Company", Schema.Company)]
    [InlineData("A-B-C Company", "Alpha Beta Company", Schema.Company)]
    [InlineData("Mohammed", "Mohammed Ali Hassan", Schema.Person)]
    [InlineData("Mahmoud Abbas", "Mohammed Abbas", Schema.Person)]
    [InlineData("Snow Storm 2", "Snow Storm 1", Schema.Vessel)]
    public void Does_not_match(string query, string listed, Schema schema)
    {
        var entity = Make(schema, listed);
        var index = Index(entity);
        var result = index.Score(Q(query, schema), entity);
        Assert.True(result.Score < Threshold, $"{query} !~ {listed}: {result.Score:0.000} {Describe(result)}");
    }

    [Fact]
    public void Pvt_Ltd_equals_Private_Limited()
    {
        var a = Comity.Core.Text.NameNormalizer.Normalize("Acme Pvt. Ltd.");
        var b = Comity.Core.Text.NameNormalizer.Normalize("ACME PRIVATE LIMITED");
        Assert.Equal(a, b);
    }

    [Fact]
    public void A_B_C_Company_is_not_matched_by_every_company()
    {
        var abc = Company("A-B-C Company");
        var index = Index(abc);
        var hits = index.Match(Q("A-B-C Company", Schema.Company), limit: 10, minScore: Threshold);
        Assert.Equal(abc.Id, Assert.Single(hits).Entity.Id);
    }

    [Fact]
    public void Vessel_query_never_hits_a_person()
    {
        var person = Person("Ocean Star");
        var index = Index(person);
        var q = Q("Ocean Star", Schema.Vessel);
        Assert.Equal(0, index.Score(q, person).Score);
        Assert.All(index.Match(q, limit: 10, minScore: 0.01), h => Assert.Equal(Schema.Vessel, h.Entity.Schema));
        Assert.Equal("schema_mismatch", Assert.Single(index.Score(q, person).Explanation.Features).Feature);
    }

    [Fact]
    public void Perfect_name_with_fully_conflicting_birth_date_falls_below_threshold()
    {
        var listed = Make(Schema.Person, ["Marek Ilich Dovranov"], e => e with { BirthDates = [new FuzzyDate(new PartialDate(1971, 3, 14))] });
        var index = Index(listed);
        var q = Q("Marek Ilich Dovranov", Schema.Person) with { BirthDates = [new FuzzyDate(new PartialDate(1985, 7, 2))] };
        var result = index.Score(q, listed);
        Assert.True(result.Score < Threshold, $"{result.Score}");
        Assert.Contains(result.Explanation.Features, f => f.Feature == "dob_year_disjoint");
        Assert.Contains(result.Explanation.Features, f => f.Feature == "dob_day_disjoint");
    }

    [Fact]
    public void Same_passport_raises_a_perfect_name()
    {
        var listed = Make(Schema.Person, ["Marek Ilich Dovranov"], e => e with { Identifiers = [new Identifier(IdentifierType.Passport, "RU 7214455")] });
        var index = Index(listed);
        var plain = index.Score(Q("Marek Ilich Dovranov", Schema.Person), listed);
        var withId = index.Score(Q("Marek Ilich Dovranov", Schema.Person) with { Identifiers = [new Identifier(IdentifierType.Passport, "ru7214455")] }, listed);
        Assert.True(withId.Score > plain.Score, $"{withId.Score} > {plain.Score}");
        Assert.Contains(withId.Explanation.Features, f => f.Feature == "identifier_match" && f.Contribution > 0);
    }

    internal static string Describe(ScoredEntity r) =>
        string.Join(" | ", r.Explanation.Features.Select(f => $"{f.Feature} {f.Score:0.00}x{f.Weight:0.00}={f.Contribution:0.000} [{f.Detail}]"));
}
