using Comity.Core.Text;

namespace Comity.Core.Tests.Text;

public class CountryTextTests
{
    [Theory]
    [InlineData("Israeli", "il")]
    [InlineData("Saudi Arabian ", "sa")]
    [InlineData("Yemeni\u00A0", "ye")]
    [InlineData("IRAN (ISLAMIC REPUBLIC OF)", "ir")]
    [InlineData("Kuwaiti citizenship", "kw")]
    [InlineData("Indonesian (as at Dec. 2003)", "id")]
    [InlineData("Mauritanian", "mr")]
    [InlineData("UNKNOWN", null)]
    [InlineData("Possibly Ethiopian", null)]
    public void Resolves_names_codes_and_demonyms(string text, string? iso2) => Assert.Equal(iso2, CountryText.Resolve(text));

    [Theory]
    [InlineData("Russian and Ukrainian", "ru|ua")]
    [InlineData("Malian / Mauritanian", "ml|mr")]
    [InlineData("Bosnia and Herzegovina", "ba")]
    [InlineData("Russian and Atlantis", "")]
    public void Resolves_several(string text, string expected) => Assert.Equal(expected, string.Join('|', CountryText.ResolveAll(text)));
}
