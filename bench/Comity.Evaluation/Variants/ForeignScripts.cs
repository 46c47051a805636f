using System.Text;
using AnyAscii;

namespace Comity.Evaluation.Variants;

/// <summary>Renders a Latin-script name in Greek, Hebrew, Georgian, Armenian or Devanagari letters the way a clerk would
/// write it by ear (our own small letter maps, longest match first), and in Japanese katakana by the usual transcription
/// of foreign names (consonant + vowel morae, an epenthetic u or o after a lone consonant, n as ン, words joined by ・),
/// with the spellings that vary between writers (ヴ or ブ for v, ジ or ディ for di, チ or ティ for ti, a long-vowel mark or
/// none) drawn at random.</summary>
internal static class ForeignScripts
{
    public static readonly string[] Scripts = ["greek", "hebrew", "georgian", "armenian", "devanagari"];

    private static readonly (string, string)[] Greek =
    [
        ("th", "θ"), ("ch", "χ"), ("kh", "χ"), ("ps", "ψ"), ("ks", "ξ"), ("x", "ξ"), ("ph", "φ"), ("ou", "ου"), ("oo", "ου"), ("ee", "ι"),
        ("sh", "σ"), ("mp", "μπ"), ("b", "μπ"), ("d", "ντ"), ("g", "γκ"), ("j", "τζ"), ("a", "α"), ("c", "κ"), ("e", "ε"), ("f", "φ"),
        ("h", ""), ("i", "ι"), ("k", "κ"), ("l", "λ"), ("m", "μ"), ("n", "ν"), ("o", "ο"), ("p", "π"), ("q", "κ"), ("r", "ρ"),
        ("s", "σ"), ("t", "τ"), ("u", "ου"), ("v", "β"), ("w", "β"), ("y", "ι"), ("z", "ζ"),
    ];

    private static readonly (string, string)[] Hebrew =
    [
        ("sh", "ש"), ("ch", "צ'"), ("kh", "ח"), ("ts", "צ"), ("tz", "צ"), ("th", "ת"), ("ph", "פ"), ("ou", "ו"), ("oo", "ו"), ("ee", "י"),
        ("a", ""), ("b", "ב"), ("c", "ק"), ("d", "ד"), ("e", ""), ("f", "פ"), ("g", "ג"), ("h", "ה"), ("i", "י"), ("j", "ג'"),
        ("k", "ק"), ("l", "ל"), ("m", "מ"), ("n", "נ"), ("o", "ו"), ("p", "פ"), ("q", "ק"), ("r", "ר"), ("s", "ס"), ("t", "ט"),
        ("u", "ו"), ("v", "ו"), ("w", "ו"), ("x", "קס"), ("y", "י"), ("z", "ז"),
    ];

    private static readonly (string, string)[] Georgian =
    [
        ("sh", "შ"), ("ch", "ჩ"), ("kh", "ხ"), ("ts", "ც"), ("zh", "ჟ"), ("gh", "ღ"), ("dz", "ძ"), ("th", "თ"), ("ph", "ფ"),
        ("a", "ა"), ("b", "ბ"), ("c", "კ"), ("d", "დ"), ("e", "ე"), ("f", "ფ"), ("g", "გ"), ("h", "ჰ"), ("i", "ი"), ("j", "ჯ"),
        ("k", "კ"), ("l", "ლ"), ("m", "მ"), ("n", "ნ"), ("o", "ო"), ("p", "პ"), ("q", "ყ"), ("r", "რ"), ("s", "ს"), ("t", "ტ"),
        ("u", "უ"), ("v", "ვ"), ("w", "ვ"), ("x", "ქს"), ("y", "ი"), ("z", "ზ"),
    ];

    private static readonly (string, string)[] Armenian =
    [
        ("sh", "շ"), ("ch", "չ"), ("kh", "խ"), ("ts", "ց"), ("zh", "ժ"), ("gh", "ղ"), ("dz", "ձ"), ("th", "թ"), ("ph", "փ"), ("ou", "ու"),
        ("u", "ու"), ("a", "ա"), ("b", "բ"), ("c", "կ"), ("d", "դ"), ("e", "ե"), ("f", "ֆ"), ("g", "գ"), ("h", "հ"), ("i", "ի"),
        ("j", "ջ"), ("k", "կ"), ("l", "լ"), ("m", "մ"), ("n", "ն"), ("o", "ո"), ("p", "պ"), ("q", "ք"), ("r", "ր"), ("s", "ս"),
        ("t", "տ"), ("v", "վ"), ("w", "վ"), ("x", "քս"), ("y", "յ"), ("z", "զ"),
    ];

    private static readonly (string, string)[] Devanagari =
    [
        ("sh", "श"), ("ch", "च"), ("kh", "ख"), ("gh", "घ"), ("th", "थ"), ("dh", "ध"), ("ph", "फ"), ("bh", "भ"), ("aa", "ा"), ("ee", "ी"),
        ("oo", "ू"), ("ai", "ै"), ("au", "ौ"), ("a", ""), ("b", "ब"), ("c", "क"), ("d", "द"), ("e", "े"), ("f", "फ"), ("g", "ग"),
        ("h", "ह"), ("i", "ि"), ("j", "ज"), ("k", "क"), ("l", "ल"), ("m", "म"), ("n", "न"), ("o", "ो"), ("p", "प"), ("q", "क"),
        ("r", "र"), ("s", "स"), ("t", "त"), ("u", "ु"), ("v", "व"), ("w", "व"), ("x", "क्स"), ("y", "य"), ("z", "ज़"),
    ];

    private static readonly Dictionary<char, string> DevanagariInitialVowel = new() { ['a'] = "अ", ['e'] = "ए", ['i'] = "इ", ['o'] = "ओ", ['u'] = "उ" };

    public static string Render(string script, string latin) => script switch
    {
        "greek" => ByMap(latin, Greek, Capital.Greek),
        "hebrew" => ByMap(latin, Hebrew, Capital.None),
        "georgian" => ByMap(latin, Georgian, Capital.None),
        "armenian" => ByMap(latin, Armenian, Capital.Armenian),
        "devanagari" => ByMap(latin, Devanagari, Capital.Devanagari),
        _ => throw new ArgumentOutOfRangeException(nameof(script)),
    };

    private enum Capital
    {
        None,
        Greek,
        Armenian,
        Devanagari,
    }

    private static string ByMap(string latin, (string, string)[] map, Capital capital)
    {
        var sb = new StringBuilder();
        foreach (var word in Words(latin))
        {
            var w = new StringBuilder();
            var i = 0;
            while (i < word.Length)
            {
                if (capital == Capital.Devanagari && i == 0 && DevanagariInitialVowel.TryGetValue(word[0], out var vowel))
                {
                    w.Append(vowel);
                    i++;
                    continue;
                }

                if (i > 0 && word[i] == word[i - 1])
                {
                    i++;
                    continue;
                }

                var matched = false;
                foreach (var (from, to) in map)
                {
                    if (string.CompareOrdinal(word, i, from, 0, from.Length) == 0)
                    {
                        w.Append(to);
                        i += from.Length;
                        matched = true;
                        break;
                    }
                }

                if (!matched)
                {
                    i++;
                }
            }

            var text = w.ToString();
            if (capital == Capital.Greek && text.EndsWith('σ'))
            {
                text = text[..^1] + "ς";
            }

            if (capital is Capital.Greek or Capital.Armenian && text.Length > 0)
            {
                text = char.ToUpperInvariant(text[0]) + text[1..];
            }

            if (text.Length > 0)
            {
                sb.Append(sb.Length > 0 ? " " : string.Empty).Append(text);
            }
        }

        return sb.ToString();
    }

    // Katakana: rows of (a, i, u, e, o) per consonant.
    private static readonly Dictionary<string, string[]> KanaRows = new(StringComparer.Ordinal)
    {
        [""] = ["ア", "イ", "ウ", "エ", "オ"],
        ["k"] = ["カ", "キ", "ク", "ケ", "コ"],
        ["g"] = ["ガ", "ギ", "グ", "ゲ", "ゴ"],
        ["s"] = ["サ", "シ", "ス", "セ", "ソ"],
        ["z"] = ["ザ", "ジ", "ズ", "ゼ", "ゾ"],
        ["t"] = ["タ", "ティ", "トゥ", "テ", "ト"],
        ["d"] = ["ダ", "ディ", "ドゥ", "デ", "ド"],
        ["n"] = ["ナ", "ニ", "ヌ", "ネ", "ノ"],
        ["h"] = ["ハ", "ヒ", "フ", "ヘ", "ホ"],
        ["b"] = ["バ", "ビ", "ブ", "ベ", "ボ"],
        ["p"] = ["パ", "ピ", "プ", "ペ", "ポ"],
        ["m"] = ["マ", "ミ", "ム", "メ", "モ"],
        ["y"] = ["ヤ", "イ", "ユ", "イエ", "ヨ"],
        ["r"] = ["ラ", "リ", "ル", "レ", "ロ"],
        ["w"] = ["ワ", "ウィ", "ウ", "ウェ", "ウォ"],
        ["f"] = ["ファ", "フィ", "フ", "フェ", "フォ"],
        ["v"] = ["ヴァ", "ヴィ", "ヴ", "ヴェ", "ヴォ"],
        ["j"] = ["ジャ", "ジ", "ジュ", "ジェ", "ジョ"],
        ["ch"] = ["チャ", "チ", "チュ", "チェ", "チョ"],
        ["sh"] = ["シャ", "シ", "シュ", "シェ", "ショ"],
        ["ts"] = ["ツァ", "ツィ", "ツ", "ツェ", "ツォ"],
        ["kh"] = ["ハ", "ヒ", "フ", "ヘ", "ホ"],
        ["zh"] = ["ジャ", "ジ", "ジュ", "ジェ", "ジョ"],
        ["th"] = ["サ", "シ", "ス", "セ", "ソ"],
    };

    private static readonly Dictionary<string, string> KanaLone = new(StringComparer.Ordinal)
    {
        ["k"] = "ク",
        ["g"] = "グ",
        ["s"] = "ス",
        ["z"] = "ズ",
        ["t"] = "ト",
        ["d"] = "ド",
        ["h"] = string.Empty,
        ["b"] = "ブ",
        ["p"] = "プ",
        ["m"] = "ム",
        ["r"] = "ル",
        ["f"] = "フ",
        ["v"] = "ヴ",
        ["j"] = "ジ",
        ["ch"] = "チ",
        ["sh"] = "シュ",
        ["ts"] = "ツ",
        ["kh"] = "フ",
        ["zh"] = "ジュ",
        ["th"] = "ス",
        ["w"] = "ウ",
        ["y"] = "イ",
        ["n"] = "ン",
    };

    /// <summary>Katakana rendering of a Latin name (words joined by ・), with writer-to-writer variation drawn from
    /// <paramref name="rng"/>.</summary>
    public static string Katakana(string latin, Random rng)
    {
        var words = new List<string>();
        var vAsB = rng.Next(2) == 0;
        var oldStyle = rng.Next(2) == 0;
        var longVowels = rng.Next(2) == 0;
        foreach (var raw in Words(latin))
        {
            var word = raw.Replace("ph", "f", StringComparison.Ordinal).Replace("ck", "k", StringComparison.Ordinal)
                .Replace("x", "ks", StringComparison.Ordinal).Replace("q", "k", StringComparison.Ordinal).Replace("c", "k", StringComparison.Ordinal)
                .Replace("l", "r", StringComparison.Ordinal).Replace("dzh", "j", StringComparison.Ordinal);
            var sb = new StringBuilder();
            var i = 0;
            var stressed = false;
            while (i < word.Length)
            {
                var cons = string.Empty;
                foreach (var c in new[] { "sh", "ch", "ts", "kh", "zh", "th" })
                {
                    if (string.CompareOrdinal(word, i, c, 0, 2) == 0)
                    {
                        cons = c;
                        break;
                    }
                }

                if (cons.Length == 0 && !IsVowel(word[i]))
                {
                    cons = word[i].ToString();
                }

                var j = i + cons.Length;
                if (cons.Length > 0 && j < word.Length && word[j] == cons[^1] && cons.Length == 1 && cons is not "n" and not "m" and not "r")
                {
                    // Doubled consonant: a small tsu.
                    sb.Append('ッ');
                    i = j;
                    continue;
                }

                if (j < word.Length && IsVowel(word[j]))
                {
                    var v = "aiueo".IndexOf(word[j] == 'y' ? 'i' : word[j], StringComparison.Ordinal);
                    var key = cons;
                    if (key == "v" && vAsB)
                    {
                        key = "b";
                    }

                    if (!KanaRows.TryGetValue(key, out var row))
                    {
                        row = KanaRows[string.Empty];
                    }

                    var kana = row[v];
                    if (oldStyle && key == "d" && v == 1)
                    {
                        kana = "ジ";
                    }
                    else if (oldStyle && key == "t" && v == 1)
                    {
                        kana = "チ";
                    }

                    sb.Append(kana);
                    j++;
                    if (j < word.Length && word[j] == word[j - 1])
                    {
                        sb.Append('ー');
                        j++;
                    }
                    else if (longVowels && !stressed && sb.Length > 1 && j < word.Length)
                    {
                        sb.Append('ー');
                        stressed = true;
                    }

                    i = j;
                    continue;
                }

                if (cons.Length == 0)
                {
                    i++;
                    continue;
                }

                var lone = cons == "v" && vAsB ? "ブ" : KanaLone.GetValueOrDefault(cons, string.Empty);
                sb.Append(lone);
                i = j;
            }

            if (sb.Length > 0)
            {
                words.Add(sb.ToString());
            }
        }

        return string.Join('・', words);
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';

    private static List<string> Words(string latin)
    {
        var ascii = latin.Transliterate();
        var words = new List<string>();
        var sb = new StringBuilder();
        foreach (var c in ascii)
        {
            if (char.IsAsciiLetter(c))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
            else if (c is not ('\'' or '`') && sb.Length > 0)
            {
                words.Add(sb.ToString());
                sb.Clear();
            }
        }

        if (sb.Length > 0)
        {
            words.Add(sb.ToString());
        }

        return words;
    }
}
