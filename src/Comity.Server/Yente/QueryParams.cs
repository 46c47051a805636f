using System.Globalization;
using Microsoft.Extensions.Primitives;

namespace Comity.Server.Yente;

/// <summary>Reads yente query parameters: repeated keys (also <c>key[]</c>), booleans as true/false, 1/0, yes/no,
/// on/off, bounded integers and floats, with 422 errors in yente's shape.</summary>
internal sealed class QueryParams(IQueryCollection query)
{
    public IReadOnlyList<string> Many(string key)
    {
        var a = query[key];
        var b = query[key + "[]"];
        if (b.Count == 0)
        {
            return Clean(a);
        }

        return Clean(StringValues.Concat(a, b));
    }

    private static List<string> Clean(StringValues values)
    {
        var list = new List<string>(values.Count);
        foreach (var v in values)
        {
            if (!string.IsNullOrWhiteSpace(v))
            {
                list.Add(v.Trim());
            }
        }

        return list;
    }

    public string? One(string key)
    {
        var v = query[key];
        return v.Count == 0 ? null : v[^1];
    }

    public int Int(string key, int fallback, int min, int max)
    {
        var raw = One(key);
        if (raw is null)
        {
            return fallback;
        }

        if (!int.TryParse(raw.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v))
        {
            throw YenteException.Invalid("int_parsing", "Input should be a valid integer, unable to parse string as an integer", raw, "query", key);
        }

        if (v > max)
        {
            throw YenteException.Invalid("less_than_equal", $"Input should be less than or equal to {max}", raw, "query", key);
        }

        return v < min
            ? throw YenteException.Invalid("greater_than_equal", $"Input should be greater than or equal to {min}", raw, "query", key)
            : v;
    }

    public double? Float(string key)
    {
        var raw = One(key);
        if (raw is null)
        {
            return null;
        }

        return double.TryParse(raw.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)
            ? v
            : throw YenteException.Invalid("float_parsing", "Input should be a valid number, unable to parse string as a number", raw, "query", key);
    }

    public bool Bool(string key, bool fallback)
    {
        var raw = One(key);
        if (raw is null)
        {
            return fallback;
        }

        return ParseBool(raw) ?? throw YenteException.Invalid("bool_parsing", "Input should be a valid boolean, unable to interpret input", raw, "query", key);
    }

    public static bool? ParseBool(string raw) => raw.Trim().ToLowerInvariant() switch
    {
        "true" or "1" or "yes" or "on" or "t" or "y" => true,
        "false" or "0" or "no" or "off" or "f" or "n" => false,
        _ => null,
    };

    /// <summary><c>changed_since</c>: <c>YYYY-MM-DD</c>, optionally <c>THH</c>, <c>THH:MM</c>, <c>THH:MM:SS</c>.</summary>
    public DateTime? ChangedSince()
    {
        var raw = One("changed_since");
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        string[] formats = ["yyyy-MM-dd", "yyyy-MM-dd'T'HH", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"];
        return DateTime.TryParseExact(raw.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var d)
            ? d
            : throw YenteException.Invalid("value_error", "Value error, Invalid date format, expected YYYY-MM-DD or YYYY-MM-DDTHH[:MM[:SS]]", raw, "query", "changed_since");
    }
}
