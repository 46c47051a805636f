using System.Globalization;

namespace Comity.Core.Model;

/// <summary>Calendar in which a source wrote a date.</summary>
public enum CalendarKind
{
    Gregorian,
    Islamic,
    Other,
}

/// <summary>A date known to year, month or day precision (month and day 0 = unknown).</summary>
public readonly record struct PartialDate(int Year, int Month = 0, int Day = 0) : IComparable<PartialDate>
{
    public bool HasMonth => Month is >= 1 and <= 12;

    public bool HasDay => HasMonth && Day is >= 1 and <= 31;

    /// <summary>ISO 8601 prefix: <c>1971</c>, <c>1971-03</c> or <c>1971-03-14</c>.</summary>
    public override string ToString() => HasDay
        ? string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}-{Day:D2}")
        : HasMonth
            ? string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}")
            : Year.ToString("D4", CultureInfo.InvariantCulture);

    public int CompareTo(PartialDate other)
    {
        var c = Year.CompareTo(other.Year);
        if (c != 0)
        {
            return c;
        }

        c = Month.CompareTo(other.Month);
        return c != 0 ? c : Day.CompareTo(other.Day);
    }

    public static bool operator <(PartialDate a, PartialDate b) => a.CompareTo(b) < 0;

    public static bool operator >(PartialDate a, PartialDate b) => a.CompareTo(b) > 0;

    public static bool operator <=(PartialDate a, PartialDate b) => a.CompareTo(b) <= 0;

    public static bool operator >=(PartialDate a, PartialDate b) => a.CompareTo(b) >= 0;

    /// <summary>The earliest calendar day this partial date can denote.</summary>
    public DateOnly Earliest => new(Year, HasMonth ? Month : 1, HasDay ? Math.Min(Day, DateTime.DaysInMonth(Year, HasMonth ? Month : 1)) : 1);

    /// <summary>The latest calendar day this partial date can denote.</summary>
    public DateOnly Latest
    {
        get
        {
            var m = HasMonth ? Month : 12;
            var d = HasDay ? Math.Min(Day, DateTime.DaysInMonth(Year, m)) : DateTime.DaysInMonth(Year, m);
            return new DateOnly(Year, m, d);
        }
    }

    /// <summary>Parses <c>yyyy</c>, <c>yyyy-MM</c> or <c>yyyy-MM-dd</c> (ISO prefixes).</summary>
    public static bool TryParseIso(ReadOnlySpan<char> text, out PartialDate date)
    {
        date = default;
        var t = text.Trim();
        if (t.Length < 4 || !int.TryParse(t[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y < 1000)
        {
            return false;
        }

        if (t.Length == 4)
        {
            date = new PartialDate(y);
            return true;
        }

        if (t.Length >= 7 && t[4] == '-' && int.TryParse(t.Slice(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m is >= 1 and <= 12)
        {
            if (t.Length == 7)
            {
                date = new PartialDate(y, m);
                return true;
            }

            if (t.Length >= 10 && t[7] == '-' && int.TryParse(t.Slice(8, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var d)
                && d >= 1 && d <= DateTime.DaysInMonth(y, m))
            {
                date = new PartialDate(y, m, d);
                return true;
            }
        }

        return false;
    }
}

/// <summary>A date as lists give them: exact, partial, a range, or "circa"; in some calendar.</summary>
/// <param name="From">The date, or the start of a range.</param>
/// <param name="To">The end of a range (inclusive), if it is one.</param>
/// <param name="Circa">The source says "circa" / "approximately".</param>
/// <param name="Calendar">Calendar of <see cref="From"/>/<see cref="To"/>. Non-Gregorian dates are never compared
/// with Gregorian ones.</param>
/// <param name="Raw">The source text, kept verbatim.</param>
public sealed record FuzzyDate(PartialDate From, PartialDate? To = null, bool Circa = false, CalendarKind Calendar = CalendarKind.Gregorian, string? Raw = null)
{
    public bool IsRange => To is { } t && t != From;

    public override string ToString() => (Circa ? "circa " : string.Empty) + (IsRange ? $"{From} to {To}" : From.ToString());

    /// <summary>Earliest and latest days the value can denote, widened by one year each way when
    /// <see cref="Circa"/>.</summary>
    public (DateOnly Earliest, DateOnly Latest) Bounds
    {
        get
        {
            var lo = From.Earliest;
            var hi = (To ?? From).Latest;
            return Circa ? (lo.AddYears(-1), hi.AddYears(1)) : (lo, hi);
        }
    }
}
