using Comity.Core.Model;
using Comity.Evaluation.Text;

namespace Comity.Evaluation.Tests.Text;

public class TextTests
{
    [Theory]
    [InlineData("AL-QA'IDA", "al qaida")]
    [InlineData("  MADURO MOROS,  Nicolás ", "maduro moros nicolas")]
    [InlineData("Иван Петров", "ivan petrov")]
    [InlineData("Co., Ltd.", "co ltd")]
    public void Normalized_keys(string name, string key) => Assert.Equal(key, NameKey.Normalized(name));

    [Fact]
    public void Sorted_keys_ignore_order_and_punctuation() =>
        Assert.Equal(NameKey.Sorted("MADURO MOROS, Nicolas"), NameKey.Sorted("Nicolas Maduro-Moros"));

    [Fact]
    public void Person_names_with_a_comma_are_family_then_given()
    {
        var p = PersonName.Parse(new EntityName("MADURO MOROS, Nicolas"));
        Assert.Equal(["Nicolas"], p.Given);
        Assert.Equal(["MADURO", "MOROS"], p.Family);
        Assert.Equal("Nicolas MADURO MOROS", p.Natural);
    }

    [Fact]
    public void Plain_person_names_end_with_the_family_name()
    {
        var p = PersonName.Parse(new EntityName("Ibrahim Awwad al-BADRI"));
        Assert.Equal(["Ibrahim", "Awwad"], p.Given);
        Assert.Equal(["al-BADRI"], p.Family);
    }

    [Fact]
    public void Structured_parts_are_used_when_they_spell_the_full_name()
    {
        var name = new EntityName("KIM JONG UN", Parts: new NameParts(Given: "JONG UN", Family: "KIM"));
        var p = PersonName.Parse(name);
        Assert.Equal(["JONG", "UN"], p.Given);
        Assert.Equal(["KIM"], p.Family);
    }

    [Fact]
    public void Levenshtein_and_trigram_dice_by_hand()
    {
        Assert.Equal(3, Similarity.Levenshtein("kitten", "sitting"));
        Assert.Equal(0, Similarity.Levenshtein("abc", "abc"));
        Assert.Equal(2, Similarity.Levenshtein("", "ab"));
        Assert.Equal(1.0, Similarity.TrigramDice("abc", "abc"));
        Assert.Equal(0.0, Similarity.TrigramDice("abc", "xyz"));

        // " ab", "abc", "bc " vs " ab", "abd", "bd ": one shared of 3 + 3 -> 2/6.
        Assert.Equal(1.0 / 3, Similarity.TrigramDice("abc", "abd"), 12);
    }

    [Fact]
    public void Fnv1a_matches_the_published_test_vectors()
    {
        Assert.Equal(0xcbf29ce484222325UL, StableHash.Fnv1a(string.Empty));
        Assert.Equal(0xaf63dc4c8601ec8cUL, StableHash.Fnv1a("a"));
        Assert.Equal(0x85944171f73967e8UL, StableHash.Fnv1a("foobar"));
    }
}
