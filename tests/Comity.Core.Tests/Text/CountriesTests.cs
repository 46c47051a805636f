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
