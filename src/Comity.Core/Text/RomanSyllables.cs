using System.Collections.Frozen;

namespace Comity.Core.Text;

/// <summary>Romanised Chinese and Korean syllables: each is a whole name part, compared as a unit. Two syllables are
/// the same only when they are spellings of one syllable in the romanisations people use (pinyin / Wade-Giles without
/// apostrophes, Revised / McCune-Reischauer, common Cantonese, Hokkien and Korean surname spellings); otherwise they
/// are different syllables, however few letters differ (cheng ≠ chong, zhu ≠ zhou, ning ≠ ping, feng ≠ peng).</summary>
internal static class RomanSyllables
{
    private static readonly string[] PinyinInitials =
        ["", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "zh", "ch", "sh", "r", "z", "c", "s", "y", "w"];

    private static readonly string[] PinyinFinals =
    [
        "a", "o", "e", "ai", "ei", "ao", "ou", "an", "en", "ang", "eng", "ong", "i", "ia", "ie", "iao", "iu", "ian", "in", "iang",
        "ing", "iong", "u", "ua", "uo", "uai", "ui", "uan", "un", "uang", "ue", "er",
    ];

    /// <summary>Spelling groups of one syllable (a data table, not a rule): Korean surnames and syllables in Revised,
    /// McCune-Reischauer and the forms used in passports; Chinese surnames in Cantonese, Hokkien and older spellings.</summary>
    private static readonly string[][] Groups =
    [
        ["lee", "yi", "i", "rhee", "ri", "rhie", "li", "lie"],
        ["park", "pak", "bak", "bark", "pakk"],
        ["kim", "gim"],
        ["choi", "choe", "chey", "choy"],
        ["jung", "chung", "jeong", "cheong", "chong", "jong"],
        ["kang", "gang"],
        ["cho", "jo", "joe"],
        ["yoon", "yun", "youn"],
        ["jang", "chang"],
        ["lim", "im", "rim"],
        ["shin", "sin", "shinn"],
        ["seo", "suh", "so"],
        ["kwon", "gwon"],
        ["ahn", "an"],
        ["yoo", "yu", "ryu", "ryoo"],
        ["jeon", "chun", "chon", "jun"],
        ["ko", "go", "koh"],
        ["moon", "mun"],
        ["baek", "paek", "paik", "baik"],
        ["heo", "huh", "hur", "ho"],
        ["noh", "roh", "no", "ro"],
        ["kwak", "gwak"],
        ["sung", "seong", "song"],
        ["woo", "u"],
        ["koo", "gu", "ku"],
        ["hyun", "hyon", "hyeon"],
        ["young", "yong", "yeong"],
        ["un", "eun"],
        ["chol", "chul", "cheol"],
        ["hee", "hui", "hi"],
        ["soon", "sun"],
        ["jae", "chae"],
        ["seung", "sung"],
        ["dong", "tong"],
        ["kyung", "gyeong", "kyong"],
        ["chen", "chan"],
        ["wang", "wong"],
        ["huang", "wong", "hwang"],
        ["zhang", "cheung", "chang"],
        ["wu", "woo"],
        ["guo", "kwok", "kuo"],
        ["zhou", "chow", "chau"],
        ["he", "ho"],
        ["lin", "lam"],
        ["liu", "lau", "lao"],
        ["huang", "wong"],
        ["ye", "yip", "yeh"],
        ["xu", "hsu", "hui", "tsui"],
    ];

    private static readonly FrozenSet<string> Syllables = BuildSyllables();

    private static readonly FrozenDictionary<string, int[]> GroupsOf = BuildGroups();

    /// <summary>True for a romanised Chinese or Korean syllable (pinyin, Wade-Giles, Korean romanisations).</summary>
    public static bool IsSyllable(string text) => Syllables.Contains(text);

    /// <summary>True when two different syllables are spellings of one: in one group of the table, or one the
    /// Wade-Giles spelling of the other's pinyin (xi / hsi, zhou / chou, qing / ching, cai / tsai).</summary>
    public static bool AreVariants(string a, string b)
    {
        if (string.Equals(WadeGiles(a), b, StringComparison.Ordinal) || string.Equals(WadeGiles(b), a, StringComparison.Ordinal))
        {
            return true;
        }

        if (GroupsOf.TryGetValue(a, out var ga) && GroupsOf.TryGetValue(b, out var gb))
        {
            foreach (var x in ga)
            {
                if (Array.IndexOf(gb, x) >= 0)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The Wade-Giles spelling (apostrophes dropped, as lists write it) of a pinyin syllable; the input when
    /// no rule applies.</summary>
    public static string WadeGiles(string pinyin)
    {
        var s = pinyin;
        s = s switch
        {
            "zi" => "tzu",
            "ci" => "tzu",
            "si" => "ssu",
            "zhi" => "chih",
            "chi" => "chih",
            "shi" => "shih",
            "ri" => "jih",
            "you" => "yu",
            "yan" => "yen",
            "ye" => "yeh",
            _ => s,
        };
        if (!ReferenceEquals(s, pinyin))
        {
            return s;
        }

        string initial;
        if (s.StartsWith("zh", StringComparison.Ordinal) || s.StartsWith("ch", StringComparison.Ordinal))
        {
            initial = "ch";
            s = s[2..];
        }
        else if (s.StartsWith("sh", StringComparison.Ordinal))
        {
            initial = "sh";
            s = s[2..];
        }
        else if (s.Length > 1 && s[0] is 'j' or 'q')
        {
            initial = "ch";
            s = s[1..];
        }
        else if (s.Length > 1 && s[0] == 'x')
        {
            initial = "hs";
            s = s[1..];
        }
        else if (s.Length > 1 && s[0] is 'z' or 'c')
        {
            initial = "ts";
            s = s[1..];
        }
        else if (s.Length > 1 && s[0] == 'r')
        {
            initial = "j";
            s = s[1..];
        }
        else if (s.Length > 1 && s[0] == 'b')
        {
            initial = "p";
            s = s[1..];
        }
        else if (s.Length > 1 && s[0] == 'd')
        {
            initial = "t";
            s = s[1..];
        }
        else if (s.Length > 1 && s[0] == 'g')
        {
            initial = "k";
            s = s[1..];
        }
        else
        {
            initial = s.Length > 1 && s[0] is 'p' or 't' or 'k' or 'm' or 'f' or 'n' or 'l' or 'h' or 's' or 'y' or 'w' ? s[..1] : string.Empty;
            s = s[initial.Length..];
        }

        var final = s switch
        {
            "ong" => "ung",
            "iong" => "iung",
            "ian" => "ien",
            "ie" => "ieh",
            "e" => initial.Length > 0 ? "o" : "e",
            "uo" => initial is "k" or "h" or "sh" ? "uo" : "o",
            _ => s,
        };
        return initial + final;
    }

    private static FrozenSet<string> BuildSyllables()
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var i in PinyinInitials)
        {
            foreach (var f in PinyinFinals)
            {
                var s = i + f;
                set.Add(s);
                set.Add(WadeGiles(s));
            }
        }

        foreach (var g in Groups)
        {
            set.UnionWith(g);
        }

        set.Remove(string.Empty);
        return set.ToFrozenSet(StringComparer.Ordinal);
    }

    private static FrozenDictionary<string, int[]> BuildGroups()
    {
        var map = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var g = 0; g < Groups.Length; g++)
        {
            foreach (var s in Groups[g])
            {
                if (!map.TryGetValue(s, out var list))
                {
                    map[s] = list = [];
                }

                list.Add(g);
            }
        }

        return map.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
    }
}
