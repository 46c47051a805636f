using System.Text;

namespace Comity.Core.Text;

/// <summary>Turns a name into normalised tokens, identically for list names and query names.</summary>
/// <remarks>Steps: a single comma swaps the halves (<c>MADURO MOROS, Nicolas</c> → <c>Nicolas MADURO MOROS</c>);
/// fold to ASCII lower case (<see cref="Transliteration"/>); apostrophes deleted and periods after single letters
/// deleted (<c>O'Brien</c> → obrien, <c>U.S.A.</c> → usa), other punctuation splits; runs of single letters become
/// one acronym token (<c>A-B-C</c> → abc); leading honorifics, articles and vessel prefixes dropped; abbreviations
/// expanded (<c>COMP</c> → company); legal forms replaced by canonical tokens; particles, patronymics, generic
/// words and numbers tagged.</remarks>
internal static class NameNormalizer
{
    public static NameToken[] Normalize(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return [];
        }

        var words = Tokenize(Transliteration.ToAsciiLower(RotateComma(name)));
        if (words.Count == 0)
        {
            return [];
        }

        var arabic = name.AsSpan().IndexOfAnyInRange('\u0600', '\u06FF') >= 0;
        JoinSingleLetters(words);
        DropLeading(words);
        SplitGluedLegalWords(words);
        for (var i = 0; i < words.Count; i++)
        {
            var w = words[i];
            if (w.Contains("dzh", StringComparison.Ordinal))
            {
                // Cyrillic Дж romanised: Dzhafarov = Jafarov.
                w = w.Replace("dzh", "j", StringComparison.Ordinal);
            }

            if (AbjadLexicon.TryResolve(w, arabic, out var word) || LegalWordSpelling.TryCorrect(w, i, words, out word))
            {
                w = word;
            }

            words[i] = NameLexicon.Abbreviations.TryGetValue(w, out var full) ? full : w;
        }

        return Classify(words);
    }

    private static string RotateComma(string name)
    {
        var comma = name.IndexOf(',', StringComparison.Ordinal);
        if (comma <= 0 || comma != name.LastIndexOf(',') || comma == name.Length - 1)
        {
            return name;
        }

        var after = name.AsSpan(comma + 1).Trim();
        var before = name.AsSpan(0, comma).Trim();
        return after.IsEmpty || before.IsEmpty ? name : string.Concat(after, " ", before);
    }

    private static List<string> Tokenize(string s)
    {
        var words = new List<string>(8);
        var sb = new StringBuilder(16);
        var segment = 0;
        foreach (var c in s)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                sb.Append(c);
                segment++;
            }
            else if (c is '\'' or '`' or '\u00B4')
            {
                // Apostrophes are deleted, not split: O'Brien -> obrien.
            }
            else if (c == '.' && segment == 1)
            {
                // A period after a single letter joins: U.S.A. -> usa.
                segment = 0;
            }
            else
            {
                Flush(words, sb);
                segment = 0;
                if (c == '&')
                {
                    words.Add("and");
                }
            }
        }

        Flush(words, sb);
        return words;
    }

    private static void Flush(List<string> words, StringBuilder sb)
    {
        if (sb.Length > 0)
        {
            words.Add(sb.ToString());
            sb.Clear();
        }
    }

    private static void JoinSingleLetters(List<string> words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            if (!IsSingleLetter(words[i]))
            {
                continue;
            }

            var j = i + 1;
            while (j < words.Count && IsSingleLetter(words[j]))
            {
                j++;
            }

            if (j - i >= 2)
            {
                words[i] = string.Concat(words.GetRange(i, j - i));
                words.RemoveRange(i + 1, j - i - 1);
            }
        }
    }

    private static void SplitGluedLegalWords(List<string> words)
    {
        // "MILESLIMITED" -> "miles limited", "JOINTSTOCK" -> "joint stock", "COMPANYPLASMA" -> "company plasma".
        for (var i = 0; i < words.Count; i++)
        {
            var w = words[i];
            foreach (var prefix in NameLexicon.GluedPrefixes)
            {
                if (w.Length >= prefix.Length + 4 && w.StartsWith(prefix, StringComparison.Ordinal))
                {
                    words[i] = prefix;
                    words.Insert(i + 1, w[prefix.Length..]);
                    w = prefix;
                    break;
                }
            }

            foreach (var suffix in NameLexicon.GluedSuffixes)
            {
                if (w.Length >= suffix.Length + 3 && w.EndsWith(suffix, StringComparison.Ordinal))
                {
                    words[i] = w[..^suffix.Length];
                    words.Insert(i + 1, suffix);
                    break;
                }
            }
        }
    }

    private static bool IsSingleLetter(string w) => w.Length == 1 && char.IsAsciiLetter(w[0]);

    private static void DropLeading(List<string> words)
    {
        while (words.Count > 1 && (NameLexicon.Honorifics.Contains(words[0]) || NameLexicon.VesselPrefixes.Contains(words[0])
            || words[0] == "the"))
        {
            words.RemoveAt(0);
        }
    }

    private static NameToken[] Classify(List<string> words)
    {
        var tokens = new List<NameToken>(words.Count);
        var i = 0;
        while (i < words.Count)
        {
            if (TryLegalForm(words, i, out var legal, out var used))
            {
                tokens.Add(legal);
                i += used;
                continue;
            }

            var w = words[i];
            var cls = w.Length == 1 && char.IsAsciiLetter(w[0]) ? TokenClass.Initial
                : ContainsDigit(w) ? TokenClass.Number
                : NameLexicon.Particles.Contains(w) && words.Count > 1 ? TokenClass.Particle
                : NameLexicon.Stopwords.Contains(w) && words.Count > 1 ? TokenClass.Stopword
                : NameLexicon.Generic.Contains(w) ? TokenClass.Generic
                : i > 0 && NameLexicon.IsPatronymic(w) ? TokenClass.Patronymic
                : TokenClass.Word;
            tokens.Add(new NameToken(w, cls));
            i++;
        }

        return [.. tokens];
    }

    private static bool TryLegalForm(List<string> words, int i, out NameToken token, out int used)
    {
        for (var n = Math.Min(LegalForms.MaxPhraseTokens, words.Count - i); n >= 1; n--)
        {
            var phrase = n == 1 ? words[i] : string.Join(' ', words.GetRange(i, n));
            if (!LegalForms.Phrases.TryGetValue(phrase, out var form))
            {
                continue;
            }

            if (n == 1 && LegalForms.Ambiguous.Contains(phrase) && (words.Count < 2 || (i != 0 && i != words.Count - 1)))
            {
                continue;
            }

            if (n == words.Count && words.Count == 1 && LegalForms.Ambiguous.Contains(phrase))
            {
                continue;
            }

            token = new NameToken(form.Canonical, TokenClass.LegalForm, form.Family);
            used = n;
            return true;
        }

        token = default;
        used = 0;
        return false;
    }

    private static bool ContainsDigit(string w)
    {
        foreach (var c in w)
        {
            if (char.IsAsciiDigit(c))
            {
                return true;
            }
        }

        return false;
    }
}
