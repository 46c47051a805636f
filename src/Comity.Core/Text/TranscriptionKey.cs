using System.Text;

namespace Comity.Core.Text;

/// <summary>How a query wrote a name that is not in Latin letters, when that matters for comparing it.</summary>
internal enum Rendering : byte
{
    /// <summary>Latin letters, or a script whose transliteration spells the name letter by letter.</summary>
    Latin,

    /// <summary>A foreign name transcribed into Japanese katakana (ウラジーミル・プーチン) or Chinese characters joined by a
    /// middle dot (弗拉基米尔·普京): syllables with vowels added after every consonant, l and r one sound, t and d before i
    /// read ch and j. Compared with Latin names by <see cref="TranscriptionKey"/>.</summary>
    Transcribed,

    /// <summary>Khmer script: vowel signs transliterate unreliably (ហ៊ុន → hon for Hun), so words compare by their consonant
    /// skeleton.</summary>
    Khmer,
}

/// <summary>Keys for the scripts issue 9 found unread: a consonant-class key that a Latin name and its katakana or Chinese
/// transcription share (Vladimir and 弗拉基米尔 fu la ji mi er → <c>brtmr</c>; Putin and プーチン puchin → <c>ptn</c>), and an
/// anagram key for letters shuffled within a word.</summary>
/// <remarks>Classes: p; b v w f (ph); t d th ch j zh ts tz (and pinyin q, c); s z sh (and pinyin x); k g hard c q ck (and
/// x → ks); r l; m; n (ng); vowels, y and h dropped, and w and y when a pinyin syllable opens with them; a class repeated
/// is written once. Latin kh is dropped like h (Khamenei → 哈梅内伊 ha mei nei yi).</remarks>
internal static class TranscriptionKey
{
    /// <summary>Key of a Latin-letter word (a listed name).</summary>
    public static string OfLatin(string t)
    {
        var sb = new StringBuilder(t.Length);
        for (var i = 0; i < t.Length; i++)
        {
            var c = t[i];
            var next = i + 1 < t.Length ? t[i + 1] : '\0';
            char o;
            if (next == 'h' && c is 'c' or 's' or 'z' or 't' or 'p' or 'k' or 'g' or 'd')
            {
                o = c switch { 'c' or 't' or 'd' => 't', 'z' => 't', 's' => 's', 'p' => 'b', 'g' => 'k', _ => '\0' };
                i++;
            }
            else
            {
                o = c switch
                {
                    'a' or 'e' or 'i' or 'o' or 'u' or 'y' or 'h' => '\0',
                    'b' or 'v' or 'w' or 'f' => 'b',
                    'd' or 'j' => 't',
                    'z' => 's',
                    'g' or 'q' => 'k',
                    'c' => next is 'e' or 'i' ? 's' : 'k',
                    'l' => 'r',
                    _ => c,
                };
                if (c == 'x')
                {
                    Append(sb, 'k');
                    o = 's';
                }
            }

            Append(sb, o);
        }

        return sb.ToString();
    }

    /// <summary>Key of a word read from katakana or pinyin (the query's transcription).</summary>
    public static string OfTranscribed(string t)
    {
        var sb = new StringBuilder(t.Length);
        for (var i = 0; i < t.Length; i++)
        {
            var c = t[i];
            var next = i + 1 < t.Length ? t[i + 1] : '\0';
            var prev = i > 0 ? t[i - 1] : '\0';
            char o;
            if (next == 'h' && c is 'c' or 's' or 'z')
            {
                o = c == 's' ? 's' : 't';
                i++;
            }
            else if (c == 'n' && next == 'g')
            {
                o = 'n';
                i++;
            }
            else if (c is 'w' or 'y' && (i == 0 || IsVowel(prev)) && IsVowel(next) && next != 'u')
            {
                // A pinyin or kana glide opening a syllable (wu, yi, ya): a vowel, not a consonant.
                o = c == 'w' && next is 'a' or 'e' or 'i' ? 'b' : '\0';
            }
            else
            {
                o = c switch
                {
                    'a' or 'e' or 'i' or 'o' or 'u' or 'y' or 'h' or 'w' => '\0',
                    'b' or 'v' or 'f' => 'b',
                    'd' or 'j' or 'q' or 'c' => 't',
                    'x' or 'z' => 's',
                    'g' or 'k' => 'k',
                    'l' => 'r',
                    _ => c,
                };
            }

            Append(sb, o);
        }

        return sb.ToString();
    }

    /// <summary>True when the vowels of the Latin word, by class (a; e i y; o u), appear in order among the vowels of its
    /// rendering: a transcription adds vowels (Smith → sumisu), it rarely drops or changes one (Seamus is not sumisu).</summary>
    public static bool VowelsFit(string latin, string rendered)
    {
        var j = 0;
        for (var i = 0; i < latin.Length; i++)
        {
            var v = VowelClass(latin[i], i == 0 || !IsVowel(latin[i - 1]), i + 1 < latin.Length && IsVowel(latin[i + 1]));
            if (v == '\0')
            {
                continue;
            }

            while (j < rendered.Length && VowelClass(rendered[j], false, false) != v)
            {
                j++;
            }

            if (j == rendered.Length)
            {
                return false;
            }

            j++;
        }

        return true;
    }

    /// <summary>a; e, i (and y between consonants); o, u; else none (a y before a vowel is a consonant).</summary>
    private static char VowelClass(char c, bool afterConsonant, bool beforeVowel) => c switch
    {
        'a' => 'a',
        'e' or 'i' => 'i',
        'y' when afterConsonant && !beforeVowel => 'i',
        'o' or 'u' => 'u',
        _ => '\0',
    };

    /// <summary>First letter, last letter, inner letters sorted; empty for words under five letters.</summary>
    public static string Anagram(string t)
    {
        if (t.Length < 5)
        {
            return string.Empty;
        }

        Span<char> inner = t.Length <= 64 ? stackalloc char[t.Length] : new char[t.Length];
        t.CopyTo(inner);
        inner[1..^1].Sort();
        return new string(inner);
    }

    /// <summary>True when <paramref name="a"/> is <paramref name="b"/> written backwards (five letters or more).</summary>
    public static bool Reversed(string a, string b)
    {
        if (a.Length != b.Length || a.Length < 5)
        {
            return false;
        }

        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] != b[^(i + 1)])
            {
                return false;
            }
        }

        return true;
    }

    private static void Append(StringBuilder sb, char o)
    {
        if (o != '\0' && (sb.Length == 0 || sb[^1] != o))
        {
            sb.Append(o);
        }
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';
}
