using System.Text;

namespace Comity.Core.Text;

/// <summary>Whitespace and null handling shared by every list reader and every input (CSV rows, API bodies).</summary>
public static class TextValue
{
    /// <summary>Trims, maps NBSP and other Unicode spaces to a space, and collapses runs of whitespace (including
    /// line breaks and tabs) to one space. Returns null for null, empty or whitespace-only input.</summary>
    public static string? Clean(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var sb = new StringBuilder(value.Length);
        var space = false;
        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c) || c == '\u00A0' || c == '\u200B' || c == '\uFEFF')
            {
                space = sb.Length > 0;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(c);
        }

        return sb.Length == 0 ? null : sb.ToString();
    }

    /// <summary>Like <see cref="Clean(string?)"/>, but also treats the given sentinels (compared case-insensitively after
    /// cleaning) as null, e.g. OFAC's <c>-0-</c> or DFAT's <c>NA</c>.</summary>
    public static string? Clean(string? value, params ReadOnlySpan<string> nullTokens)
    {
        var v = Clean(value);
        if (v is null)
        {
            return null;
        }

        foreach (var t in nullTokens)
        {
            if (string.Equals(v, t, StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }
        }

        return v;
    }
}
