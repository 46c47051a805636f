using Comity.Core.Text;

namespace Comity.Core.Tests.Text;

public class CountriesTests
{
    [Theory]
    [InlineData("Russia", "ru")]
    [InlineData("IRAN (ISLAMIC REPUBLIC OF)", "ir")]
    [InlineData("IRN", "ir")]
    [InlineData("de", "de")]
    [InlineData("Côte d'Ivoire", "ci")]
    [InlineData("Region: Gaza", "ps")]
    [InlineData("Korea, North", "kp")]
    [InlineData("United Kingdom", "gb")]
    public void Resolves_names_and_codes(string text, string expected)
    {
        Assert.True(Countries.TryResolve(text, out var iso2));
        Assert.Equal(expected, iso2);
    }

    [Theory]
    [InlineData("UNKNOWN")]
    [InlineData("00")]
    [InlineData("")]
    [InlineData("Ruritania")]
    public void Rejects_non_countries(string text) => Assert.False(Countries.TryResolve(text, out _));
}

public class LocalizedCountriesTests
{
    [Theory]
    [InlineData("Russland", "ru")]
    [InlineData("Russische Föderation", "ru")]
    [InlineData("Rusia", "ru")]
    [InlineData("Rusland", "ru")]
    [InlineData("Russie", "ru")]
    [InlineData("Allemagne", "de")]
    [InlineData("Deutschland", "de")]
    [InlineData("Alemania", "de")]
    [InlineData("Germania", "de")]
    [InlineData("Duitsland", "de")]
    [InlineData("Vereinigtes Königreich", "gb")]
    [InlineData("États-Unis", "us")]
    [InlineData("Estados Unidos", "us")]
    [InlineData("Stati Uniti", "us")]
    [InlineData("Verenigde Staten", "us")]
    [InlineData("Elfenbeinküste", "ci")]
    [InlineData("Costa d'Avorio", "ci")]
    [InlineData("Ivoorkust", "ci")]
    [InlineData("Syrien", "sy")]
    [InlineData("Nordkorea", "kp")]
    [InlineData("Suisse", "ch")]
    [InlineData("Schweiz", "ch")]
    public void Resolves_german_french_spanish_italian_and_dutch_names(string text, string expected)
    {
        Assert.True(Countries.TryResolve(text, out var iso2), text);
        Assert.Equal(expected, iso2);
    }

    [Theory]
    [InlineData("Georgia", "ge")]
    [InlineData("Niger", "ne")]
    [InlineData("DE", "de")]
    [InlineData("IRN", "ir")]
    public void English_names_and_codes_keep_their_meaning(string text, string expected)
    {
        Assert.True(Countries.TryResolve(text, out var iso2));
        Assert.Equal(expected, iso2);
    }
}
