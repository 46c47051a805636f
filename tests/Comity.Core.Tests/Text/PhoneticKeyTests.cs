using Comity.Core.Text;

namespace Comity.Core.Tests.Text;

public class PhoneticKeyTests
{
    [Theory]
    [InlineData("mohammed", "muhammad")]
    [InlineData("mohammed", "mohamed")]
    [InlineData("qadhafi", "gaddafi")]
    [InlineData("qadhafi", "kadhafi")]
    [InlineData("yusuf", "yousef")]
    [InlineData("osama", "usama")]
    public void Spelling_variants_share_a_key(string a, string b) => Assert.Equal(PhoneticKey.Key(a), PhoneticKey.Key(b));

    [Theory]
    [InlineData("mohammed", "mahmoud")]
    [InlineData("john", "jane")]
    [InlineData("bush", "habbash")]
    public void Different_names_differ(string a, string b) => Assert.NotEqual(PhoneticKey.Key(a), PhoneticKey.Key(b));

    [Theory]
    [InlineData("mhmd", "mohammed")]
    [InlineData("lwnyd", "leonid")]
    [InlineData("jryjwryfytsh", "grigoryevich")]
    [InlineData("bdwl", "abdul")]
    public void Abjad_transliterations_share_a_skeleton(string abjad, string latin)
    {
        Assert.True(PhoneticKey.IsVowelless(abjad));
        Assert.False(PhoneticKey.IsVowelless(latin));
        Assert.Equal(PhoneticKey.Skeleton(abjad), PhoneticKey.Skeleton(latin));
    }

    [Fact]
    public void Keys_are_golden() => Assert.Equal(("mahamad", "kadafa", "mhmt"), (PhoneticKey.Key("muhammad"), PhoneticKey.Key("qaddafi"), PhoneticKey.Skeleton("mohammed")));
}
