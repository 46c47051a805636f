using Comity.Core.Text;

namespace Comity.Core.Matching;

/// <summary>How two tokens were found alike.</summary>
internal enum MatchKind : byte
{
    None,
    Exact,
    Variant,
    Fuzzy,
    Phonetic,
    Skeleton,
    Initial,
    LegalForm,
    LegalConflict,
    Glued,
}

/// <summary>Similarity of two normalised tokens in [0, 1] (0 below <see cref="Weights.MinTokenSimilarity"/>).</summary>
/// <remarks>Exact 1; mined variants 0.9 (0.85 with one supporting entity); two romanised Chinese or Korean syllables
/// 0.9 when they are spellings of one (<see cref="RomanSyllables"/>), else 0; edit distance within the length-aware
/// budget scores <c>1 - d / max length</c>, so tokens of three letters or fewer tolerate no edit; equal phonetic keys
/// for tokens of five letters or more 0.8; tokens whose romanisation spellings fold alike
/// (<see cref="PhoneticKey.Roman"/>: Khak = Hak, Ruth = Rut) 0.9; a vowel-less abjad transliteration with the same
/// consonant skeleton of three letters or more 0.75–0.85, with the same <see cref="PhoneticKey.Abjad"/> key (long vowels agree) 0.8–0.9;
/// an initial against a word it begins 0.8; numbers only exactly; legal forms by canonical form and family.</remarks>
internal static class TokenSimilarity
{
    public static (double Score, MatchKind Kind) Compare(TokenInfo q, int qid, TokenInfo c, int cid, VariantTable? variants)
    {
        var (score, kind) = CompareExact(q, qid, c, cid, variants);
        return (Math.Round(score * 1000) / 1000, kind);
    }

    private static (double Score, MatchKind Kind) CompareExact(TokenInfo q, int qid, TokenInfo c, int cid, VariantTable? variants)
    {
        if ((qid >= 0 && qid == cid) || string.Equals(q.Text, c.Text, StringComparison.Ordinal))
        {
            return q.Class == TokenClass.LegalForm || c.Class == TokenClass.LegalForm
                ? (q.Class == c.Class ? (1.0, MatchKind.Exact) : (0.0, MatchKind.None))
                : (1.0, MatchKind.Exact);
        }

        if (q.Class == TokenClass.LegalForm || c.Class == TokenClass.LegalForm)
        {
            if (q.Class != c.Class)
            {
                return (0.0, MatchKind.None);
            }

            var legal = LegalForms.Compare(q.AsToken, c.AsToken);
            return legal > 0 ? (legal, MatchKind.LegalForm) : legal < 0 ? (0.0, MatchKind.LegalConflict) : (0.0, MatchKind.None);
        }

        if (q.Class == TokenClass.Number || c.Class == TokenClass.Number)
        {
            return (0.0, MatchKind.None);
        }

        if (q.Class == TokenClass.Initial || c.Class == TokenClass.Initial)
        {
            return q.Class != c.Class && q.Text[0] == c.Text[0] ? (Weights.InitialSimilarity, MatchKind.Initial) : (0.0, MatchKind.None);
        }

        if (variants is not null && qid >= 0 && cid >= 0)
        {
            var support = variants.Support(qid, cid);
            if (support > 0)
            {
                return (support >= 2 ? Weights.VariantSimilarity : Weights.WeakVariantSimilarity, MatchKind.Variant);
            }
        }

        if (q.Nick is not null && c.Nick is not null && Nicknames.Share(q.Nick, c.Nick))
        {
            // Bill and William, Sasha and Aleksandr, Pepe and José: one given name.
            return (Weights.NicknameSimilarity, MatchKind.Variant);
        }

        if (q.Rendering != c.Rendering)
        {
            var rendered = Rendered(q, c);
            if (rendered > 0)
            {
                return (rendered, MatchKind.Phonetic);
            }
        }

        if (q.Syllable && c.Syllable)
        {
            // Romanised Chinese or Korean syllables are whole name parts: the same syllable spelt in another
            // romanisation (xi / hsi, lee / yi / rhee) or a different one (cheng / chong), never "one letter off".
            return RomanSyllables.AreVariants(q.Text, c.Text) ? (Weights.RomanSimilarity, MatchKind.Variant) : (0.0, MatchKind.None);
        }

        // Two words the lists both use (each in two entities or more) and that no list aligns as one name are two names,
        // not a typo of one: Sarah / Salah, Savchenko / Marchenko, Hussain / Hassan. Spelling folds still apply, and so
        // does a plural s (Missile / Missiles).
        var attested = q.Attested && c.Attested;
        var score = 0.0;
        var kind = MatchKind.None;
        var minLen = Math.Min(q.Text.Length, c.Text.Length);
        var maxLen = Math.Max(q.Text.Length, c.Text.Length);
        var budget = attested ? (Plural(q.Text, c.Text) ? 1 : 0) : EditDistance.Budget(minLen);
        if (budget > 0)
        {
            var d = EditDistance.Bounded(q.Text, c.Text, budget);
            if (d <= budget)
            {
                score = 1.0 - ((double)d / maxLen);
                kind = MatchKind.Fuzzy;
            }
        }

        if (score < Weights.RomanSimilarity && minLen >= 2 && string.Equals(q.Roman, c.Roman, StringComparison.Ordinal)
            && !IsRomanNumeral(q.Text) && !IsRomanNumeral(c.Text))
        {
            score = Weights.RomanSimilarity;
            kind = MatchKind.Phonetic;
        }

        if (score < Weights.PhoneticSimilarity && minLen >= 5 && !attested && string.Equals(q.Key, c.Key, StringComparison.Ordinal))
        {
            score = Weights.PhoneticSimilarity;
            kind = MatchKind.Phonetic;
        }

        if (q.Vowelless != c.Vowelless && minLen >= 3 && q.Skeleton.Length >= 3
            && string.Equals(q.Skeleton, c.Skeleton, StringComparison.Ordinal))
        {
            var s = SkeletonScore(q.Skeleton.Length);
            if (s > score)
            {
                score = s;
                kind = MatchKind.Skeleton;
            }
        }

        if (q.Vowelless != c.Vowelless && minLen >= 2 && q.Abjad.Length >= 2
            && string.Equals(q.Abjad, c.Abjad, StringComparison.Ordinal))
        {
            var s = AbjadScore(q.Abjad.Length);
            if (s > score)
            {
                score = s;
                kind = MatchKind.Skeleton;
            }
        }

        if (score < Weights.ShuffledSimilarity && !attested && q.Anagram.Length > 0
            && (string.Equals(q.Anagram, c.Anagram, StringComparison.Ordinal) || TranscriptionKey.Reversed(q.Text, c.Text)))
        {
            // Letters shuffled inside the word (first and last kept) or the word written backwards.
            score = Weights.ShuffledSimilarity;
            kind = MatchKind.Fuzzy;
        }

        return score >= Weights.MinTokenSimilarity ? (score, kind) : (0.0, MatchKind.None);
    }

    /// <summary>A word written in another script against a Latin one: a katakana or Chinese transcription by its
    /// <see cref="TranscriptionKey"/> (equal keys 0.85, one class off 0.75 for keys of five or more with the same first
    /// class), a Khmer word by its consonant skeleton (<see cref="SkeletonScore"/>); in both cases only when the Latin word's
    /// vowels fit the rendering's (<see cref="TranscriptionKey.VowelsFit"/>); 0 otherwise.</summary>
    private static double Rendered(TokenInfo q, TokenInfo c)
    {
        var (other, latin) = q.Rendering != Rendering.Latin ? (q, c) : (c, q);
        if (latin.Rendering != Rendering.Latin)
        {
            return 0;
        }

        if (!TranscriptionKey.VowelsFit(latin.Text, other.Text))
        {
            return 0;
        }

        if (other.Rendering == Rendering.Khmer)
        {
            return other.Skeleton.Length >= 2 && string.Equals(other.Skeleton, latin.Skeleton, StringComparison.Ordinal)
                ? Math.Max(SkeletonScore(other.Skeleton.Length), Weights.SkeletonSimilarity) : 0;
        }

        var a = other.Transcription;
        var b = latin.Transcription;
        var len = Math.Min(a.Length, b.Length);
        if (len < 2)
        {
            return 0;
        }

        if (string.Equals(a, b, StringComparison.Ordinal))
        {
            // Two consonant classes (jiyun ~ chun, fuon ~ won) are too little to tell names apart.
            return len >= 3 ? Weights.TranscriptionSimilarity : 0;
        }

        return len >= 5 && a[0] == b[0] && EditDistance.Bounded(a, b, 1) == 1 ? Weights.SkeletonSimilarity : 0;
    }

    /// <summary>Equal <see cref="PhoneticKey.Abjad"/> keys (one side written in Arabic letters): consonants and long
    /// vowels agree, stronger evidence than the bare skeleton (2 letters 0.8, 3 letters 0.85, 4 or more 0.9).</summary>
    public static double AbjadScore(int length) => Math.Min(Weights.AbjadSimilarity + (0.05 * (length - 4)), Weights.AbjadSimilarity);

    /// <summary>One word is the other with a final s (four letters or more).</summary>
    private static bool Plural(string a, string b) =>
        Math.Abs(a.Length - b.Length) == 1 && Math.Min(a.Length, b.Length) >= 4
        && (a.Length > b.Length ? a[^1] == 's' && a.AsSpan().StartsWith(b) : b[^1] == 's' && b.AsSpan().StartsWith(a));

    /// <summary>Roman numerals (<c>II</c>, <c>XIII</c>) number things apart: no spelling fold between them.</summary>
    private static bool IsRomanNumeral(string text)
    {
        foreach (var ch in text)
        {
            if (ch is not ('i' or 'v' or 'x'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Equal consonant skeletons (one side an abjad transliteration): longer skeletons are stronger
    /// evidence (2 letters 0.7, 3 letters 0.75, 4 letters 0.8, 5 or more 0.85).</summary>
    public static double SkeletonScore(int length) => Math.Min(Weights.SkeletonSimilarity + (0.05 * (length - 3)), 0.85);

    /// <summary>Similarity of a token with the concatenation of two (glued or split names): "ramimakhlouf" ~
    /// "rami" + "makhlouf" by edit distance (at most one edit, first letters equal), or by consonant skeleton when one side is an
    /// abjad transliteration. No allocation unless the lengths make a match possible.</summary>
    public static double Glued(TokenInfo whole, TokenInfo a, TokenInfo b)
    {
        var w = whole.Text;
        var joinedLength = a.Text.Length + b.Text.Length;
        var s = 0.0;
        // Two romanised syllables glue only exactly (jin + ping = jinping): one letter off is another syllable
        // (li + fang is not liang).
        var budget = a.Syllable && b.Syllable ? 0 : Math.Min(1, EditDistance.Budget(Math.Min(w.Length, joinedLength)));
        if (Math.Abs(w.Length - joinedLength) <= budget && w[0] == a.Text[0] && w.AsSpan().StartsWith(a.Text.AsSpan(0, Math.Min(2, a.Text.Length))))
        {
            Span<char> joined = stackalloc char[joinedLength];
            a.Text.CopyTo(joined);
            b.Text.CopyTo(joined[a.Text.Length..]);
            var d = EditDistance.Bounded(w, joined, budget);
            if (d <= budget)
            {
                s = (1.0 - ((double)d / Math.Max(w.Length, joinedLength))) * Weights.GlueFactor;
            }
        }

        if (s < Weights.AbjadSimilarity && AbjadSplit(whole, a, b) && whole.Abjad.Length >= 4
            && SkeletonJoins(whole.Abjad, a.Abjad, b.Abjad))
        {
            s = Math.Max(s, AbjadScore(whole.Abjad.Length) * Weights.GlueFactor);
        }

        if (s < Weights.SkeletonSimilarity && whole.Vowelless != (a.Vowelless && b.Vowelless) && whole.Skeleton.Length >= 5
            && (whole.Vowelless ? whole.Text.Length : joinedLength) >= 6
            && SkeletonJoins(whole.Skeleton, a.Skeleton, b.Skeleton))
        {
            s = Math.Max(s, SkeletonScore(whole.Skeleton.Length) * Weights.GlueFactor);
        }

        return s >= Weights.MinTokenSimilarity ? s : 0.0;
    }

    /// <summary>An Arabic-letter word against a Latin pair, or a Latin word against the article split off an
    /// Arabic-letter word (البرتو → al + brtw ~ alberto).</summary>
    private static bool AbjadSplit(TokenInfo whole, TokenInfo a, TokenInfo b) => whole.Vowelless
        ? !a.Vowelless && !b.Vowelless
        : b.Vowelless && string.Equals(a.Text, "al", StringComparison.Ordinal);

    private static bool SkeletonJoins(string whole, string a, string b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return false;
        }

        var overlap = a[^1] == b[0] ? 1 : 0;
        return whole.Length == a.Length + b.Length - overlap
            && whole.AsSpan().StartsWith(a) && whole.AsSpan(a.Length - overlap).SequenceEqual(b);
    }
}
