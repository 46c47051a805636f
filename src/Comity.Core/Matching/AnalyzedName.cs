using Comity.Core.Text;

namespace Comity.Core.Matching;

/// <summary>A token with its vocabulary id (-1 when the index has never seen it).</summary>
internal readonly record struct Tok(int Id, TokenInfo Info);

/// <summary>A name normalised and resolved against an index's vocabulary.</summary>
internal sealed class AnalyzedName
{
    public AnalyzedName(string original, Tok[] tokens, int slot)
    {
        Original = original;
        Tokens = tokens;
        Slot = slot;
    }

    public string Original { get; }

    public Tok[] Tokens { get; }

    /// <summary>Position of this name among the query's names (keys the per-query similarity cache).</summary>
    public int Slot { get; }

    public static AnalyzedName Analyze(string name, Vocabulary vocabulary, int slot) =>
        Analyze(name, NameNormalizer.Normalize(name), vocabulary, slot);

    public static AnalyzedName Analyze(string name, NameToken[] tokens, Vocabulary vocabulary, int slot)
    {
        var toks = new Tok[tokens.Length];
        var rendering = Transliteration.RenderingOf(name);
        var abjad = WrittenInAbjad(name);
        for (var i = 0; i < tokens.Length; i++)
        {
            var info = vocabulary.Describe(tokens[i], out var id);
            var vowelless = abjad && PhoneticKey.IsVowelless(tokens[i].Text);
            if (info.Class != tokens[i].Class || rendering != Rendering.Latin || info.Vowelless != vowelless)
            {
                // The vocabulary keeps the class its first listing gave a spelling; the query's own reading decides
                // (빈 → bin is a Korean syllable here, not the Arabic particle). A word read from katakana, Chinese
                // characters or Khmer keeps how it was written; a vowel-less word of a name not written in an abjad is
                // an acronym or initials (H P, KZH), not a consonant skeleton.
                info = new TokenInfo(tokens[i], info.Rarity, rendering) { Entities = info.Entities, Vowelless = vowelless };
            }

            toks[i] = new Tok(id, info);
        }

        return new AnalyzedName(name, toks, slot) { Titled = NameNormalizer.StartsWithTitle(name) };
    }

    /// <summary>The name is written (at least partly) in Hebrew or Arabic letters: only then is a vowel-less word of it
    /// a consonant skeleton rather than an acronym. The same rule reads listed names (<see cref="Vocabulary.Builder"/>)
    /// and queries, so a pair matches the same way in either direction.</summary>
    public static bool WrittenInAbjad(string name) =>
        name.AsSpan().IndexOfAnyInRange('\u0590', '\u06FF') >= 0 || name.AsSpan().IndexOfAnyInRange('\uFB1D', '\uFEFC') >= 0;

    /// <summary>The name began with a title or office (<c>Dr</c>, <c>President</c>, <c>General</c>) that normalisation
    /// dropped: a family name alone after it names a person, not a fragment.</summary>
    public bool Titled { get; init; }
}
