using Comity.Core.Matching;
using Comity.Core.Model;
using Comity.Core.Text;

namespace Comity.Core.Tests.Matching;

/// <summary>Issue 9, CJK and Korean names: romanised syllables are whole name parts, equal only as spellings of one
/// syllable (a data table and the pinyin → Wade-Giles rules), never by edit distance.</summary>
public class RomanSyllableTests
{
    [Theory]
    [InlineData("xi", "hsi")]
    [InlineData("zhou", "chou")]
    [InlineData("qing", "ching")]
    [InlineData("cai", "tsai")]
    [InlineData("lee", "yi")]
    [InlineData("lee", "rhee")]
    [InlineData("yi", "ri")]
    [InlineData("park", "pak")]
    [InlineData("pak", "bak")]
    [InlineData("kim", "gim")]
    [InlineData("choi", "choe")]
    [InlineData("jung", "chung")]
    [InlineData("jeong", "chung")]
    public void Spellings_of_one_syllable_are_variants(string a, string b)
    {
        Assert.True(RomanSyllables.IsSyllable(a) && RomanSyllables.IsSyllable(b), $"{a} and {b} are syllables");
        Assert.True(RomanSyllables.AreVariants(a, b) && RomanSyllables.AreVariants(b, a), $"{a} ~ {b}");
    }

    [Theory]
    [InlineData("cheng", "chong")]
    [InlineData("zhu", "zhou")]
    [InlineData("ning", "ping")]
    [InlineData("feng", "peng")]
    [InlineData("zhong", "chong")]
    [InlineData("lin", "ling")]
    public void Different_syllables_are_not_near(string a, string b)
    {
        Assert.True(RomanSyllables.IsSyllable(a) && RomanSyllables.IsSyllable(b));
        Assert.False(RomanSyllables.AreVariants(a, b), $"{a} vs {b}");
        var index = TestEntities.Index(TestEntities.Person("Li " + a));
        var listed = TestEntities.Person("Zhao Li " + a);
        var score = index.Score(TestEntities.Q("Zhao Li " + b, Schema.Person), listed).Score;
        Assert.True(score < MatcherOptions.DefaultThreshold, $"zhao li {b} vs zhao li {a}: {score}");
    }

    [Theory]
    [InlineData("Kim Jong Un", "Gim Jeong Eun")]
    [InlineData("Lee Myung Bak", "Yi Myung Bak")]
    [InlineData("Park Chung Hee", "Pak Jung Hee")]
    [InlineData("Zhou Xiao Ming", "Chou Hsiao Ming")]
    public void Romanisation_variants_of_a_name_match(string listed, string query)
    {
        var entity = TestEntities.Person(listed);
        var index = TestEntities.Index(entity);
        var score = index.Score(TestEntities.Q(query, Schema.Person), entity).Score;
        Assert.True(score >= MatcherOptions.DefaultThreshold, $"{query} vs {listed}: {score}");
    }

    [Fact]
    public void An_extra_unmatched_syllable_is_a_different_name()
    {
        var entity = TestEntities.Person("Wang Jian");
        var index = TestEntities.Index(entity);
        var exact = index.Score(TestEntities.Q("Wang Jian", Schema.Person), entity).Score;
        var extra = index.Score(TestEntities.Q("Wang Jian Guo", Schema.Person), entity).Score;
        Assert.True(exact >= MatcherOptions.DefaultThreshold, $"{exact}");
        Assert.True(extra < MatcherOptions.DefaultThreshold - 0.05, $"wang jian guo vs WANG Jian: {extra}");
    }

    [Fact]
    public void Ordinary_latin_words_are_unaffected()
    {
        Assert.False(RomanSyllables.IsSyllable("smith"));
        Assert.False(RomanSyllables.IsSyllable("maduro"));
        var entity = TestEntities.Person("Nicolas Maduro");
        var index = TestEntities.Index(entity);
        Assert.True(index.Score(TestEntities.Q("Nicolas Madura", Schema.Person), entity).Score >= MatcherOptions.DefaultThreshold);
    }
}
