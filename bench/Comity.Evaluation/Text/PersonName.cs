using Comity.Core.Model;

namespace Comity.Evaluation.Text;

/// <summary>A person's name split into given names (first one first) and family names, as lists write them:
/// <c>MADURO MOROS, Nicolas</c> (family, comma, given), structured parts, or a plain <c>Given ... Family</c>.</summary>
internal sealed record PersonName(IReadOnlyList<string> Given, IReadOnlyList<string> Family)
{
    public int Count => Given.Count + Family.Count;

    /// <summary>Given names then family names, separated by spaces.</summary>
    public string Natural => string.Join(' ', Given.Concat(Family));

    /// <summary>Family names then given names, separated by spaces (no comma).</summary>
    public string FamilyFirst => string.Join(' ', Family.Concat(Given));

    public static PersonName Parse(EntityName name)
    {
        var full = name.Full.Trim();
        var comma = full.IndexOf(',', StringComparison.Ordinal);
        if (comma > 0 && comma < full.Length - 1)
        {
            var family = Split(full[..comma]);
            var given = Split(full[(comma + 1)..]);
            if (family.Length > 0 && given.Length > 0)
            {
                return new PersonName(given, family);
            }
        }

        if (name.Parts is { Family: { } fam } parts && !string.IsNullOrWhiteSpace(fam))
        {
            var given = Split(string.Join(' ', new[] { parts.Given, parts.Middle, parts.Patronymic }.OfType<string>()));
            var family = Split(fam);
            var joined = string.Join(' ', given.Concat(family));
            if (given.Length > 0 && string.Equals(NameKey.Sorted(joined), NameKey.Sorted(full), StringComparison.Ordinal))
            {
                return new PersonName(given, family);
            }
        }

        var tokens = Split(full);
        return tokens.Length <= 1
            ? new PersonName([], tokens)
            : new PersonName(tokens[..^1], [tokens[^1]]);
    }

    private static string[] Split(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
