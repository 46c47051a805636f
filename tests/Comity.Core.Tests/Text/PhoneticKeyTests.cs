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
    [Theory]
    [InlineData("twrybyw", "toribio")]
    [InlineData("hzwn", "hazwan")]
    [InlineData("yd", "eyad")]
    [InlineData("fn", "ivan")]
    [InlineData("hwsyny", "husseini")]
    [InlineData("srjyfytsh", "sergeevich")]
    [InlineData("hydr", "heidar")]
    [InlineData("bsndydh", "pasandideh")]
    [InlineData("jrkyw", "garcio")]
    public void Arabic_renderings_by_ear_share_the_abjad_key(string abjad, string latin)
    {
        Assert.True(PhoneticKey.IsVowelless(abjad));
        Assert.Equal(PhoneticKey.Abjad(latin), PhoneticKey.Abjad(abjad));
    }

    [Theory]
    [InlineData("hn", "hani")]
    [InlineData("wd", "wadi")]
    [InlineData("swn", "sina")]
    [InlineData("mhmd", "mahmoud")]
    public void Long_vowels_keep_abjad_keys_apart(string abjad, string latin) => Assert.NotEqual(PhoneticKey.Abjad(latin), PhoneticKey.Abjad(abjad));

    [Theory]
    [InlineData("khak", "hak")]
    [InlineData("rut", "ruth")]
    [InlineData("li", "lee")]
    [InlineData("vin", "win")]
    [InlineData("uld", "ould")]
    [InlineData("khayekh", "hayyeh")]
    [InlineData("rok", "rock")]
    [InlineData("ksin", "xin")]
    [InlineData("mok", "moq")]
    public void Romanisation_spellings_share_the_roman_key(string a, string b) => Assert.Equal(PhoneticKey.Roman(a), PhoneticKey.Roman(b));

    [Theory]
    [InlineData("kim", "kam")]
    [InlineData("li", "le")]
    [InlineData("rut", "rat")]
    public void Vowels_keep_roman_keys_apart(string a, string b) => Assert.NotEqual(PhoneticKey.Roman(a), PhoneticKey.Roman(b));
}
