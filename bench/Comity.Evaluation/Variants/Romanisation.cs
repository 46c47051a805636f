namespace Comity.Evaluation.Variants;

/// <summary>Alternative Latin romanisations of one name token: known spelling classes (Mohammed/Muhammad,
/// Yusuf/Yousef, Sergei/Sergey...) and letter rules (ou/u, y/i, kh/h, -ov/-off, -ev/-eff, q/k, j/dj, sh/ch).</summary>
internal static class Romanisation
{
    /// <summary>Spellings of one name, any of which may be written for another.</summary>
    public static readonly string[][] Classes =
    [
        ["mohammed", "muhammad", "mohammad", "mohamed", "muhammed", "mohamad", "mohd"],
        ["ahmed", "ahmad"], ["hussein", "husayn", "hussain", "husain", "hossein"], ["hassan", "hasan"],
        ["abdul", "abdel", "abdoul"], ["yusuf", "yousef", "youssef", "yousif"], ["osama", "usama"], ["omar", "umar"],
        ["qadhafi", "gaddafi", "kadhafi", "qaddafi"], ["abdullah", "abdallah", "abdulla"], ["mahmoud", "mahmud"],
        ["mustafa", "mostafa", "moustafa"], ["said", "saeed", "sayed", "sayyid"], ["khalid", "khaled"],
        ["abdulrahman", "abdurrahman", "abderrahmane"], ["ibrahim", "ebrahim"], ["ismail", "ismael", "esmail"],
        ["yasin", "yassin", "yaseen"], ["jamal", "gamal"], ["nasser", "nasir", "naser"], ["hamid", "hamed"],
        ["sergei", "sergey", "serguei"], ["yuri", "yury", "iouri", "yuriy"], ["aleksandr", "alexander", "aleksander", "alexandre"],
        ["aleksei", "alexei", "alexey", "aleksey"], ["dmitri", "dmitry", "dmitriy"], ["nikolai", "nikolay"],
        ["andrei", "andrey"], ["evgeny", "yevgeny", "evgeniy", "yevgeniy"], ["mikhail", "michail"],
        ["vyacheslav", "viacheslav"], ["arkady", "arkadiy", "arkadi"], ["gennady", "gennadiy", "gennadi"],
        ["anatoly", "anatoliy", "anatoli"], ["valery", "valeriy", "valeri"], ["igor", "ihor"], ["oleksandr", "olexandr"],
    ];

    private static readonly (string From, string To)[] Rules =
    [
        ("ou", "u"), ("u", "ou"), ("iy", "y"), ("y", "i"), ("i", "y"), ("kh", "h"), ("kh", "ch"), ("q", "k"),
        ("j", "dj"), ("j", "zh"), ("zh", "j"), ("sh", "ch"), ("sh", "sch"), ("ch", "tch"), ("ee", "i"), ("oo", "u"),
        ("dh", "z"), ("w", "v"), ("v", "w"), ("ph", "f"), ("ts", "tz"), ("ks", "x"), ("x", "ks"),
    ];

    private static readonly (string From, string To)[] EndingRules =
    [
        ("ov", "off"), ("off", "ov"), ("ev", "eff"), ("eff", "ev"), ("sky", "ski"), ("skiy", "sky"),
        ("iy", "i"), ("ei", "ey"), ("ey", "ei"), ("ai", "ay"), ("a", "ah"),
    ];

    private static readonly Dictionary<string, string[]> ClassOf = BuildIndex();

    /// <summary>True when two lower-case tokens are spellings of one name in <see cref="Classes"/>.</summary>
    public static bool SameClass(string a, string b) =>
        ClassOf.TryGetValue(a, out var spellings) && spellings.Contains(b, StringComparer.Ordinal);

    /// <summary>Every alternative spelling of a lower-case ASCII token the rules produce (class members first).</summary>
    public static List<string> Alternatives(string token)
    {
        var result = new List<string>();
        if (ClassOf.TryGetValue(token, out var spellings))
        {
            result.AddRange(spellings.Where(s => !string.Equals(s, token, StringComparison.Ordinal) && s.All(char.IsAsciiLetter)));
            return result;
        }

        if (token.Length < 4)
        {
            return result;
        }

        foreach (var (from, to) in EndingRules)
        {
            if (token.EndsWith(from, StringComparison.Ordinal) && token.Length > from.Length + 2)
            {
                result.Add(token[..^from.Length] + to);
            }
        }

        foreach (var (from, to) in Rules)
        {
            var at = token.IndexOf(from, 1, StringComparison.Ordinal);
            if (at > 0)
            {
                result.Add(string.Concat(token.AsSpan(0, at), to, token.AsSpan(at + from.Length)));
            }
        }

        return result.Distinct(StringComparer.Ordinal).Where(r => !string.Equals(r, token, StringComparison.Ordinal)).ToList();
    }

    private static Dictionary<string, string[]> BuildIndex()
    {
        var index = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var spellings in Classes)
        {
            foreach (var s in spellings)
            {
                index[s] = spellings;
            }
        }

        return index;
    }
}
