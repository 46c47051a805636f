using System.Text.RegularExpressions;
using Comity.Core.Text;

namespace Comity.Sources.UsTrade;

/// <summary>One item of the CSL <c>ids</c> cell: fields country, expiration date, issue date, number, type joined with
/// <c>, </c>, empty fields omitted (LIST-FORMATS §2.1).</summary>
internal sealed partial record CslId(string Type, string? Number, string? Country, string? Expires, string? Issued, string? Date)
{
    /// <summary>Parses one item. With two dates the first is the expiry and the second the issue date (the fields are in
    /// alphabetical order of their names); a single date cannot be told apart and is kept in <see cref="Date"/>.</summary>
    public static CslId? Parse(string item)
    {
        var fields = item.Split(", ").Select(f => f.Trim()).ToList();
        if (fields.Count == 0 || fields[^1].Length == 0)
        {
            return null;
        }

        var type = fields[^1];
        fields.RemoveAt(fields.Count - 1);
        string? country = null;
        if (fields.Count >= 1 && fields[0].Length == 2 && fields[0].All(char.IsAsciiLetterUpper) && Countries.TryResolve(fields[0], out var iso))
        {
            country = iso;
            fields.RemoveAt(0);
        }

        var dates = new List<string>();
        while (fields.Count > 0 && IsoDate().IsMatch(fields[0]) && dates.Count < 2)
        {
            dates.Add(fields[0]);
            fields.RemoveAt(0);
        }

        var number = fields.Count > 0 ? string.Join(", ", fields) : null;
        return dates.Count switch
        {
            2 => new CslId(type, number, country, dates[0], dates[1], null),
            1 => new CslId(type, number, country, null, null, dates[0]),
            _ => new CslId(type, number, country, null, null, null),
        };
    }

    /// <summary>A note with the dates, e.g. <c>issued 2009-08-31; expires 2014-08-30</c>.</summary>
    public string? Note()
    {
        var parts = new List<string>();
        if (Issued is not null)
        {
            parts.Add("issued " + Issued);
        }

        if (Expires is not null)
        {
            parts.Add("expires " + Expires);
        }

        if (Date is not null)
        {
            parts.Add("date " + Date + " (issue or expiry)");
        }

        return parts.Count == 0 ? null : string.Join("; ", parts);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();
}
