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
            else if (run[0] is >= '\u0370' and <= '\u03FF' or >= '\u1F00' and <= '\u1FFF')
            {
                run = GreekDigraphs(run);
            }
            else if (run[0] is >= '\u0530' and <= '\u058F')
            {
                // Armenian ու is one vowel, u (Ռուիզ → Ruiz).
                run = run.Replace("ու", "u", StringComparison.Ordinal).Replace("Ու", "U", StringComparison.Ordinal).Replace("ՈՒ", "U", StringComparison.Ordinal);
            }
            else if (run[0] is >= '\u0590' and <= '\u05FF')
            {
                run = HebrewLetters(run);
            }
            else if (run[0] is >= '\u0900' and <= '\u097F')
            {
                run = Devanagari(run);
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

    /// <summary>Greek spellings of sounds Greek has no letter for, as Greek passports and press write foreign names: μπ is
    /// b at the start of a word and mb inside, ντ d and nd, γκ g and ng, γγ ng; ου is u; αυ, ευ are av, ev.</summary>
    private static string GreekDigraphs(string run)
    {
        var lower = run.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(lower.Length);
        foreach (var ch in lower)
        {
            if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(ch) != System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                sb.Append(ch);
            }
        }

        var t = sb.ToString();
        sb.Clear();
        for (var i = 0; i < t.Length; i++)
        {
            var c = t[i];
            var next = i + 1 < t.Length ? t[i + 1] : '\0';
            var start = i == 0 || !char.IsLetter(t[i - 1]);
            switch (c, next)
            {
                case ('μ', 'π'):
                    sb.Append(start ? "b" : "mb");
                    i++;
                    break;
                case ('ν', 'τ'):
                    sb.Append(start ? "d" : "nd");
                    i++;
                    break;
                case ('γ', 'κ'):
                    sb.Append(start ? "g" : "ng");
                    i++;
                    break;
                case ('γ', 'γ'):
                    sb.Append("ng");
                    i++;
                    break;
                case ('ο', 'υ'):
                    sb.Append('u');
                    i++;
                    break;
                case ('α' or 'ε', 'υ'):
                    sb.Append(c == 'α' ? "av" : "ev");
                    i++;
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }

        return sb.ToString();
    }

    /// <summary>Hebrew letters whose plain transliteration hides the vowel or sound they write in foreign names: vav is w
    /// (o, u or v: a glide the consonant skeleton drops), het is kh, kaf and qof k, and a geresh after gimel, zayin or tsadi
    /// makes j, zh, ch.</summary>
    private static string HebrewLetters(string run)
    {
        var sb = new StringBuilder(run.Length);
        for (var i = 0; i < run.Length; i++)
        {
            var c = run[i];
            var geresh = i + 1 < run.Length && run[i + 1] is '\'' or '\u05F3';
            string? o = c switch
            {
                'ג' when geresh => "j",
                'ז' when geresh => "zh",
                'צ' or 'ץ' when geresh => "ch",
                'ו' => "w",
                'ח' => "kh",
                'כ' or 'ך' or 'ק' => "k",
                _ => null,
            };
            if (o is null)
            {
                sb.Append(c);
                continue;
            }

            sb.Append(o);
            i += geresh && o is "j" or "zh" or "ch" ? 1 : 0;
        }

        return sb.ToString();
    }

    /// <summary>Devanagari: a consonant with no vowel sign and no virama carries the inherent a inside a word (dropped at the
    /// end of a word, as Hindi speaks it); a nukta makes ज़ z, फ़ f, क़ q, ख़ kh, ग़ gh.</summary>
    private static string Devanagari(string run)
    {
        var sb = new StringBuilder(run.Length * 2);
        for (var i = 0; i < run.Length; i++)
        {
            var c = run[i];
            var nukta = i + 1 < run.Length && run[i + 1] == '\u093C';
            string? o = nukta ? c switch { 'ज' => "z", 'फ' => "f", 'क' => "q", 'ख' => "kh", 'ग' => "gh", _ => null } : null;
            sb.Append(o ?? c.ToString());
            i += nukta ? 1 : 0;
            if (c is >= '\u0915' and <= '\u0939')
            {
                var next = i + 1 < run.Length ? run[i + 1] : '\0';
                var sign = next is >= '\u093E' and <= '\u094D';
                var inWord = next is >= '\u0900' and <= '\u097F' && next is not ('\u0964' or '\u0965');
                if (!sign && inWord)
                {
                    sb.Append('a');
                }
            }
        }

        return sb.ToString();
    }

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
