using System.Text;
using Comity.Core.Model;
using Comity.Evaluation.Pairs;
using Comity.Evaluation.Text;

namespace Comity.Evaluation.Variants;

/// <summary>Makes one realistic query variant of a listed Latin-script name. Returns null when the kind does not apply
/// to the name (a one-word name has no middle name to drop) or the name is not in Latin script.</summary>
internal static class NameVariants
{
    private static readonly string[] ArabicMale = ["Ahmed", "Ali", "Mohammed", "Hassan", "Abdullah", "Omar"];
    private static readonly string[] ArabicFemale = ["Fatima", "Aisha", "Mariam", "Zainab"];
    private static readonly string[] WesternMale = ["John", "Alexander", "Jose", "Michael", "Paul", "David"];
    private static readonly string[] WesternFemale = ["Maria", "Anna", "Elizabeth", "Marie", "Louise"];
    private static readonly string[] PatronymicEndings = ["vich", "vych", "vna", "ovna", "evna", "ichna", "ogly", "oglu", "kyzy", "qizi", "uly"];
    private static readonly string[] Particles = ["al", "el", "abu", "abd", "bin", "ibn", "bint", "van", "de", "da", "del", "la", "le", "mac", "mc", "ul", "ud"];

    public static string? Make(string kind, EntityName name, Schema schema, Random rng, Gender gender = Gender.Unknown)
    {
        var full = name.Full.Trim();
        if (!ScriptRendering.IsLatin(full))
        {
            return null;
        }

        var person = schema == Schema.Person;
        var variant = kind switch
        {
            PairKinds.TranslitCyrillic => ScriptRendering.ToCyrillic(Display(name, person)),
            PairKinds.TranslitArabic => ScriptRendering.ToArabic(Display(name, person)),
            PairKinds.Romanisation => Romanise(full, rng),
            PairKinds.Reorder => person ? ReorderPerson(name) : schema.IsOrganization() || schema == Schema.LegalEntity ? ReorderOrganization(full) : null,
            PairKinds.MiddleMissing => person ? DropMiddle(name, rng) : null,
            PairKinds.MiddleExtra => person ? AddMiddle(name, gender, rng) : null,
            PairKinds.Initials => person ? Initials(name, rng) : null,
            PairKinds.Typo1 => Typos.Apply(full, 1, rng),
            PairKinds.Typo2 => NameKey.Normalized(full).Count(char.IsLetter) >= 8 ? Typos.Apply(full, 2, rng) : null,
            PairKinds.LegalForm => person ? null : ChangeLegalForm(full, rng),
            PairKinds.Punctuation => Punctuate(full, rng),
            PairKinds.Glued => Glue(full, rng),
            PairKinds.Nickname => person ? HardVariants.Nickname(name, rng) : null,
            PairKinds.Numeral => HardVariants.Numeral(full, rng),
            PairKinds.DigitLetter => HardVariants.DigitForLetter(full, rng),
            PairKinds.Acronym => schema.IsOrganization() ? HardVariants.Acronym(full, rng) : null,
            PairKinds.Title => person ? HardVariants.Title(name, rng) : null,
            PairKinds.Shuffled => HardVariants.Shuffle(full, rng),
            PairKinds.TranslitOther => ForeignScripts.Render(ForeignScripts.Scripts[rng.Next(ForeignScripts.Scripts.Length)], Display(name, person)),
            PairKinds.Katakana => ForeignScripts.Katakana(Display(name, person), rng),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a variant kind"),
        };
        if (variant is null || string.Equals(variant, full, StringComparison.Ordinal) || NameKey.Tokens(variant).Length == 0)
        {
            return null;
        }

        var sameKey = string.Equals(NameKey.Normalized(variant), NameKey.Normalized(full), StringComparison.Ordinal);
        return kind == PairKinds.Punctuation || !sameKey ? variant : null;
    }

    /// <summary>The name as a person would write it: <c>Nicolas Maduro Moros</c> for <c>MADURO MOROS, Nicolas</c>.</summary>
    private static string Display(EntityName name, bool person) =>
        person && name.Full.Contains(',', StringComparison.Ordinal) ? PersonName.Parse(name).Natural : name.Full;

    private static string? Romanise(string full, Random rng)
    {
        var options = new List<(int Index, int Length, string Replacement)>();
        var classOptions = new List<(int Index, int Length, string Replacement)>();
        foreach (var word in Words(full))
        {
            var core = full.Substring(word.Index, word.Length);
            if (core.Length < 3 || !core.All(char.IsAsciiLetter))
            {
                continue;
            }

            var lower = core.ToLowerInvariant();
            foreach (var alt in Romanisation.Alternatives(lower))
            {
                (Romanisation.SameClass(lower, alt) ? classOptions : options).Add((word.Index, word.Length, MatchCase(core, alt)));
            }
        }

        var pool = classOptions.Count > 0 && rng.Next(2) == 0 ? classOptions : options.Count > 0 ? options : classOptions;
        if (pool.Count == 0)
        {
            return null;
        }

        var (index, length, value) = pool[rng.Next(pool.Count)];
        return string.Concat(full.AsSpan(0, index), value, full.AsSpan(index + length));
    }

    /// <summary>Runs of letters: (start, length).</summary>
    private static List<(int Index, int Length)> Words(string text)
    {
        var words = new List<(int, int)>();
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetter(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && char.IsLetter(text[i]))
            {
                i++;
            }

            words.Add((start, i - start));
        }

        return words;
    }

    private static string? ReorderPerson(EntityName name)
    {
        var p = PersonName.Parse(name);
        if (p.Given.Count == 0)
        {
            return null;
        }

        return name.Full.Contains(',', StringComparison.Ordinal) ? p.Natural : p.FamilyFirst;
    }

    private static string? ReorderOrganization(string full)
    {
        var tokens = full.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        var form = LegalForms.Find(tokens);
        var end = form is { } f ? f.Start : tokens.Count;
        var start = form is { Start: 0 } g ? g.Length : 0;
        if (end - start < 2)
        {
            return null;
        }

        (tokens[start], tokens[start + 1]) = (tokens[start + 1], tokens[start]);
        return string.Join(' ', tokens);
    }

    private static string? DropMiddle(EntityName name, Random rng)
    {
        var p = PersonName.Parse(name);
        if (p.Given.Count >= 2)
        {
            var given = p.Given.ToList();
            given.RemoveAt(1 + rng.Next(given.Count - 1));
            return Write(name, given, p.Family);
        }

        if (p.Given.Count == 1 && p.Family.Count >= 2)
        {
            return Write(name, p.Given, p.Family.Take(p.Family.Count - 1).ToList());
        }

        return null;
    }

    /// <summary>Adds a common middle name of the person's gender (none when the list gives no gender) after the
    /// given names, before a patronymic.</summary>
    private static string? AddMiddle(EntityName name, Gender gender, Random rng)
    {
        var p = PersonName.Parse(name);
        if (p.Given.Count == 0 || gender is not (Gender.Male or Gender.Female))
        {
            return null;
        }

        var tokens = NameKey.Tokens(name.Full);
        var arabic = tokens.Any(t => t is "al" or "abu" or "bin" or "ibn" or "abd" or "abdul" or "el"
            || Romanisation.SameClass(t, "mohammed") || Romanisation.SameClass(t, "ahmed"));
        var pool = (arabic, gender) switch
        {
            (true, Gender.Male) => ArabicMale,
            (true, _) => ArabicFemale,
            (false, Gender.Male) => WesternMale,
            _ => WesternFemale,
        };
        var extra = pool[rng.Next(pool.Length)];
        if (tokens.Contains(extra.ToLowerInvariant(), StringComparer.Ordinal))
        {
            return null;
        }

        var given = p.Given.ToList();
        var at = given.Count;
        if (at > 1 && PatronymicEndings.Any(e => given[^1].EndsWith(e, StringComparison.OrdinalIgnoreCase)))
        {
            at--;
        }

        given.Insert(at, given.All(g => !g.Any(char.IsLower)) ? extra.ToUpperInvariant() : extra);
        return Write(name, given, p.Family);
    }

    private static string? Initials(EntityName name, Random rng)
    {
        var p = PersonName.Parse(name);
        if (p.Given.Count == 0 || p.Given.Any(g => !char.IsLetter(g[0])))
        {
            return null;
        }

        if (p.Given.Count >= 2 && rng.Next(2) == 0)
        {
            var given = new List<string> { p.Given[0] };
            given.AddRange(p.Given.Skip(1).Select(g => char.ToUpperInvariant(g[0]) + "."));
            return string.Join(' ', given.Concat(p.Family));
        }

        return char.ToUpperInvariant(p.Given[0][0]) + ". " + string.Join(' ', p.Family);
    }

    private static string? ChangeLegalForm(string full, Random rng)
    {
        var tokens = full.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (LegalForms.Find(tokens) is not { } form || tokens.Count == form.Length)
        {
            return null;
        }

        var current = string.Join(' ', LegalForms.Key(string.Join(' ', tokens.GetRange(form.Start, form.Length))));
        var others = form.Group.Where(m => !string.Equals(string.Join(' ', LegalForms.Key(m)), current, StringComparison.Ordinal)).ToArray();
        if (others.Length == 0)
        {
            return null;
        }

        var replacement = others[rng.Next(others.Length)];
        if (!full.Any(char.IsLower))
        {
            replacement = replacement.ToUpperInvariant();
        }

        var trailing = tokens[form.Start + form.Length - 1].EndsWith(',') ? "," : string.Empty;
        tokens.RemoveRange(form.Start, form.Length);
        tokens.Insert(form.Start, replacement + trailing);
        return string.Join(' ', tokens);
    }

    private static string Punctuate(string full, Random rng)
    {
        switch (rng.Next(4))
        {
            case 0:
                {
                    var sb = new StringBuilder();
                    foreach (var c in full)
                    {
                        sb.Append(c is '-' or '/' ? ' ' : char.IsPunctuation(c) ? '\0' : c);
                    }

                    return Collapse(sb.ToString().Replace("\0", string.Empty, StringComparison.Ordinal));
                }

            case 1:
                return full.ToLowerInvariant().Replace(" ", "  ", StringComparison.Ordinal);
            case 2:
                {
                    var tokens = full.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    if (tokens.Length < 2)
                    {
                        return full.ToLowerInvariant();
                    }

                    var joints = Enumerable.Range(0, tokens.Length - 1).Where(k => char.IsLetterOrDigit(tokens[k][^1])).ToArray();
                    if (joints.Length == 0)
                    {
                        return full.ToLowerInvariant();
                    }

                    var at = joints[rng.Next(joints.Length)];
                    return string.Join(' ', tokens.Take(at)) + (at > 0 ? " " : string.Empty) + tokens[at] + "-" + string.Join(' ', tokens.Skip(at + 1));
                }

            default:
                {
                    var tokens = full.Replace(",", " ,", StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    var dotted = tokens.Select(t => t.Length <= 3 && t.All(char.IsLetter) ? string.Join('.', t.ToCharArray()) + "." : t);
                    return Collapse(string.Join(' ', dotted).Replace(" ,", ",", StringComparison.Ordinal)).ToUpperInvariant();
                }
        }
    }

    private static string? Glue(string full, Random rng)
    {
        var hyphen = full.IndexOf('-', StringComparison.Ordinal);
        if (hyphen > 0 && hyphen < full.Length - 1 && char.IsLetter(full[hyphen - 1]) && char.IsLetter(full[hyphen + 1]) && rng.Next(2) == 0)
        {
            return full.Remove(hyphen, 1);
        }

        var tokens = full.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        var candidates = new List<int>();
        var particles = new List<int>();
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            if (tokens[i].All(char.IsLetter) && tokens[i + 1].All(char.IsLetter) && tokens[i].Length + tokens[i + 1].Length <= 18)
            {
                candidates.Add(i);
                if (Particles.Contains(tokens[i].ToLowerInvariant(), StringComparer.Ordinal))
                {
                    particles.Add(i);
                }
            }
        }

        var pool = particles.Count > 0 ? particles : candidates;
        if (pool.Count == 0)
        {
            return hyphen > 0 && hyphen < full.Length - 1 ? full.Remove(hyphen, 1) : null;
        }

        var at = pool[rng.Next(pool.Count)];
        var second = tokens[at + 1];
        var joined = tokens[at] + (char.IsUpper(tokens[at][^1]) ? second : second.ToLowerInvariant());
        tokens[at] = joined;
        tokens.RemoveAt(at + 1);
        return string.Join(' ', tokens);
    }

    private static string Write(EntityName original, IReadOnlyList<string> given, IReadOnlyList<string> family) =>
        original.Full.Contains(',', StringComparison.Ordinal)
            ? string.Join(' ', family) + ", " + string.Join(' ', given)
            : string.Join(' ', given.Concat(family));

    private static string MatchCase(string model, string lower)
    {
        if (!model.Any(char.IsLower))
        {
            return lower.ToUpperInvariant();
        }

        return char.IsUpper(model[0]) ? char.ToUpperInvariant(lower[0]) + lower[1..] : lower;
    }

    private static string Collapse(string text) => string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
