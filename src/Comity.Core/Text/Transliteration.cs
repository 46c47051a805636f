using System.Text;
using AnyAscii;

namespace Comity.Core.Text;

/// <summary>Folds any script to lower-case ASCII: compatibility forms, case, diacritics, and transliteration of
/// Cyrillic, Greek, Arabic, Persian, Hebrew, Han, Hangul, Kana and other scripts (AnyAscii tables).</summary>
/// <remarks>Han, Hangul and Kana characters are syllables: each becomes its own token so that glued and split
/// romanisations (<c>Mao Zedong</c>, <c>Mao Ze Dong</c>) align. A leading Arabic article <c>ال</c> becomes the
/// particle <c>al</c>.</remarks>
internal static class Transliteration
{
    public static string ToAsciiLower(string text)
    {
        var s = text;
        if (!IsAscii(s))
        {
            s = s.Normalize(NormalizationForm.FormKC);
        }

        var sb = new StringBuilder(s.Length + 8);
        var transcribedHan = IsDottedHan(s);
        var i = 0;
        while (i < s.Length)
        {
            var c = s[i];
            if (c < 0x80)
            {
                sb.Append(char.ToLowerInvariant(c));
                i++;
                continue;
            }

            if (IsKatakana(c) || (transcribedHan && IsHan(c)))
            {
                // A katakana word, or Chinese characters transcribing a foreign name (弗拉基米尔·普京): one word, not one
                // token per syllable. The small tsu (doubling) and the long-vowel mark are dropped.
                var from = i;
                while (i < s.Length && (IsKatakana(s[i]) || (transcribedHan && IsHan(s[i]))))
                {
                    i++;
                }

                var word = s[from..i].Replace("ッ", string.Empty, StringComparison.Ordinal).Replace("ー", string.Empty, StringComparison.Ordinal);
                sb.Append(' ').Append(word.Transliterate().ToLowerInvariant()).Append(' ');
                continue;
            }

            if (IsSyllabic(c))
            {
                sb.Append(' ').Append(s.AsSpan(i, 1).ToString().Transliterate().ToLowerInvariant()).Append(' ');
                i++;
                continue;
            }

            var start = i;
            while (i < s.Length && s[i] >= 0x80 && !IsSyllabic(s[i]) && !IsKatakana(s[i]))
            {
                i++;
            }

            var run = s[start..i];
            if (IsArabicLetter(run[0]))
            {
                run = SplitArabicArticles(run);
            }
            else if (run.Contains('ё', StringComparison.Ordinal) || run.Contains('Ё', StringComparison.Ordinal))
            {
                // Ё is "yo" in every romanisation that lists use (Хёк → Hyok, Рёнг → Ryong), not AnyAscii's "e".
                run = run.Replace("ё", "йо", StringComparison.Ordinal).Replace("Ё", "Йо", StringComparison.Ordinal);
            }

            sb.Append(run.Transliterate().ToLowerInvariant());
        }

        return sb.ToString();
    }

    private static bool IsAscii(string s)
    {
        foreach (var c in s)
        {
            if (c >= 0x80)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The name is written in Han, Hangul or hiragana (no Latin letter, not a transcription): every token is a
    /// syllable of a name.</summary>
    public static bool IsSyllabicName(string text)
    {
        var any = false;
        foreach (var c in text)
        {
            if (char.IsAsciiLetter(c) || IsKatakana(c))
            {
                return false;
            }

            any |= IsSyllabic(c);
        }

        return any && !IsDottedHan(text);
    }

    /// <summary>How the name is written, where it matters for comparison (<see cref="Rendering"/>): katakana or Chinese
    /// characters joined by a middle dot are transcriptions of a foreign name; Khmer script; else Latin.</summary>
    public static Rendering RenderingOf(string text)
    {
        var khmer = false;
        foreach (var c in text)
        {
            if (IsKatakana(c))
            {
                return Rendering.Transcribed;
            }

            khmer |= c is >= '\u1780' and <= '\u17FF';
        }

        return IsDottedHan(text) ? Rendering.Transcribed : khmer ? Rendering.Khmer : Rendering.Latin;
    }

    /// <summary>Chinese characters with a middle dot between words (· or ・): the way Chinese writes a foreign name.</summary>
    private static bool IsDottedHan(string text)
    {
        var dot = text.AsSpan().IndexOfAny('\u00B7', '\u30FB', '\u2027');
        return dot > 0 && dot < text.Length - 1 && IsHan(text[dot - 1]) && IsHan(text[dot + 1]);
    }

    private static bool IsHan(char c) => c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or (>= '\uF900' and <= '\uFAFF');

    /// <summary>Katakana letters and the long-vowel mark (the middle dot ・ separates words).</summary>
    private static bool IsKatakana(char c) => c is (>= '\u30A1' and <= '\u30FA') or '\u30FC';

    private static bool IsSyllabic(char c) =>
        c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or (>= '\uAC00' and <= '\uD7A3')
            or (>= '\u3040' and <= '\u309F') or (>= '\uF900' and <= '\uFAFF');

    private static bool IsArabicLetter(char c) => c is >= '\u0600' and <= '\u06FF';

    private static string SplitArabicArticles(string run)
    {
        var sb = new StringBuilder(run.Length + 4);
        for (var i = 0; i < run.Length; i++)
        {
            var atWordStart = i == 0 || !IsArabicLetter(run[i - 1]);
            if (atWordStart && i + 3 < run.Length && run[i] == '\u0627' && run[i + 1] == '\u0644' && IsArabicLetter(run[i + 2]))
            {
                sb.Append("al ");
                i++;
                continue;
            }

            sb.Append(run[i]);
        }

        return sb.ToString();
    }
}
