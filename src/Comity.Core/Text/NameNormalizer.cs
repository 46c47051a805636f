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

        for (var i = 0; i < words.Count; i++)
        {
            words[i] = Numerals.LettersForDigits(words[i]);
        }

        var arabic = name.AsSpan().IndexOfAnyInRange('\u0600', '\u06FF') >= 0;
        var cyrillic = name.AsSpan().IndexOfAnyInRange('\u0400', '\u04FF') >= 0;
        // 이수빈 → i su bin: in Han, Hangul or Kana every syllable is a name part (이 is the surname Lee, not an initial;
        // 빈 is not the particle bin), and single letters are not initials to join.
        var syllabic = Transliteration.IsSyllabicName(name);
        if (!syllabic)
        {
            JoinSingleLetters(words);
        }

        DropLeading(words);
        SplitGluedLegalWords(words);
        Numerals.Rewrite(words);
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

            if (i > 0 && IsScriptCo(w, cyrillic, arabic))
            {
                w = "co";
            }

            words[i] = NameLexicon.Abbreviations.TryGetValue(w, out var full) ? full : w;
        }

        return Classify(words, syllabic);
    }

    /// <summary>Ко or كو (folded to <c>ko</c>, <c>kw</c>) is Co. written in Cyrillic or Arabic letters (Калан Киш Шиппинг
    /// Ко = Kalan Kish Shipping Co). The caller applies it only after a name's first word, where Ко is the Korean family
    /// name Ko.</summary>
    private static bool IsScriptCo(string word, bool cyrillic, bool arabic) =>
        (cyrillic && string.Equals(word, "ko", StringComparison.Ordinal)) || (arabic && string.Equals(word, "kw", StringComparison.Ordinal));

    /// <summary>A person query's tokens without the offices and ranks before the name (<see cref="NameLexicon.Offices"/>):
    /// <c>President Putin</c> → <c>putin</c>. At least one token stays.</summary>
    public static NameToken[] DropOffices(NameToken[] tokens)
    {
        var drop = 0;
        while (tokens.Length - drop > 1 && NameLexicon.Offices.Contains(tokens[drop].Text))
        {
            drop++;
        }

        return drop == 0 ? tokens : tokens[drop..];
    }

    /// <summary>True when the name begins with an office or rank (<c>President</c>, <c>General</c>, <c>Minister</c>) followed
    /// by more of the name. Courtesy titles anyone may bear (<c>Mr</c>, <c>Dr</c>, <c>Father</c>, <c>Captain</c>) do not count:
    /// a family name after them is as weak as a family name alone.</summary>
    public static bool StartsWithTitle(string name)
    {
        var start = 0;
        while (start < name.Length && !char.IsLetter(name[start]))
        {
            start++;
        }

        var end = start;
        while (end < name.Length && char.IsLetter(name[end]))
        {
            end++;
        }

        if (end == start || end >= name.Length || end - start > 16)
        {
            return false;
        }

        Span<char> word = stackalloc char[end - start];
        name.AsSpan(start, end - start).ToLowerInvariant(word);
        var lookup = NameLexicon.Offices.GetAlternateLookup<ReadOnlySpan<char>>();
        var courtesy = NameLexicon.CourtesyTitles.GetAlternateLookup<ReadOnlySpan<char>>();
        return lookup.Contains(word) && !courtesy.Contains(word);
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
        // One pass into a new list (no RemoveRange per run): linear in the number of words.
        List<string>? joined = null;
        for (var i = 0; i < words.Count;)
        {
            var j = i + 1;
            if (IsSingleLetter(words[i]))
            {
                while (j < words.Count && IsSingleLetter(words[j]))
                {
                    j++;
                }
            }

            if (j - i >= 2)
            {
                joined ??= words.GetRange(0, i);
                joined.Add(string.Concat(words.GetRange(i, j - i)));
            }
            else
            {
                joined?.Add(words[i]);
            }

            i = j;
        }

        if (joined is not null)
        {
            words.Clear();
            words.AddRange(joined);
        }
    }

    private static void SplitGluedLegalWords(List<string> words)
    {
        // "MILESLIMITED" -> "miles limited", "JOINTSTOCK" -> "joint stock", "COMPANYPLASMA" -> "company plasma".
        // A split-off remainder is examined again (COMPANYCOMPANYPLASMA); pieces are ranges of the word until they
        // are emitted, so a long word costs time linear in its length.
        var output = new List<string>(words.Count + 2);
        var pending = new Stack<(string Text, int Start, int End)>();
        for (var k = words.Count - 1; k >= 0; k--)
        {
            pending.Push((words[k], 0, words[k].Length));
        }

        while (pending.Count > 0)
        {
            var (text, start, end) = pending.Pop();
            var w = text.AsSpan(start, end - start);
            (string, int, int)? rest = null;
            foreach (var prefix in NameLexicon.GluedPrefixes)
            {
                if (w.Length >= prefix.Length + 4 && w.StartsWith(prefix, StringComparison.Ordinal))
                {
                    rest = (text, start + prefix.Length, end);
                    (text, start, end) = (prefix, 0, prefix.Length);
                    w = prefix;
                    break;
                }
            }

            string? suffixWord = null;
            foreach (var suffix in NameLexicon.GluedSuffixes)
            {
                if (w.Length >= suffix.Length + 3 && w.EndsWith(suffix, StringComparison.Ordinal))
                {
                    suffixWord = suffix;
                    end -= suffix.Length;
                    break;
                }
            }

            output.Add(start == 0 && end == text.Length ? text : text[start..end]);
            if (rest is { } r)
            {
                pending.Push(r);
            }

            if (suffixWord is not null)
            {
                pending.Push((suffixWord, 0, suffixWord.Length));
            }
        }

        words.Clear();
        words.AddRange(output);
    }

    private static bool IsSingleLetter(string w) => w.Length == 1 && char.IsAsciiLetter(w[0]);

    private static void DropLeading(List<string> words)
    {
        var drop = 0;
        while (words.Count - drop > 1 && (NameLexicon.Honorifics.Contains(words[drop]) || NameLexicon.VesselPrefixes.Contains(words[drop])
            || words[drop] == "the"))
        {
            drop++;
        }

        words.RemoveRange(0, drop);
    }

    private static NameToken[] Classify(List<string> words, bool syllabic)
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
            var cls = syllabic ? (NameLexicon.Generic.Contains(w) ? TokenClass.Generic : ContainsDigit(w) ? TokenClass.Number : TokenClass.Word)
                : w.Length == 1 && char.IsAsciiLetter(w[0]) ? TokenClass.Initial
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
