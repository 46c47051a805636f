using Comity.Core.Model;

namespace Comity.Sources.Common;

/// <summary>Turns a pair of day bounds (as OFAC's enhanced and advanced XML encode partial dates) back into a
/// <see cref="FuzzyDate"/> of the right precision: 1962-01-01…1962-12-31 is the year 1962.</summary>
internal static class DateBounds
{
    public static FuzzyDate ToFuzzy(DateOnly lo, DateOnly hi, bool approximate, string? raw)
    {
        if (hi < lo)
        {
            (lo, hi) = (hi, lo);
        }

        PartialDate from;
        PartialDate to;
        if (lo == hi)
        {
            from = to = Day(lo);
        }
        else if (lo.Month == 1 && lo.Day == 1 && hi.Month == 12 && hi.Day == 31)
        {
            from = new PartialDate(lo.Year);
            to = new PartialDate(hi.Year);
        }
        else if (lo.Day == 1 && hi.Day == DateTime.DaysInMonth(hi.Year, hi.Month))
        {
            from = new PartialDate(lo.Year, lo.Month);
            to = new PartialDate(hi.Year, hi.Month);
        }
        else
        {
            from = Day(lo);
            to = Day(hi);
        }

        return new FuzzyDate(from, to == from ? null : to, approximate, CalendarKind.Gregorian, raw);
    }

    private static PartialDate Day(DateOnly d) => new(d.Year, d.Month, d.Day);
}
