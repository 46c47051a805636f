using System.Globalization;
using System.Text.RegularExpressions;
using Comity.Core.Model;
using Comity.Core.Text;
using Comity.Sources.Spreadsheets;

namespace Comity.Sources.Au;

/// <summary>Cell conventions of the DFAT Consolidated List (LIST-FORMATS §8): references, name types, lettered
/// lists, mixed-type date cells.</summary>
internal static partial class DfatText
{
    /// <summary>The group key of a Reference cell: the leading digits of <c>2</c>, <c>2a</c>, <c>34c1</c>,
    /// <c>1276c4 </c>, or of a numeric cell; null when there are none.</summary>
    public static string? GroupKey(Cell reference)
    {
        if (reference.IsNumber)
        {
            var n = reference.Number;
            return n >= 0 && n == Math.Floor(n) ? ((long)n).ToString(CultureInfo.InvariantCulture) : null;
        }

        var text = TextValue.Clean(reference.Text);
        if (text is null)
        {
            return null;
        }

        var end = 0;
        while (end < text.Length && char.IsAsciiDigit(text[end]))
        {
            end++;
        }

        return end == 0 ? null : text[..end].TrimStart('0') is { Length: > 0 } digits ? digits : "0";
    }

    /// <summary>The kind of a Name Type value (case and spaces ignored); null when unknown.</summary>
    public static NameKind? KindOf(string? nameType, out bool originalScript)
    {
        originalScript = false;
        var key = TextValue.Clean(nameType)?.ToUpperInvariant();
        switch (key)
        {
            case "PRIMARY NAME":
                return NameKind.Primary;
            case "AKA" or "ALIAS":
                return NameKind.Alias;
            case "ORIGINAL SCRIPT":
                originalScript = true;
                return NameKind.Alias;
            case "FORMERLY KNOWN AS" or "PREVIOUSLY LISTED AS" or "FKA":
                return NameKind.Former;
            default:
                return null;
        }
    }

    /// <summary>The values of a lettered list (<c>a) X b) Y</c>); a value without letters is one item.
    /// <c>NA</c> gives nothing.</summary>
    public static IReadOnlyList<string> Lettered(string? text)
    {
        var clean = TextValue.Clean(text, "NA", "N/A", "na.");
        if (clean is null)
        {
            return [];
        }

        return Letters().Split(clean)
            .Select(p => TextValue.Clean(p.Trim().TrimEnd(';', ',').Trim()))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The country of a free-text place: the whole text or its last comma-separated part.</summary>
    public static string? CountryOf(string place)
    {
        if (CountryText.Resolve(place) is { } whole)
        {
            return whole;
        }

        var comma = place.LastIndexOf(',');
        return comma >= 0 ? CountryText.Resolve(place[(comma + 1)..]) : null;
    }

    /// <summary>Dates of birth from a cell: a number above 2100 is an Excel serial date, a smaller number a year,
    /// text is parsed as a lettered list of date forms. Unparsed text parts are returned in
    /// <paramref name="failed"/>.</summary>
    public static IReadOnlyList<FuzzyDate> BirthDates(Cell cell, out IReadOnlyList<string> failed)
    {
        failed = [];
        if (cell.IsNumber)
        {
            var n = cell.Number;
            if (n > 2100)
            {
                return [DateText.FromExcelSerial(n)];
            }

            return n >= 1000 && n == Math.Floor(n)
                ? [new FuzzyDate(new PartialDate((int)n), Raw: ((int)n).ToString(CultureInfo.InvariantCulture))]
                : [];
        }

        var text = TextValue.Clean(cell.Text, "na", "n/a", "unknown");
        if (text is null)
        {
            return [];
        }

        var dates = DateText.ParseAlternatives(text, out var unparsed).ToList();
        var stillFailed = new List<string>();
        foreach (var part in unparsed)
        {
            var salvaged = Salvage(part);
            if (salvaged.Count == 0)
            {
                stillFailed.Add(part);
            }

            dates.AddRange(salvaged);
        }

        failed = stillFailed;
        return dates;
    }

    /// <summary>Second chance for free-text DOB parts: a Hijri date is kept in its own calendar (never compared
    /// with Gregorian dates); otherwise an <c>alt DOB:</c> prefix and parenthesised notes are dropped and the rest
    /// split on <c>&gt;&gt;</c>, commas and spaces between numeric dates. All pieces must parse, else nothing is
    /// returned.</summary>
    internal static IReadOnlyList<FuzzyDate> Salvage(string part)
    {
        if (part.Contains("hijri", StringComparison.OrdinalIgnoreCase))
        {
            var hijri = Parenthesised().Replace(part, " ").Trim();
            return DateText.Single(hijri) is { } h ? [new FuzzyDate(h, null, false, CalendarKind.Islamic, part)] : [];
        }

        var text = AltPrefix().Replace(Parenthesised().Replace(part, " "), string.Empty);
        var pieces = Separators().Split(text).Select(p => p.Trim().TrimEnd('.', ',', ';').Trim()).Where(p => p.Length > 0).ToList();
        var result = new List<FuzzyDate>();
        foreach (var piece in pieces)
        {
            if (DateText.Parse(piece) is not { } d)
            {
                return [];
            }

            result.Add(d with { Raw = part });
        }

        return result;
    }

    [GeneratedRegex(@"\([^)]*\)?", RegexOptions.CultureInvariant)]
    private static partial Regex Parenthesised();

    [GeneratedRegex(@"^\s*alt\.?\s*DOB\s*:?\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AltPrefix();

    [GeneratedRegex(@"\s*>>\s*|\s*,\s*|\s+(?=\d{1,2}/\d)", RegexOptions.CultureInvariant)]
    private static partial Regex Separators();

    /// <summary>The listing date from Listing Information (<c>Listed … on 25 January 2001 (amended …)</c>), or the
    /// cell itself when it is a date serial.</summary>
    public static PartialDate? ListedOn(Cell cell)
    {
        if (cell.IsNumber)
        {
            return cell.Number > 2100 ? DateText.FromExcelSerial(cell.Number).From : null;
        }

        var text = TextValue.Clean(cell.Text);
        if (text is null)
        {
            return null;
        }

        var m = ListedDate().Match(text);
        return m.Success ? DateText.Single(m.Groups[1].Value) : null;
    }

    [GeneratedRegex(@"(?:^|\s)[a-z]{1,2}\)\s*", RegexOptions.CultureInvariant)]
    private static partial Regex Letters();

    [GeneratedRegex(@"\bon\s*(\d{1,2}\s+[A-Za-z]{3,9}\.?\s+\d{4}|\d{1,2}/\d{1,2}/\d{4})", RegexOptions.CultureInvariant)]
    private static partial Regex ListedDate();
}
