using System.Text;

namespace Comity.Core.Text;

/// <summary>Phonetic keys of normalised (ASCII lower-case) tokens, robust to vowel spelling and doubled letters.</summary>
/// <remarks>
/// <see cref="Key"/> keeps consonant classes and marks each vowel group with one <c>a</c>: Mohammed, Muhammad and
/// Mohamed → <c>mahamad</c>; Qadhafi, Gaddafi and Kadhafi → <c>kadafa</c>; Yusuf and Yousef → <c>yasaf</c>; but
/// Mahmoud → <c>mahmad</c> stays apart. <see cref="Skeleton"/> drops vowels entirely, for names written in abjads
/// (Arabic, Hebrew, Persian transliterate without vowels: محمد → mhmd ~ mohammed).
/// </remarks>
internal static class PhoneticKey
{
    public static string Key(string token) => Build(token);

    /// <summary>Coarse consonant skeleton for comparing a vowel-less abjad transliteration with a Latin spelling:
    /// vowels, <c>w</c> and <c>y</c> (written for long vowels in Arabic script) are dropped; b/p, f/v, g/j/k/q/hard c,
    /// d/t, s/z/soft c and the sibilant digraphs (ch, sh, tsh, ts, zh) each fold to one letter. Leonid and
    /// لونيد (lwnyd) → <c>lnt</c>; Grigoryevich and جريجوريفيتش → <c>krkrfs</c>; Mohammed and محمد → <c>mhmt</c>.</summary>
    public static string Skeleton(string token) => Fold(token, keepGlides: false);

    /// <summary>Key for comparing a Latin name with its rendering in Arabic letters "by ear" (long vowels written,
    /// short ones and alif dropped by the transliteration): on the Latin side a word-initial vowel (the alif seat)
    /// and <c>a</c>, <c>e</c> vanish, <c>o</c>/<c>u</c> become <c>w</c> (و), <c>i</c>, <c>ee</c>, <c>ei</c> become
    /// <c>y</c> (ي), <c>c</c> before <c>h</c> becomes <c>tsh</c> (تش); then consonants fold as in <see cref="Skeleton"/>
    /// but <c>w</c> and <c>y</c> are kept. A vowel-less transliteration passes the first step unchanged: Toribio and
    /// توريبيو (twrybyw) → <c>twrybyw</c>; Hazwan and هازوان (hzwn) → <c>hswn</c>; Eyad and اياد (yd) → <c>yt</c>.</summary>
    public static string Abjad(string token) => Fold(Render(token), keepGlides: true);

    /// <summary>Key that folds only the spellings romanisations disagree on, vowels otherwise kept: <c>kh</c> → h
    /// (Cyrillic Х: Khak = Hak), <c>th</c> → t, <c>ph</c> → f, <c>w</c> → v, <c>ou</c> → u, <c>ee</c> and <c>y</c> → i,
    /// <c>c</c> and <c>q</c> → k, <c>x</c> → ks, <c>oo</c> → u, <c>tch</c> → ch, <c>ye</c> → e after a consonant, doubled letters once. Rasool and Rasul, Ruth and Rut, Lee and Li, Hayyeh and Khayekh,
    /// Rock and Rok, Xin and Ksin agree; Kim and Kam do not.</summary>
    public static string Roman(string token)
    {
        var sb = new StringBuilder(token.Length);
        for (var i = 0; i < token.Length; i++)
        {
            var c = token[i];
            var next = i + 1 < token.Length ? token[i + 1] : '\0';
            char o;
            if (next == 'h' && c is 'k' or 't' or 'p')
            {
                o = c switch { 'k' => 'h', 't' => 't', _ => 'f' };
                i++;
            }
            else if ((c == 'o' && next is 'u' or 'o') || (c == 'e' && next == 'e'))
            {
                o = c == 'o' ? 'u' : 'i';
                i++;
            }
            else if (c == 'y' && next == 'e' && i > 0 && token[i - 1] is not ('a' or 'e' or 'i' or 'o' or 'u' or 'y'))
            {
                // A soft sign or iotated е written or not (Prokopyev / Prokopev, Sergeyevich / Sergeevich).
                continue;
            }
            else if (c == 't' && next == 'c' && i + 2 < token.Length && token[i + 2] == 'h')
            {
                // tch and ch (Nikolaevitch / Nikolaevich) are one sound.
                continue;
            }
            else if (c == 'x')
            {
                sb.Append(sb.Length > 0 && sb[^1] == 'k' ? string.Empty : "k");
                o = 's';
            }
            else
            {
                o = c switch { 'w' => 'v', 'y' => 'i', 'c' or 'q' => 'k', _ => c };
            }

            if (sb.Length == 0 || sb[^1] != o)
            {
                sb.Append(o);
            }
        }

        return sb.ToString();
    }

    private static string Render(string t)
    {
        var sb = new StringBuilder(t.Length + 2);
        for (var i = 0; i < t.Length; i++)
        {
            var c = t[i];
            var next = i + 1 < t.Length ? t[i + 1] : '\0';
            if (i == 0 && IsVowel(c))
            {
                continue;
            }

            switch (c)
            {
                case 'a':
                    break;
                case 'e':
                    if (next is 'e' or 'i')
                    {
                        sb.Append('y');
                        i++;
                    }

                    break;
                case 'o' or 'u':
                    sb.Append('w');
                    break;
                case 'i':
                    sb.Append('y');
                    break;
                case 'c':
                    sb.Append(next == 'h' ? "tsh" : "k");
                    i += next == 'h' ? 1 : 0;
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }

        return sb.ToString();
    }

    private static string Fold(string token, bool keepGlides)
    {
        var t = token;
        var sb = new StringBuilder(t.Length);
        var last = '\0';
        for (var i = 0; i < t.Length; i++)
        {
            var c = t[i];
            var next = i + 1 < t.Length ? t[i + 1] : '\0';
            var next2 = i + 2 < t.Length ? t[i + 2] : '\0';
            char o;
            if (IsVowel(c) || (!keepGlides && c is 'y' or 'w'))
            {
                continue;
            }

            if (c == 't' && next is 's' or 'c' && next2 == 'h')
            {
                o = 's';
                i += 2;
            }
            else if (next == 'h' && c is 'c' or 's' or 'z' or 'k' or 'g' or 't' or 'd' or 'p')
            {
                o = c switch { 'c' or 's' or 'z' => 's', 'k' or 'g' => 'k', 't' or 'd' => 't', _ => 'f' };
                i++;
            }
            else if (c == 't' && next is 's' or 'z')
            {
                o = 's';
                i++;
            }
            else
            {
                o = c switch
                {
                    'p' => 'b',
                    'v' => 'f',
                    'g' or 'j' or 'q' => 'k',
                    'c' => next is 'e' or 'i' ? 's' : 'k',
                    'd' => 't',
                    'z' => 's',
                    _ => c,
                };
                if (c == 'x' && last != 'k')
                {
                    sb.Append('k');
                    last = 'k';
                    o = 's';
                }
            }

            if (o != last)
            {
                sb.Append(o);
                last = o;
            }
        }

        return sb.ToString();
    }

    /// <summary>True when a token has no vowel letters a, e, i, o, u (an abjad transliteration or an acronym).</summary>
    public static bool IsVowelless(string token)
    {
        foreach (var c in token)
        {
            if (c is 'a' or 'e' or 'i' or 'o' or 'u')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    private static string Build(string t)
    {
        var sb = new StringBuilder(t.Length);
        var last = '\0';
        for (var i = 0; i < t.Length; i++)
        {
            var c = t[i];
            var next = i + 1 < t.Length ? t[i + 1] : '\0';
            var prev = i > 0 ? t[i - 1] : '\0';
            char o;
            if (char.IsAsciiDigit(c))
            {
                o = c;
            }
            else if (IsVowel(c) || (c == 'y' && i > 0 && !(IsVowel(prev) && IsVowel(next))))
            {
                o = 'a';
            }
            else if (next == 'h' && c is 'p' or 's' or 'c' or 'k' or 'g' or 'd' or 't' or 'z')
            {
                o = c switch { 'p' => 'f', 's' => 's', 'c' => 'x', 'k' => 'h', 'g' => 'k', 'd' => 'd', 't' => 't', _ => 'j' };
                i++;
            }
            else if (c == 'h')
            {
                var keep = i == 0 || (IsVowel(prev) && IsVowel(next));
                if (!keep)
                {
                    continue;
                }

                o = 'h';
            }
            else
            {
                o = c switch
                {
                    'c' => next is 'e' or 'i' or 'y' ? 's' : 'k',
                    'q' or 'g' => 'k',
                    'z' => 's',
                    'w' or 'v' => 'f',
                    'x' => 's',
                    _ => c,
                };
                if (c == 'x' && last != 'k')
                {
                    sb.Append('k');
                    last = 'k';
                }
            }

            if (o != last)
            {
                sb.Append(o);
                last = o;
            }
        }

        return sb.ToString();
    }
}
