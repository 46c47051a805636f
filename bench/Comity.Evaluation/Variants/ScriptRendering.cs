using System.Text;
using AnyAscii;

namespace Comity.Evaluation.Variants;

/// <summary>Renders a Latin-script name in Cyrillic or Arabic script the way a clerk would write it by ear: our own
/// small letter maps, longest match first (<c>shch</c>, <c>kh</c>, <c>sh</c> before single letters).</summary>
internal static class ScriptRendering
{
    private static readonly (string Latin, string Cyrillic)[] CyrillicMap =
    [
        ("shch", "щ"), ("sch", "ш"), ("tch", "ч"), ("sh", "ш"), ("ch", "ч"), ("zh", "ж"), ("kh", "х"), ("ts", "ц"),
        ("tz", "ц"), ("ya", "я"), ("yu", "ю"), ("yo", "ё"), ("ye", "е"), ("ph", "ф"), ("th", "т"), ("ou", "у"),
        ("oo", "у"), ("ee", "и"), ("ck", "к"), ("a", "а"), ("b", "б"), ("c", "к"), ("d", "д"), ("e", "е"),
        ("f", "ф"), ("g", "г"), ("h", "х"), ("i", "и"), ("j", "дж"), ("k", "к"), ("l", "л"), ("m", "м"),
        ("n", "н"), ("o", "о"), ("p", "п"), ("q", "к"), ("r", "р"), ("s", "с"), ("t", "т"), ("u", "у"),
        ("v", "в"), ("w", "в"), ("x", "кс"), ("y", "и"), ("z", "з"),
    ];

    private static readonly (string Latin, string Arabic)[] ArabicMap =
    [
        ("kh", "خ"), ("sh", "ش"), ("th", "ث"), ("dh", "ذ"), ("gh", "غ"), ("ch", "تش"), ("ph", "ف"), ("ou", "و"),
        ("oo", "و"), ("ee", "ي"), ("aa", "ا"), ("ck", "ك"), ("ai", "ي"), ("ay", "ي"), ("a", "ا"), ("b", "ب"), ("c", "ك"),
        ("d", "د"), ("f", "ف"), ("g", "ج"), ("h", "ه"), ("i", "ي"), ("j", "ج"), ("k", "ك"), ("l", "ل"),
        ("m", "م"), ("n", "ن"), ("o", "و"), ("p", "ب"), ("q", "ق"), ("r", "ر"), ("s", "س"), ("t", "ت"),
        ("u", "و"), ("v", "ف"), ("w", "و"), ("x", "كس"), ("y", "ي"), ("z", "ز"),
    ];

    /// <summary>True when every letter of <paramref name="name"/> is Latin (ASCII or Latin with diacritics).</summary>
    public static bool IsLatin(string name)
    {
        foreach (var c in name)
        {
            if (char.IsLetter(c) && c > '\u024F')
            {
                return false;
            }
        }

        return name.Any(char.IsAsciiLetter);
    }

    /// <summary>Cyrillic rendering, each word capitalised: <c>MADURO MOROS, Nicolas</c> → <c>Мадуро Морос, Николас</c>.
    /// Word-initial <c>e</c> becomes <c>э</c>, <c>y</c> after a vowel becomes <c>й</c>.</summary>
    public static string ToCyrillic(string latin)
    {
        var words = Words(latin);
        var sb = new StringBuilder();
        foreach (var (word, separator) in words)
        {
            var w = new StringBuilder();
            var i = 0;
            while (i < word.Length)
            {
                if (i == 0 && word[0] == 'e')
                {
                    w.Append('э');
                    i++;
                    continue;
                }

                if (word[i] == 'y' && i > 0 && IsVowel(word[i - 1]) && (i + 1 == word.Length || !IsVowel(word[i + 1])))
                {
                    w.Append('й');
                    i++;
                    continue;
                }

                i += AppendLongest(word, i, CyrillicMap, w);
            }

            if (w.Length > 0)
            {
                w[0] = char.ToUpperInvariant(w[0]);
            }

            sb.Append(w).Append(separator);
        }

        return sb.ToString().Trim();
    }

    /// <summary>Arabic-script rendering: consonants and long vowels written, a medial <c>e</c> left out as a short
    /// vowel, doubled letters written once, the article <c>al</c> joined to the next word (<c>Al-Qaida</c> →
    /// <c>القايدا</c>).</summary>
    public static string ToArabic(string latin)
    {
        var words = Words(latin);
        var sb = new StringBuilder();
        for (var k = 0; k < words.Count; k++)
        {
            var (word, separator) = words[k];
            if (word is "al" or "el" && k + 1 < words.Count)
            {
                sb.Append("ال");
                continue;
            }

            var w = new StringBuilder();
            var i = 0;
            while (i < word.Length)
            {
                if (i > 0 && word[i] == word[i - 1])
                {
                    i++;
                    continue;
                }

                if (word[i] is 'a' or 'e' or 'i' or 'o' or 'u' && i == 0)
                {
                    w.Append('ا');
                    i++;
                    continue;
                }

                if (word[i] == 'e' && !(i + 1 < word.Length && word[i + 1] == 'e'))
                {
                    i++;
                    continue;
                }

                i += AppendLongest(word, i, ArabicMap, w);
            }

            sb.Append(w).Append(separator == ", " ? "، " : separator);
        }

        return sb.ToString().Trim();
    }

    private static int AppendLongest(string word, int i, (string Latin, string Target)[] map, StringBuilder output)
    {
        foreach (var (from, to) in map)
        {
            if (string.CompareOrdinal(word, i, from, 0, from.Length) == 0)
            {
                output.Append(to);
                return from.Length;
            }
        }

        if (char.IsAsciiDigit(word[i]))
        {
            output.Append(word[i]);
        }

        return 1;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    /// <summary>Lower-case ASCII words (apostrophes dropped) with the separator that followed each (space, comma,
    /// hyphen).</summary>
    private static List<(string Word, string Separator)> Words(string latin)
    {
        var ascii = latin.Transliterate();
        var result = new List<(string, string)>();
        var word = new StringBuilder();
        var separator = new StringBuilder();
        foreach (var c in ascii)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (separator.Length > 0)
                {
                    result.Add((word.ToString(), Separator(separator.ToString())));
                    word.Clear();
                    separator.Clear();
                }

                word.Append(char.ToLowerInvariant(c));
            }
            else if (c is not ('\'' or '`') && word.Length > 0)
            {
                separator.Append(c);
            }
        }

        if (word.Length > 0)
        {
            result.Add((word.ToString(), string.Empty));
        }

        return result;
    }

    private static string Separator(string raw) =>
        raw.Contains(',', StringComparison.Ordinal) ? ", " : raw.Contains('-', StringComparison.Ordinal) && !raw.Contains(' ', StringComparison.Ordinal) ? "-" : " ";
}
