using System.Text;
using Comity.Core.Model;

namespace Comity.Server.Yente;

/// <summary>Values in the form of their FtM property type, or null when a value cannot be written in that form.</summary>
internal static class FtmValues
{
    public static string? Clean(string type, string value) => type switch
    {
        "date" => Date(value),
        "country" => FtmModelTable.Countries.Contains(value.ToLowerInvariant()) ? value.ToLowerInvariant() : null,
        "topic" => FtmModelTable.Topics.Contains(value) ? value : null,
        "gender" => value is "male" or "female" or "other" ? value : null,
        "url" => Url(value),
        "phone" => Phone(value),
        "email" => Email(value),
        "number" => Number(value),
        "entity" => null,
        _ => value,
    };

    /// <summary>An ISO 8601 prefix (<c>1971</c>, <c>1971-03</c>, <c>1971-03-14</c>, optionally with a time) of a real
    /// calendar date; the time is dropped.</summary>
    public static string? Date(string value)
    {
        var t = value.AsSpan().Trim();
        if (!PartialDate.TryParseIso(t, out var d))
        {
            return null;
        }

        var length = d.HasDay ? 10 : d.HasMonth ? 7 : 4;
        return t.Length == length || (t.Length > length && length == 10 && t[10] == 'T') ? d.ToString() : null;
    }

    /// <summary>An absolute http(s) URL; a bare host name (<c>www.example.org</c>) gets <c>http://</c>, as FtM's URL
    /// cleaning adds a scheme.</summary>
    public static string? Url(string value)
    {
        var v = value.Trim();
        if (!v.Contains("://", StringComparison.Ordinal))
        {
            if (v.Contains(' ', StringComparison.Ordinal) || !v.Contains('.', StringComparison.Ordinal))
            {
                return null;
            }

            v = "http://" + v;
        }

        return Uri.TryCreate(v, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps) && u.Host.Contains('.', StringComparison.Ordinal)
            ? v
            : null;
    }

    /// <summary>E.164: a number written with its <c>+</c> country prefix (<c>+7 (499) 517-76-56</c> →
    /// <c>+74995177656</c>); one without a prefix, or several numbers in one value, cannot be written so.</summary>
    public static string? Phone(string value)
    {
        var plus = value.IndexOf('+', StringComparison.Ordinal);
        if (plus < 0)
        {
            return null;
        }

        var sb = new StringBuilder("+");
        foreach (var c in value.AsSpan(plus + 1))
        {
            if (char.IsAsciiDigit(c))
            {
                sb.Append(c);
            }
            else if (c is not (' ' or '-' or '(' or ')' or '.'))
            {
                return null;
            }
        }

        return sb.Length is >= 7 and <= 16 && sb[1] != '0' ? sb.ToString() : null;
    }

    private static string? Email(string value)
    {
        var at = value.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at == value.LastIndexOf('@') && value.IndexOf('.', at) > at + 1 && !value.Contains(' ', StringComparison.Ordinal) ? value : null;
    }

    private static string? Number(string value)
    {
        var v = value.Trim();
        if (v.Length == 0 || !(char.IsAsciiDigit(v[0]) || (v[0] == '-' && v.Length > 1 && char.IsAsciiDigit(v[1]))))
        {
            return null;
        }

        foreach (var c in v.AsSpan(1))
        {
            if (!(char.IsAsciiDigit(c) || c == '.' || c == ','))
            {
                return null;
            }
        }

        return v;
    }
}
