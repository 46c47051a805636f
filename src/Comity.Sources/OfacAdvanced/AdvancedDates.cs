using System.Globalization;
using System.Xml.Linq;
using Comity.Core.Model;
using Comity.Sources.Common;

namespace Comity.Sources.OfacAdvanced;

/// <summary>Dates of the advanced XML: <c>DatePeriod</c> (Start/End, each From/To of Year/Month/Day, Approximate) and
/// plain <c>Date</c> (Year/Month/Day).</summary>
internal static class AdvancedDates
{
    /// <summary>The span a <c>DatePeriod</c> covers (Start/From … End/To), at the precision its bounds imply; null when it
    /// has no year.</summary>
    public static FuzzyDate? Period(XElement? period)
    {
        if (period is null)
        {
            return null;
        }

        var start = period.El("Start");
        var end = period.El("End") ?? start;
        var lo = Bound(start?.El("From") ?? start?.El("To"), low: true);
        var hi = Bound(end?.El("To") ?? end?.El("From"), low: false);
        if (lo is null && hi is null)
        {
            return null;
        }

        lo ??= hi;
        hi ??= lo;
        var approximate = start?.Attr("Approximate") == "true" || end?.Attr("Approximate") == "true";
        var raw = lo!.Value == hi!.Value
            ? lo.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : lo.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "/" + hi.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return DateBounds.ToFuzzy(lo.Value, hi.Value, approximate, raw);
    }

    /// <summary>A <c>Date</c> element (Year, Month, Day; month and day optional).</summary>
    public static PartialDate? Date(XElement? date)
    {
        if (date is null || Int(date.Text("Year")) is not { } year || year is < 1000 or > 2200)
        {
            return null;
        }

        var month = Int(date.Text("Month")) is { } m and >= 1 and <= 12 ? m : 0;
        var day = month > 0 && Int(date.Text("Day")) is { } d && d >= 1 && d <= DateTime.DaysInMonth(year, month) ? d : 0;
        return new PartialDate(year, month, day);
    }

    private static DateOnly? Bound(XElement? e, bool low)
    {
        if (Date(e) is not { } p)
        {
            return null;
        }

        return low ? p.Earliest : p.Latest;
    }

    private static int? Int(string? s) =>
        int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;
}
