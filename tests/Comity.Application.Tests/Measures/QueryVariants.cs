using System.Text;

namespace Comity.Application.Tests.Measures;

/// <summary>Deterministic query variants of listed names for the recall measurement: exact, one or two typos,
/// reordered, partial, glued, and written in Cyrillic.</summary>
internal static class QueryVariants
{
    private static readonly (string Latin, string Cyrillic)[] CyrillicMap =
    [
        ("shch", "щ"), ("sh", "ш"), ("ch", "ч"), ("kh", "х"), ("zh", "ж"), ("ts", "ц"), ("ya", "я"), ("yu", "ю"), ("yo", "ё"),
        ("a", "а"), ("b", "б"), ("v", "в"), ("w", "в"), ("g", "г"), ("d", "д"), ("e", "е"), ("z", "з"), ("i", "и"), ("y", "й"),
        ("k", "к"), ("q", "к"), ("c", "к"), ("l", "л"), ("m", "м"), ("n", "н"), ("o", "о"), ("p", "п"), ("r", "р"), ("s", "с"),
        ("t", "т"), ("u", "у"), ("f", "ф"), ("h", "х"), ("x", "кс"), ("j", "дж"),
    ];

    public static readonly string[] Kinds = ["exact", "typo1", "typo2", "reorder", "partial", "glued", "cyrillic"];

    public static string Make(string name, string kind, Random random)
    {
        var words = name.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries).ToList();
        switch (kind)
        {
            case "typo1":
                return Typo(name, random, 1);
            case "typo2":
                return Typo(name, random, 2);
            case "reorder" when words.Count >= 2:
                words.Reverse();
                return string.Join(' ', words);
            case "partial" when words.Count >= 3:
                words.RemoveAt(random.Next(words.Count));
                return string.Join(' ', words);
            case "glued" when words.Count >= 2:
                var at = random.Next(words.Count - 1);
                words[at] += words[at + 1];
                words.RemoveAt(at + 1);
                return string.Join(' ', words);
            case "cyrillic":
                return ToCyrillic(name);
            default:
                return name;
        }
    }

    private static string Typo(string name, Random random, int edits)
    {
        var chars = new StringBuilder(name);
        for (var e = 0; e < edits; e++)
        {
            var letters = Enumerable.Range(0, chars.Length).Where(i => char.IsAsciiLetter(chars[i])).ToArray();
            if (letters.Length < 4)
            {
                break;
            }

            var i = letters[random.Next(letters.Length)];
            var replacement = (char)('a' + random.Next(26));
            switch (random.Next(4))
            {
                case 0:
                    chars[i] = replacement;
                    break;
                case 1:
                    chars.Remove(i, 1);
                    break;
                case 2:
                    chars.Insert(i, replacement);
                    break;
                default:
                    if (i + 1 < chars.Length && char.IsAsciiLetter(chars[i + 1]))
                    {
                        (chars[i], chars[i + 1]) = (chars[i + 1], chars[i]);
                    }

                    break;
            }
        }

        return chars.ToString();
    }

    private static string ToCyrillic(string name)
    {
        var lower = name.ToLowerInvariant();
        var sb = new StringBuilder(lower.Length);
        var i = 0;
        while (i < lower.Length)
        {
            var matched = false;
            foreach (var (latin, cyrillic) in CyrillicMap)
            {
                if (string.CompareOrdinal(lower, i, latin, 0, latin.Length) == 0)
                {
                    sb.Append(cyrillic);
                    i += latin.Length;
                    matched = true;
                    break;
                }
            }

            if (!matched)
            {
                sb.Append(lower[i]);
                i++;
            }
        }

        return sb.ToString();
    }
}
