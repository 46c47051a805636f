using Comity.Core.Text;

namespace Comity.Core.Matching;

/// <summary>Everything the scorer needs about one distinct token, computed once.</summary>
internal sealed class TokenInfo
{
    public TokenInfo(NameToken token, double rarity, Rendering rendering = Rendering.Latin)
    {
        Rendering = rendering;
        Nick = token.Class == TokenClass.Word ? Nicknames.Of(token.Text) : null;
        Anagram = TranscriptionKey.Anagram(token.Text);
        Transcription = rendering == Rendering.Transcribed ? TranscriptionKey.OfTranscribed(token.Text) : TranscriptionKey.OfLatin(token.Text);
        Text = token.Text;
        Class = token.Class;
        LegalFamily = token.LegalFamily;
        Key = PhoneticKey.Key(token.Text);
        Skeleton = PhoneticKey.Skeleton(token.Text);
        Abjad = PhoneticKey.Abjad(token.Text);
        Roman = PhoneticKey.Roman(token.Text);
        Vowelless = PhoneticKey.IsVowelless(token.Text) && token.Text.Length >= 4 && token.Text.AsSpan().IndexOfAny('c', 'p', 'v') < 0
            && !token.Text.Contains('x', StringComparison.Ordinal);
        Syllable = token.Class == TokenClass.Word && RomanSyllables.IsSyllable(token.Text);
        // A romanised Chinese or Korean syllable keeps its list rarity: syllables are compared as units and an extra one
        // must keep its cost (wang jian guo is not WANG Jian).
        Rarity = token.Class == TokenClass.Word && !RomanSyllables.IsSyllable(token.Text) && CommonNames.Words.Contains(token.Text)
            ? Math.Min(rarity, CommonNames.MaxRarity) : rarity;
        Weight = Weights.TokenWeight(token.Class, Rarity);
    }

    /// <summary>A listed token's info as a snapshot stored it (every field computed by the constructor above when the
    /// index was built; a snapshot is read only by the build of the code that wrote it). The nickname groups are the
    /// shared arrays of <see cref="Nicknames"/>, looked up again.</summary>
    internal TokenInfo(string text, TokenClass cls, byte legalFamily, string key, string skeleton, string abjad, string roman, string anagram,
        string transcription, bool vowelless, bool syllable, double rarity, double weight, int entities)
    {
        Rendering = Rendering.Latin;
        Text = text;
        Class = cls;
        LegalFamily = legalFamily;
        Key = key;
        Skeleton = skeleton;
        Abjad = abjad;
        Roman = roman;
        Anagram = anagram;
        Transcription = transcription;
        Nick = cls == TokenClass.Word ? Nicknames.Of(text) : null;
        Vowelless = vowelless;
        Syllable = syllable;
        Rarity = rarity;
        Weight = weight;
        Entities = entities;
    }

    public string Text { get; }

    public TokenClass Class { get; }

    public byte LegalFamily { get; }

    public string Key { get; }

    public string Skeleton { get; }

    /// <summary>Key for comparing with a rendering in Arabic letters (<see cref="PhoneticKey.Abjad"/>).</summary>
    public string Abjad { get; }

    /// <summary>Key folding romanisation spellings (<see cref="PhoneticKey.Roman"/>).</summary>
    public string Roman { get; }

    /// <summary>No vowel letter, and spelt with letters an abjad transliteration writes (no c, p, v, x): a name written in
    /// Arabic, Persian or Hebrew letters, not an acronym such as KCST. A listed word needs four letters (TDG, RSS, KMZ are
    /// company acronyms) and a listed name written in an abjad that holds it (KHRTZ of a Latin-script listing is an
    /// acronym); a query word written in an abjad any length; a query not written in one has none.</summary>
    public bool Vowelless { get; init; }

    /// <summary>How the query wrote the word: as Latin letters, as a katakana or Chinese-character transcription of a
    /// foreign name, or in Khmer script (<see cref="Text.Rendering"/>); listed words are <see cref="Rendering.Latin"/>.</summary>
    public Rendering Rendering { get; }

    /// <summary>Nickname groups of a given name (<see cref="Nicknames"/>), null when it has none.</summary>
    public int[]? Nick { get; }

    /// <summary>First letter, last letter and the inner letters sorted (words of five letters or more; empty otherwise):
    /// equal for a word and its letters shuffled inside.</summary>
    public string Anagram { get; }

    /// <summary>Consonant-class key for comparing a transcription (katakana, Chinese characters) with a Latin spelling
    /// (<see cref="TranscriptionKey"/>).</summary>
    public string Transcription { get; }

    /// <summary>A romanised Chinese or Korean syllable (<see cref="RomanSyllables"/>): compared as a unit.</summary>
    public bool Syllable { get; }

    /// <summary>Normalised inverse document frequency in [0, 1]; 1 for a token the lists never use.</summary>
    public double Rarity { get; }

    /// <summary>In how many listed entities the token occurs (0 for a token the lists never use).</summary>
    public int Entities { get; init; }

    /// <summary>Used by at least <see cref="Weights.AttestedEntities"/> listed entities: a real name word, not a
    /// one-off spelling.</summary>
    public bool Attested => Entities >= Weights.AttestedEntities;

    /// <summary>Weight in alignment: rarity scaled by class.</summary>
    public double Weight { get; }

    /// <summary>True for classes that carry identity (words, numbers, patronymics).</summary>
    public bool IsContent => Class is TokenClass.Word or TokenClass.Number or TokenClass.Patronymic;

    public NameToken AsToken => new(Text, Class, LegalFamily);

    public override string ToString() => Text;
}
