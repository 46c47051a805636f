using Comity.Core.Matching;
using Comity.Core.Model;
using static Comity.Core.Tests.Matching.TestEntities;

namespace Comity.Core.Tests.Matching;

/// <summary>Several initials written together ("A. I." becomes one token ai) align with the listed words they begin.</summary>
public class InitialsTests
{
    [Theory]
    [InlineData("Sheik A. I. YASSIN", "YASSIN, Sheik Ahmed Ismail")]
    [InlineData("Felix R. B. ROSARIO", "ROSARIO, Felix Ramon Bautista")]
    [InlineData("Ahmad M. A. ATTOUN", "ATTOUN, Ahmad Mohammad Ahmad")]
    public void Joined_initials_match_the_words_they_begin(string query, string listed)
    {
        var entity = Person(listed);
        var result = Index(entity).Score(Q(query, Schema.Person), entity);
        Assert.True(result.Score >= MatcherOptions.DefaultThreshold, $"{query} ~ {listed}: {result.Score:0.000}");
        Assert.Contains("initials", result.Explanation.Features[0].Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Sheik A. I. YASSIN", "YASSIN, Sheik Omar Ismail")]
    [InlineData("Felix R. B. ROSARIO", "ROSARIO, Felix Bautista Ramon")]
    public void Initials_in_another_order_or_of_other_words_do_not(string query, string listed)
    {
        var entity = Person(listed);
        var result = Index(entity).Score(Q(query, Schema.Person), entity);
        Assert.DoesNotContain("initials", result.Explanation.Features[0].Detail ?? string.Empty, StringComparison.Ordinal);
        Assert.True(result.Score < 0.7, $"{query} ~ {listed}: {result.Score:0.000}");
    }
}
