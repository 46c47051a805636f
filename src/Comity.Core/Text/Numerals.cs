using System.Collections.Frozen;
using System.Globalization;

namespace Comity.Core.Text;

/// <summary>Numbers written as words or digits, read as one value (issue 9, "numerals and words"): English cardinals and
/// ordinals (<c>Seventeen</c>, <c>Second</c>), compound tens (<c>ninety six</c>), ordinal digits (<c>2nd</c>, <c>21st</c>)
/// and Roman numerals of two letters or more (<c>II</c>, <c>XIV</c>; <c>vi</c> and <c>xi</c> are names, not numbers) all
/// become the digits; and digits typed for letters inside a word (<c>Vl4dim1r</c>, <c>GM8H</c>) become the letters
/// (0 o, 1 i, 3 e, 4 a, 5 s, 7 t, 8 b, 9 g), when the word has three letters or more and the digit stands alone.</summary>
internal static class Numerals
{
    private static readonly FrozenDictionary<string, int> Words = BuildWords();

    private static readonly FrozenDictionary<string, int> RomanNumerals = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["ii"] = 2,
        ["iii"] = 3,
        ["iv"] = 4,
        ["vii"] = 7,
        ["viii"] = 8,
        ["ix"] = 9,
        ["xii"] = 12,
        ["xiii"] = 13,
        ["xiv"] = 14,
        ["xv"] = 15,
        ["xvi"] = 16,
        ["xvii"] = 17,
        ["xviii"] = 18,
        ["xix"] = 19,
        ["xx"] = 20,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Rewrites number words, ordinal suffixes and Roman numerals in place; joins a tens word and a ones word
    /// (<c>ninety six</c> → <c>96</c>). Roman numerals only in names of two words or more.</summary>
    public static void Rewrite(List<string> words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            var w = words[i];
            if (TryValue(w, words.Count, out var value))
            {
                if (value is >= 20 and < 100 && value % 10 == 0 && i + 1 < words.Count && Words.TryGetValue(words[i + 1], out var ones) && ones is > 0 and < 10)
                {
                    value += ones;
                    words.RemoveAt(i + 1);
                }

                words[i] = value.ToString(CultureInfo.InvariantCulture);
            }
        }
    }

    private static bool TryValue(string w, int wordCount, out int value)
    {
        if (Words.TryGetValue(w, out value))
        {
            return true;
        }

        if (wordCount >= 2 && RomanNumerals.TryGetValue(w, out value))
        {
            return true;
        }

        // 2nd, 21st, 3rd, 17th.
        if (w.Length >= 3 && char.IsAsciiDigit(w[0]) && (w.EndsWith("st", StringComparison.Ordinal) || w.EndsWith("nd", StringComparison.Ordinal)
            || w.EndsWith("rd", StringComparison.Ordinal) || w.EndsWith("th", StringComparison.Ordinal)))
        {
            var digits = w.AsSpan(0, w.Length - 2);
            if (digits.Length is > 0 and <= 4 && !digits.ContainsAnyExceptInRange('0', '9'))
            {
                value = int.Parse(digits, CultureInfo.InvariantCulture);
                return true;
            }
        }

        value = 0;
        return false;
    }

    /// <summary>Digits typed for letters inside a word (<c>vl4dim1r</c> → <c>vladimir</c>): a digit with no digit beside it,
    /// in a word of three letters or more; unchanged otherwise.</summary>
    public static string LettersForDigits(string w)
    {
        var letters = 0;
        var digits = false;
        foreach (var c in w)
        {
            letters += char.IsAsciiLetter(c) ? 1 : 0;
            digits |= char.IsAsciiDigit(c);
        }

        if (!digits || letters < 3)
        {
            return w;
        }

        Span<char> chars = w.Length <= 64 ? stackalloc char[w.Length] : new char[w.Length];
        w.CopyTo(chars);
        var changed = false;
        for (var i = 0; i < chars.Length; i++)
        {
            var c = chars[i];
            if (!char.IsAsciiDigit(c) || (i > 0 && char.IsAsciiDigit(w[i - 1])) || (i + 1 < w.Length && char.IsAsciiDigit(w[i + 1])))
            {
                continue;
            }

            var letter = c switch { '0' => 'o', '1' => 'i', '3' => 'e', '4' => 'a', '5' => 's', '7' => 't', '8' => 'b', '9' => 'g', _ => '\0' };
            if (letter != '\0')
            {
                chars[i] = letter;
                changed = true;
            }
        }

        return changed && !chars.ContainsAnyInRange('0', '9') ? new string(chars) : w;
    }

    private static FrozenDictionary<string, int> BuildWords()
    {
        string[] cardinals =
        [
            "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
            "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
        ];
        string[] ordinals =
        [
            "zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth",
            "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
        ];
        string[] tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
        string[] tensOrdinal = ["twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth", "ninetieth"];
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 1; i < cardinals.Length; i++)
        {
            map[cardinals[i]] = i;
            map[ordinals[i]] = i;
        }

        for (var i = 0; i < tens.Length; i++)
        {
            map[tens[i]] = (i + 2) * 10;
            map[tensOrdinal[i]] = (i + 2) * 10;
        }

        map["hundred"] = 100;
        map["hundredth"] = 100;
        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
