using Comity.Core.Matching;
using Comity.Core.Model;

namespace Comity.Application.Tests.Matching;

/// <summary>Real names against the bundled corpus: the listed subject comes first, with an explanation.</summary>
public class RealNameTests
{
    [Theory]
    [InlineData("Nicolas Maduro", Schema.Person, "us-ofac-sdn:22790")]
    [InlineData("Николас Мадуро", Schema.Person, "us-ofac-sdn:22790")]
    [InlineData("MADURO MOROS, Nicolás", Schema.LegalEntity, "us-ofac-sdn:22790")]
    [InlineData("Kim Jong Un", Schema.Person, "us-ofac-sdn:20157")]
    [InlineData("Vladimir Putin", Schema.Person, "us-ofac-sdn:35096")]
    [InlineData("Владимир Владимирович Путин", Schema.Person, "us-ofac-sdn:35096")]
    [InlineData("Sergey Lavrov", Schema.Person, "us-ofac-sdn:35233")]
    [InlineData("Moammar Gaddafi", Schema.Person, "us-ofac-sdn:12606")]
    [InlineData("Muammar Qadhafi", Schema.Person, "us-ofac-sdn:12606")]
    public void Listed_subject_is_the_top_hit(string name, Schema schema, string expectedId)
    {
        var hits = BundledCorpus.Index.Match(new Query { Names = [name], Schema = schema }, limit: 5, minScore: MatcherOptions.DefaultThreshold);
        Assert.NotEmpty(hits);
        Assert.Equal(expectedId, hits[0].Entity.Id);
        var name0 = hits[0].Explanation.Features[0];
        Assert.Equal("name_match", name0.Feature);
        Assert.False(string.IsNullOrEmpty(name0.Detail));
    }

    [Fact]
    public void Kim_Jong_Man_is_not_Kim_Jong_Un()
    {
        var hits = BundledCorpus.Index.Match(new Query { Names = ["Kim Jong Man"], Schema = Schema.Person }, limit: 10, minScore: MatcherOptions.DefaultThreshold);
        Assert.DoesNotContain(hits, h => h.Entity.Id == "us-ofac-sdn:20157");
    }

    [Fact]
    public void A_conflicting_birth_date_demotes_Maduro_below_threshold()
    {
        var query = new Query
        {
            Names = ["Nicolas Maduro Moros"],
            Schema = Schema.Person,
            BirthDates = [new FuzzyDate(new PartialDate(1990, 1, 1))],
        };
        var maduro = BundledCorpus.Entities.Single(e => e.Id == "us-ofac-sdn:22790");
        Assert.NotEmpty(maduro.BirthDates);
        var scored = BundledCorpus.Index.Score(query, maduro);
        Assert.True(scored.Score < MatcherOptions.DefaultThreshold, $"{scored.Score}");
        Assert.Contains(scored.Explanation.Features, f => f.Feature == "dob_year_disjoint");
    }
}
