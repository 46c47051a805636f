using System.Text;
using Comity.Core.Model;
using Comity.Evaluation.Text;

namespace Comity.Evaluation.Variants;

/// <summary>The variant classes issue 9 lists as misses: nicknames and short forms, numerals written as words (and back),
/// digits typed for letters, acronyms of organisations, a title or office with the given names left out, and letters
/// shuffled or reversed within a word. Each returns null when the class does not apply to the name.</summary>
internal static class HardVariants
{
    private static readonly string[] Titles =
        ["President", "General", "Dr", "Dr.", "Colonel", "Minister", "Prime Minister", "Commander", "Admiral", "Senator", "Judge",
         "Ambassador", "Governor", "Marshal", "Lieutenant General", "Brigadier", "Professor", "Deputy Minister", "Chairman"];

    /// <summary>Number words and their values (cardinal, ordinal), written for this project.</summary>
    public static readonly (int Value, string Cardinal, string Ordinal)[] Numbers =
    [
        (1, "One", "First"), (2, "Two", "Second"), (3, "Three", "Third"), (4, "Four", "Fourth"), (5, "Five", "Fifth"),
        (6, "Six", "Sixth"), (7, "Seven", "Seventh"), (8, "Eight", "Eighth"), (9, "Nine", "Ninth"), (10, "Ten", "Tenth"),
        (11, "Eleven", "Eleventh"), (12, "Twelve", "Twelfth"), (13, "Thirteen", "Thirteenth"), (14, "Fourteen", "Fourteenth"),
        (15, "Fifteen", "Fifteenth"), (16, "Sixteen", "Sixteenth"), (17, "Seventeen", "Seventeenth"), (18, "Eighteen", "Eighteenth"),
        (19, "Nineteen", "Nineteenth"), (20, "Twenty", "Twentieth"), (30, "Thirty", "Thirtieth"), (40, "Forty", "Fortieth"),
        (50, "Fifty", "Fiftieth"), (60, "Sixty", "Sixtieth"), (70, "Seventy", "Seventieth"), (80, "Eighty", "Eightieth"),
        (90, "Ninety", "Ninetieth"), (100, "Hundred", "Hundredth"),
    ];

    private static readonly string[] Roman = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX"];

    /// <summary>Letters people type as digits (leet): o→0, i→1, l→1, e→3, a→4, s→5, t→7, b→8, g→9.</summary>
    private static readonly Dictionary<char, char> Leet = new() { ['o'] = '0', ['i'] = '1', ['l'] = '1', ['e'] = '3', ['a'] = '4', ['s'] = '5', ['t'] = '7', ['b'] = '8', ['g'] = '9' };

    private static readonly HashSet<string> AcronymSkip = new(StringComparer.OrdinalIgnoreCase) { "of", "the", "and", "for", "in", "on", "at", "de", "del", "la", "el", "al", "&", "-" };

    /// <summary>The first given name replaced by a nickname or short form (<see cref="Nicknames"/>).</summary>
    public static string? Nickname(EntityName name, Random rng)
    {
        var p = PersonName.Parse(name);
        for (var g = 0; g < p.Given.Count; g++)
        {
            var forms = Nicknames.Of(p.Given[g]);
            if (forms.Length == 0)
            {
                continue;
            }

            var given = p.Given.ToList();
            var nick = forms[rng.Next(forms.Length)];
            given[g] = p.Given[g].Any(char.IsLower) ? nick : nick.ToUpperInvariant();
            return rng.Next(2) == 0 ? string.Join(' ', given.Concat(p.Family)) : string.Join(' ', p.Family) + ", " + string.Join(' ', given);
        }

        return null;
    }

    /// <summary>A number in the name written another way: digits as a cardinal or ordinal word (<c>17</c> → <c>Seventeen</c>,
    /// <c>2nd</c> → <c>Second</c>), a word as digits, an ordinal as <c>2nd</c>, or a Roman numeral.</summary>
    public static string? Numeral(string full, Random rng)
    {
        var tokens = full.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var options = new List<(int Index, string Replacement)>();
        for (var i = 0; i < tokens.Length; i++)
        {
            var raw = tokens[i];
            var core = raw.Trim(',', '.', '(', ')', '"');
            var lower = core.ToLowerInvariant();
            var upper = !full.Any(char.IsLower);
            string Case(string s) => upper ? s.ToUpperInvariant() : s;
            var digits = lower.TakeWhile(char.IsAsciiDigit).Count();
            if (digits > 0 && digits <= 3 && int.TryParse(lower[..digits], out var value))
            {
                var suffix = lower[digits..];
                var entry = Numbers.FirstOrDefault(n => n.Value == value);
                if (suffix is "" && entry.Value > 0)
                {
                    options.Add((i, raw.Replace(core, Case(entry.Cardinal), StringComparison.Ordinal)));
                    if (value < Roman.Length && tokens.Length > 1)
                    {
                        options.Add((i, raw.Replace(core, Roman[value], StringComparison.Ordinal)));
                    }
                }
                else if (suffix is "st" or "nd" or "rd" or "th" && entry.Value > 0)
                {
                    options.Add((i, raw.Replace(core, Case(entry.Ordinal), StringComparison.Ordinal)));
                }
                else if (suffix.Length == 0 && value > 20 && value < 100 && value % 10 != 0)
                {
                    var tens = Numbers.First(n => n.Value == value / 10 * 10).Cardinal;
                    var ones = Numbers.First(n => n.Value == value % 10).Cardinal;
                    options.Add((i, raw.Replace(core, Case(tens + "-" + ones.ToLowerInvariant()), StringComparison.Ordinal)));
                }

                continue;
            }

            foreach (var (v, cardinal, ordinal) in Numbers)
            {
                if (string.Equals(lower, cardinal, StringComparison.OrdinalIgnoreCase))
                {
                    options.Add((i, raw.Replace(core, v.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)));
                }
                else if (string.Equals(lower, ordinal, StringComparison.OrdinalIgnoreCase))
                {
                    options.Add((i, raw.Replace(core, v.ToString(System.Globalization.CultureInfo.InvariantCulture) + OrdinalSuffix(v), StringComparison.Ordinal)));
                }
            }
        }

        if (options.Count == 0)
        {
            return null;
        }

        var (at, replacement) = options[rng.Next(options.Count)];
        tokens[at] = replacement;
        return string.Join(' ', tokens);
    }

    private static string OrdinalSuffix(int v) => (v % 100) is 11 or 12 or 13 ? "th" : (v % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" };

    /// <summary>One or two letters of words of four letters or more typed as look-alike digits (<c>Vladimir</c> →
    /// <c>Vl4dim1r</c>).</summary>
    public static string? DigitForLetter(string full, Random rng)
    {
        var chars = full.ToCharArray();
        var positions = new List<int>();
        var i = 0;
        while (i < chars.Length)
        {
            if (!char.IsAsciiLetter(chars[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < chars.Length && char.IsAsciiLetter(chars[i]))
            {
                i++;
            }

            if (i - start >= 4)
            {
                for (var k = start + 1; k < i; k++)
                {
                    if (Leet.ContainsKey(char.ToLowerInvariant(chars[k])))
                    {
                        positions.Add(k);
                    }
                }
            }
        }

        if (positions.Count == 0)
        {
            return null;
        }

        var edits = positions.Count >= 4 && rng.Next(2) == 0 ? 2 : 1;
        for (var e = 0; e < edits; e++)
        {
            var at = positions[rng.Next(positions.Count)];
            positions.Remove(at);
            chars[at] = Leet[char.ToLowerInvariant(chars[at])];
        }

        return new string(chars);
    }

    /// <summary>The initials of an organisation's words (legal forms, articles and function words left out), three
    /// letters or more, sometimes followed by the legal form: <c>Islamic Revolutionary Guard Corps</c> → <c>IRGC</c>.</summary>
    public static string? Acronym(string full, Random rng)
    {
        var tokens = full.Split([' ', '-', '/'], StringSplitOptions.RemoveEmptyEntries).Select(t => t.Trim(',', '.', '(', ')', '"', '\'')).Where(t => t.Length > 0).ToList();
        string? legal = null;
        if (LegalForms.Find(tokens) is { } form)
        {
            legal = string.Join(' ', tokens.GetRange(form.Start, form.Length));
            tokens.RemoveRange(form.Start, form.Length);
        }

        var words = tokens.Where(t => !AcronymSkip.Contains(t) && char.IsLetter(t[0])).ToList();
        if (words.Count < 3 || words.Count > 7 || words.Any(w => w.Length < 2 || !w.All(char.IsLetter)))
        {
            return null;
        }

        var acronym = new string(words.Select(w => char.ToUpperInvariant(w[0])).ToArray());
        return legal is not null && rng.Next(3) == 0 ? acronym + " " + legal : acronym;
    }

    /// <summary>A title or office and the family name only: <c>President Putin</c>, <c>General Soleimani</c>.</summary>
    public static string? Title(EntityName name, Random rng)
    {
        var p = PersonName.Parse(name);
        if (p.Given.Count == 0 || p.Family.Count == 0 || p.Family.Any(f => !f.Any(char.IsLetter)))
        {
            return null;
        }

        var family = string.Join(' ', p.Family);
        if (NameKey.Tokens(family).All(t => t.Length < 3))
        {
            return null;
        }

        return Titles[rng.Next(Titles.Length)] + " " + family;
    }

    /// <summary>One word of five letters or more with its inner letters shuffled (first and last kept) or written
    /// backwards.</summary>
    public static string? Shuffle(string full, Random rng)
    {
        var tokens = full.Split(' ');
        var eligible = Enumerable.Range(0, tokens.Length).Where(k => tokens[k].Length >= 5 && tokens[k].All(char.IsLetter)).ToList();
        if (eligible.Count == 0)
        {
            return null;
        }

        var at = eligible[rng.Next(eligible.Count)];
        var word = tokens[at];
        string changed;
        if (rng.Next(3) == 0)
        {
            var reversed = word.Reverse().ToArray();
            changed = char.IsUpper(word[0]) && word.Skip(1).Any(char.IsLower)
                ? char.ToUpperInvariant(reversed[0]) + new string(reversed[1..]).ToLowerInvariant()
                : new string(reversed);
        }
        else
        {
            var inner = word[1..^1].ToCharArray();
            for (var attempt = 0; attempt < 5; attempt++)
            {
                for (var k = inner.Length - 1; k > 0; k--)
                {
                    var j = rng.Next(k + 1);
                    (inner[k], inner[j]) = (inner[j], inner[k]);
                }

                if (!inner.AsSpan().SequenceEqual(word.AsSpan(1, word.Length - 2)))
                {
                    break;
                }
            }

            changed = word[0] + new string(inner) + word[^1];
        }

        if (string.Equals(changed, word, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        tokens[at] = changed;
        var sb = new StringBuilder();
        return sb.AppendJoin(' ', tokens).ToString();
    }
}
