using Comity.Core.Matching;
using Comity.Core.Model;
using static Comity.Core.Tests.Matching.TestEntities;

namespace Comity.Core.Tests.Matching;

/// <summary>Latin names written in Cyrillic: Х comes back as <c>kh</c> for an <c>h</c>, no <c>th</c>, <c>w</c> or
/// <c>ou</c>.</summary>
public class CyrillicRenderingTests
{
    [Theory]
    [InlineData("Кёнг Хак Ким", "KIM, Kyong Hak")]
    [InlineData("Халил Ал-Хайех", "AL-HAYYEH, Khalil")]
    [InlineData("Хамама Улд Хуиер", "KHOUIER, Hamama Ould")]
    public void Rendered_names_match_their_latin_original(string query, string listed)
    {
        var entity = Person(listed);
        var result = Index(entity).Score(Q(query, Schema.Person), entity);
        Assert.True(result.Score >= MatcherOptions.DefaultThreshold, $"{query} ~ {listed}: {result.Score:0.000}");
    }

    [Theory]
    [InlineData("Кёнг Хак Ким", "KIM, Kyong Hok")]
    [InlineData("Халил Ал-Хайех", "AL-HAYAT, Khalid")]
    public void Different_names_stay_below_the_threshold(string query, string listed)
    {
        var entity = Person(listed);
        var result = Index(entity).Score(Q(query, Schema.Person), entity);
        Assert.True(result.Score < MatcherOptions.DefaultThreshold, $"{query} ~ {listed}: {result.Score:0.000}");
    }

    [Theory]
    [InlineData("SPARTA III", "SPARTA II")]
    [InlineData("BICENTENARIO XIII", "BICENTENARIO XII")]
    public void Roman_numerals_are_not_spelling_variants(string query, string listed)
    {
        var entity = Vessel(listed);
        var result = Index(entity).Score(Q(query, Schema.Vessel), entity);
        Assert.DoesNotContain("phonetic", result.Explanation.Features[0].Detail ?? string.Empty, StringComparison.Ordinal);
    }
}
