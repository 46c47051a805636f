using System.Text;
using AnyAscii;

namespace Comity.Law.Icc;

/// <summary>Finds warrants by id or by exact name or alias, ignoring case, diacritics and punctuation (never fuzzy).</summary>
internal static class WarrantLookup
{
    public static List<Warrant> Find(IReadOnlyList<Warrant> warrants, string query)
    {
        var q = query.Trim();
        var byId = warrants.Where(w => string.Equals(w.Id, q, StringComparison.OrdinalIgnoreCase)).ToList();
        if (byId.Count > 0)
        {
            return byId;
        }

        var key = Key(q);
        return key.Length == 0
            ? []
            : [.. warrants.Where(w => Key(w.Name) == key || w.Aliases.Any(a => Key(a) == key))];
    }

    /// <summary>Transliterated to ASCII (drops diacritics), upper case, letters and digits separated by single spaces.</summary>
    public static string Key(string text)
    {
        var ascii = text.Transliterate();
        var sb = new StringBuilder(ascii.Length);
        var space = false;
        foreach (var c in ascii)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (space && sb.Length > 0)
                {
                    sb.Append(' ');
                }

                sb.Append(char.ToUpperInvariant(c));
                space = false;
            }
            else if (c != '\'' && c != '\u2019')
            {
                space = true;
            }
        }

        return sb.ToString();
    }
}
