using Comity.Core.Matching;
using Comity.Core.Model;
using Comity.Core.Text;
using static Comity.Core.Tests.Matching.TestEntities;

namespace Comity.Core.Tests.Matching;

/// <summary>A firm's distinguishing word replaced by an unrelated one is another firm (issue 9's company_one_word
/// class); a word replaced by a near spelling, or a legal form written in Cyrillic or Arabic letters, is the same one.</summary>
public class CompanySubstitutionTests
{
    [Theory]
    [InlineData("Caspian Oil Trading LLC", "CASPIAN GAS TRADING LLC")]
    [InlineData("Northern Star Shipping Ltd", "NORTHERN STAR MINING LTD")]
    [InlineData("Chung Sun Computer Metallic", "CHUNG SUN COMPUTER CENTER")]
    [InlineData("Razavi Oil and Gas Ghaem Co.", "RAZAVI OIL AND GAS DEVELOPMENT CO.")]
    [InlineData("Persia Hormoz Ship Repair Abnaa Company PJS", "PERSIA HORMOZ SHIP REPAIR YARD COMPANY PJS")]
    [InlineData("Sepanir Oil and Gas Energy Sollers Company", "SEPANIR OIL AND GAS ENERGY ENGINEERING COMPANY")]
    public void A_distinguishing_word_replaced_by_an_unrelated_one_is_another_firm(string query, string listed)
    {
        var entity = Company(listed);
        var result = Index(entity).Score(Q(query, Schema.Company), entity);
        Assert.True(result.Score < MatcherOptions.DefaultThreshold, $"{query} ~ {listed}: {result.Score:0.000}");
    }

    [Fact]
    public void A_near_spelling_costs_less_than_an_unrelated_word()
    {
        var entity = Company("CHENGDU SPACEON ELECTRONICS CO., LTD.");
        var index = Index(entity);
        var near = index.Score(Q("Chengdu Spakeon Electronics Co., Ltd.", Schema.Company), entity).Score;
        var unrelated = index.Score(Q("Chengdu Harvest Electronics Co., Ltd.", Schema.Company), entity).Score;
        Assert.True(near > unrelated, $"near {near:0.000}, unrelated {unrelated:0.000}");
    }

    [Theory]
    [InlineData("Калан Киш Шиппинг Ко", "KALAN KISH SHIPPING CO")]
    [InlineData("Сунвай Теч Ко, Лтд", "SUNWAY TECH CO., LTD")]
    [InlineData("بهمن ديزل كو", "BAHMAN DIESEL CO.")]
    public void Co_written_in_cyrillic_or_arabic_letters_is_the_legal_form(string query, string listed)
    {
        var entity = Company(listed);
        var result = Index(entity).Score(Q(query, Schema.Company), entity);
        Assert.True(result.Score >= MatcherOptions.DefaultThreshold, $"{query} ~ {listed}: {result.Score:0.000}");
    }

    [Fact]
    public void Ko_first_in_a_cyrillic_name_stays_the_korean_family_name()
    {
        var tokens = NameNormalizer.Normalize("Ко Мин Су");
        Assert.Equal("ko", tokens[0].Text);
        Assert.Equal("company", NameNormalizer.Normalize("Голден Стар Ко")[^1].Text);
    }
}
