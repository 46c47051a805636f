using System.Collections.Frozen;

namespace Comity.Core.Text;

/// <summary>Corrects one typing error in the words of legal-form phrases (<c>LIMOTED LIABILITY COMPANY</c>,
/// <c>JIONT STOCK</c>, <c>OBSHCHETVO</c>) so that the phrase is still recognised.</summary>
/// <remarks>Only words of five letters or more that no lexicon knows, one edit (or transposition) from exactly one
/// legal-form word of five letters or more with the same first or second letter; two edits for words of eight
/// letters or more next to a legal-form word.</remarks>
internal static class LegalWordSpelling
{
    private static readonly FrozenSet<string> Words = Build();
    private static readonly FrozenSet<string> PhraseWords = LegalForms.Phrases.Keys.SelectMany(p => p.Split(' ')).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Corrects <paramref name="words"/>[<paramref name="index"/>] when the correction is a legal form on
    /// its own (<c>limoted</c> → limited) or a neighbouring word is a legal-form word too (<c>jiont stock</c>), not
    /// otherwise (<c>Stack Holdings</c> stays).</summary>
    /// <remarks>Next to a legal-form word, words of eight letters or more may carry two errors from a legal-form word
    /// of nine letters or more (<c>liabioty</c> → liability).</remarks>
    public static bool TryCorrect(string word, int index, List<string> words, out string corrected)
    {
        var besideLegal = (index > 0 && IsLegalWord(words[index - 1]))
            || (index + 1 < words.Count && (IsLegalWord(words[index + 1]) || TryCorrect(words[index + 1], 1, out _)));
        if (TryCorrect(word, 1, out corrected) && (besideLegal || LegalForms.Phrases.ContainsKey(corrected)))
        {
            return true;
        }

        if (besideLegal && word.Length >= 8 && TryCorrect(word, 2, out corrected) && corrected.Length >= 9)
        {
            return true;
        }

        corrected = word;
        return false;
    }

    private static bool IsLegalWord(string w) => Words.Contains(w) || PhraseWords.Contains(w);

    private static bool TryCorrect(string word, int maxEdits, out string corrected)
    {
        corrected = word;
        if (word.Length < 5 || Words.Contains(word) || NameLexicon.Abbreviations.ContainsKey(word)
            || NameLexicon.Generic.Contains(word) || !IsLetters(word))
        {
            return false;
        }

        string? hit = null;
        foreach (var w in Words)
        {
            if (Math.Abs(w.Length - word.Length) > maxEdits || (w[0] != word[0] && w[1] != word[1])
                || EditDistance.Bounded(word, w, maxEdits) > maxEdits)
            {
                continue;
            }

            if (hit is not null)
            {
                return false;
            }

            hit = w;
        }

        if (hit is null)
        {
            return false;
        }

        corrected = hit;
        return true;
    }

    private static bool IsLetters(string word)
    {
        foreach (var c in word)
        {
            if (!char.IsAsciiLetterLower(c))
            {
                return false;
            }
        }

        return true;
    }

    private static FrozenSet<string> Build()
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var phrase in LegalForms.Phrases.Keys)
        {
            foreach (var w in phrase.Split(' '))
            {
                if (w.Length >= 5)
                {
                    words.Add(w);
                }
            }
        }

        words.Add("company");
        return words.ToFrozenSet(StringComparer.Ordinal);
    }
}
