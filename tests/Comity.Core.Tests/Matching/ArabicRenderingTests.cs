using Comity.Core.Matching;
using Comity.Core.Model;
using static Comity.Core.Tests.Matching.TestEntities;

namespace Comity.Core.Tests.Matching;

/// <summary>Latin names written in Arabic letters by ear (long vowels written, alif and short vowels dropped by the
/// transliteration, a word-initial <c>al</c>/<c>el</c> split off as the article).</summary>
public class ArabicRenderingTests
{
    [Theory]
    [InlineData("توريبيو البرتو لوجو لون", "LUGO LEON, Toribio Alberto")]
    [InlineData("هازوان الواز", "AL-WAZZ, Hazwan")]
    [InlineData("اياد ماخلوف", "MAKHLOUF, Eyad")]
    [InlineData("الكساندر فلاديميروفيتش اسادتشوك", "OSADCHUK, Aleksandr Vladimirovich")]
    [InlineData("جانج سو هان", "HAN, Jang Su")]
    public void Rendered_names_match_their_latin_original(string query, string listed)
    {
        var entity = Person(listed);
        var result = Index(entity).Score(Q(query, Schema.Person), entity);
        Assert.True(result.Score >= MatcherOptions.DefaultThreshold, $"{query} ~ {listed}: {result.Score:0.000}");
    }

    [Theory]
    [InlineData("توريبيو البرتو لوجو لون", "LUGO LEON, Tiberio Roberto")]
    [InlineData("هازوان الواز", "AL-WAZIR, Hassan")]
    [InlineData("اياد ماخلوف", "MAKHLOUF, Ziad Abdullah")]
    public void Different_names_stay_below_the_threshold(string query, string listed)
    {
        var entity = Person(listed);
        var result = Index(entity).Score(Q(query, Schema.Person), entity);
        Assert.True(result.Score < MatcherOptions.DefaultThreshold, $"{query} ~ {listed}: {result.Score:0.000}");
    }
}
