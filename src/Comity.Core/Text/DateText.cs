using System.Globalization;
using System.Text.RegularExpressions;
using Comity.Core.Model;

namespace Comity.Core.Text;

/// <summary>Order of day and month in slash- or dash-separated numeric dates.</summary>
public enum DateOrder
{
    /// <summary><c>dd/MM/yyyy</c> (UK, EU, DFAT, FCDO).</summary>
    DayFirst,

    /// <summary><c>MM/dd/yyyy</c> (OFAC Publish_Date, BIS DPL).</summary>
    MonthFirst,
}

/// <summary>Parses the date forms that sanctions lists use (see LIST-FORMATS §10) into <see cref="FuzzyDate"/>,
/// keeping the raw text. Unknown forms return null (callers report them as diagnostics).</summary>
public static partial class DateText
{
    private static readonly string[] MonthNames =
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    /// <summary>Parses one date, range or "circa" date. Examples: <c>10 Dec 1948</c>, <c>Aug 1946</c>,
    /// <c>circa 1960</c>, <c>1951 to 1953</c>, <c>01 Jan 1961 to 31 Dec 1962</c>, <c>1963-1964</c>,
    /// <c>Between 1968 and 1973</c>, <c>Approximately 1963</c>, <c>00/00/1980</c>, <c>dd/mm/1945</c>,
    /// <c>1971-03-14</c>, <c>2015-04-07-04:00</c>, <c>30 Dec. 1968</c>, <c>Nov. 1973</c>, <c>MM/yyyy</c>.</summary>
    public static FuzzyDate? Parse(string? raw, DateOrder order = DateOrder.DayFirst)
    {
        var text = TextValue.Clean(raw);
        if (text is null)
        {
            return null;
        }

        var t = text.TrimEnd('.', ';', ',', ' ');
        var circa = false;
        var m = CircaPrefix().Match(t);
        if (m.Success)
        {
            circa = true;
            t = t[m.Length..].Trim();
        }

        if (t.EndsWith("(approximately)", StringComparison.OrdinalIgnoreCase) || t.EndsWith("approx.", StringComparison.OrdinalIgnoreCase))
        {
            circa = true;
            t = t[..t.LastIndexOf(' ')].Trim();
        }

        var between = Between().Match(t);
        if (between.Success)
        {
            return Range(between.Groups[1].Value, between.Groups[2].Value, circa, text, order);
        }

        var to = RangeTo().Match(t);
        if (to.Success)
        {
            return Range(to.Groups[1].Value, to.Groups[2].Value, circa, text, order);
        }

        var years = YearRange().Match(t);
        if (years.Success)
        {
            return Range(years.Groups[1].Value, years.Groups[2].Value, circa, text, order);
        }

        return Single(t, order) is { } d ? new FuzzyDate(d, null, circa, CalendarKind.Gregorian, text) : null;
    }

    /// <summary>Parses a value that may hold several alternative dates: <c>X or Y</c>, <c>a) X b) Y</c>,
    /// <c>X; Y</c>. Each alternative is parsed with <see cref="Parse"/>; unparseable ones are returned in
    /// <paramref name="failed"/>.</summary>
    public static IReadOnlyList<FuzzyDate> ParseAlternatives(string? raw, out IReadOnlyList<string> failed, DateOrder order = DateOrder.DayFirst)
    {
        var result = new List<FuzzyDate>();
        var bad = new List<string>();
        failed = bad;
        var text = TextValue.Clean(raw);
        if (text is null)
        {
            return result;
        }

        if (Parse(text, order) is { } whole)
        {
            result.Add(whole);
            return result;
        }

        var parts = Alternatives().Split(text);
        foreach (var p in parts)
        {
            var part = p.Trim().TrimEnd(';', ',').Trim();
            if (part.Length == 0)
            {
                continue;
            }

            if (Parse(part, order) is { } d)
            {
                result.Add(d);
            }
            else
            {
                bad.Add(part);
            }
        }

        return result;
    }

    /// <summary>An Excel date serial (1900 date system, epoch 1899-12-30) as an exact date.</summary>
    public static FuzzyDate FromExcelSerial(double serial)
    {
        var d = DateOnly.FromDateTime(new DateTime(1899, 12, 30).AddDays(Math.Floor(serial)));
        return new FuzzyDate(new PartialDate(d.Year, d.Month, d.Day), Raw: serial.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Parses a single (non-range) date; null when the form is unknown.</summary>
    public static PartialDate? Single(string text, DateOrder order = DateOrder.DayFirst)
    {
        var t = text.Trim().TrimEnd('.');

        // ISO, possibly with a time or zone suffix: 2015-04-07-04:00, 2025-01-10T00:00:00
        var iso = Iso().Match(t);
        if (iso.Success)
        {
            return Make(Int(iso.Groups[1].Value), iso.Groups[2].Success ? Int(iso.Groups[2].Value) : 0, iso.Groups[3].Success ? Int(iso.Groups[3].Value) : 0);
        }

        var num = Numeric().Match(t);
        if (num.Success)
        {
            var a = num.Groups[1].Value;
            var b = num.Groups[2].Value;
            var y = Int(num.Groups[3].Value);
            var (day, month) = order == DateOrder.DayFirst ? (a, b) : (b, a);
            return Make(y, NumOrZero(month), NumOrZero(day));
        }

        var my = MonthYearNumeric().Match(t);
        if (my.Success)
        {
            return Make(Int(my.Groups[2].Value), Int(my.Groups[1].Value), 0);
        }

        var named = NamedMonth().Match(t);
        if (named.Success)
        {
            var month = MonthIndex(named.Groups[2].Value);
            if (month > 0)
            {
                return Make(Int(named.Groups[3].Value), month, named.Groups[1].Success ? Int(named.Groups[1].Value) : 0);
            }
        }

        var monthFirst = MonthNameFirst().Match(t);
        if (monthFirst.Success)
        {
            var month = MonthIndex(monthFirst.Groups[1].Value);
            if (month > 0)
            {
                return Make(Int(monthFirst.Groups[3].Value), month, Int(monthFirst.Groups[2].Value));
            }
        }

        return null;
    }

    private static FuzzyDate? Range(string from, string to, bool circa, string raw, DateOrder order)
    {
        var a = Single(from.Trim(), order);
        var b = Single(to.Trim(), order);
        if (a is null || b is null)
        {
            return null;
        }

        return a.Value <= b.Value
            ? new FuzzyDate(a.Value, b.Value, circa, CalendarKind.Gregorian, raw)
            : new FuzzyDate(b.Value, a.Value, circa, CalendarKind.Gregorian, raw);
    }

    private static PartialDate? Make(int year, int month, int day)
    {
        if (year is < 1000 or > 2200 || month is < 0 or > 12)
        {
            return null;
        }

        if (month == 0)
        {
            day = 0;
        }

        if (day < 0 || (month > 0 && day > DateTime.DaysInMonth(year, month)))
        {
            return null;
        }

        return new PartialDate(year, month, day);
    }

    private static int MonthIndex(string name)
    {
        if (name.Length < 3)
        {
            return 0;
        }

        var key = name[..3].ToLowerInvariant();
        var i = Array.IndexOf(MonthNames, key);
        if (i < 0 && key == "sept"[..3])
        {
            i = 8;
        }

        return i + 1;
    }

    private static int Int(string s) => int.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture);

    private static int NumOrZero(string s) => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0;

    [GeneratedRegex(@"^(circa|ca\.?|c\.|approximately|approx\.?|about|around)\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CircaPrefix();

    [GeneratedRegex(@"^between\s+(.+?)\s+and\s+(.+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Between();

    [GeneratedRegex(@"^(.+?)\s+(?:to|until|-|–)\s+(.+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RangeTo();

    [GeneratedRegex(@"^(\d{4})\s*[-–/]\s*(\d{4})$", RegexOptions.CultureInvariant)]
    private static partial Regex YearRange();

    [GeneratedRegex(@"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T[\d:.]+)?(?:Z|[+-]\d{2}:\d{2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex Iso();

    [GeneratedRegex(@"^(\d{1,2}|dd|DD)[/.\-](\d{1,2}|mm|MM)[/.\-](\d{4})$", RegexOptions.CultureInvariant)]
    private static partial Regex Numeric();

    [GeneratedRegex(@"^(\d{1,2})[/.\-](\d{4})$", RegexOptions.CultureInvariant)]
    private static partial Regex MonthYearNumeric();

    [GeneratedRegex(@"^(?:(\d{1,2})(?:st|nd|rd|th)?[\s\-]+)?([A-Za-z]{3,9})\.?[\s\-,]+(\d{4})$", RegexOptions.CultureInvariant)]
    private static partial Regex NamedMonth();

    [GeneratedRegex(@"^([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})$", RegexOptions.CultureInvariant)]
    private static partial Regex MonthNameFirst();

    [GeneratedRegex(@"\s*(?:\b[a-h]\)\s*|;\s*|\s+or\s+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Alternatives();
}
