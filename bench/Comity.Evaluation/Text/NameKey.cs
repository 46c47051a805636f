using System.Text;
using AnyAscii;

namespace Comity.Evaluation.Text;

/// <summary>Comparison keys used by the generator to decide whether two names are "the same string": transliterated
/// to ASCII, lower-cased, apostrophes dropped, every other non-alphanumeric character a token break.</summary>
internal static class NameKey
{
    /// <summary>Lower-case ASCII tokens of a name in any script.</summary>
    public static string[] Tokens(string name)
    {
        var ascii = name.Transliterate();
        var sb = new StringBuilder(ascii.Length);
        foreach (var c in ascii)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
            else if (c is '\'' or '`')
            {
                continue;
            }
            else
            {
                sb.Append(' ');
            }
        }

        return sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>Tokens joined by one space, in order.</summary>
    public static string Normalized(string name) => string.Join(' ', Tokens(name));

    /// <summary>Tokens sorted (ordinal) and joined: equal for names that differ only in order or punctuation.</summary>
    public static string Sorted(string name) => string.Join(' ', Tokens(name).Order(StringComparer.Ordinal));
}
