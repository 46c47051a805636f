using Comity.Core.Model;

namespace Comity.Core.Matching;

/// <summary>How two sets of birth dates relate, best pair first.</summary>
internal enum DateRelation
{
    /// <summary>Nothing to compare (a side has no Gregorian date).</summary>
    Unknown,

    /// <summary>The same calendar day.</summary>
    DayMatch,

    /// <summary>Overlapping (year, month, range or circa) without a day-level agreement.</summary>
    Compatible,

    /// <summary>Same day and month, the year slipped: one year apart, or ten (a wrong tens digit, 1957 for 1967). A
    /// data-entry error, not a different person.</summary>
    YearSlip,

    /// <summary>Same year, day and month swapped (a common data-entry error).</summary>
    Swapped,

    /// <summary>Same year, different day.</summary>
    DayDisjoint,

    /// <summary>The years do not overlap but are at most <see cref="DateComparison.NearYears"/> apart.</summary>
    NearYear,

    /// <summary>Clearly disjoint: every pair of dates at least <see cref="DateComparison.NearYears"/> + 1 years apart.</summary>
    YearDisjoint,
}

/// <summary>Compares birth dates: partial dates, ranges and circa, never across calendars.</summary>
/// <remarks>The rule for "clearly disjoint": the year ranges the two dates can denote are more than
/// <see cref="NearYears"/> (2) years apart, and it is not the same day and month with the year 1 or 10 off. Nearer
/// dates are data-entry noise as often as a different person (a one-year slip, a day/month swap): they lower the
/// score (<see cref="DateRelation.YearSlip"/> −0.1, <see cref="DateRelation.NearYear"/> −0.3) but an exact name
/// stays a match; a clearly disjoint date costs −0.4 and takes an exact name (0.999) below the threshold (0.65).
/// Checked on UN-listed persons queried with their own name and a shifted birth date (dev split), against the
/// generated population's false alerts.</remarks>
internal static class DateComparison
{
    /// <summary>Largest gap in years between non-overlapping dates that still counts as near, not disjoint.</summary>
    public const int NearYears = 2;

    public static (DateRelation Relation, FuzzyDate? Query, FuzzyDate? Candidate) Compare(IReadOnlyList<FuzzyDate> query, IReadOnlyList<FuzzyDate> candidate)
    {
        var best = DateRelation.Unknown;
        FuzzyDate? bq = null, bc = null;
        foreach (var q in query)
        {
            if (q.Calendar != CalendarKind.Gregorian)
            {
                continue;
            }

            foreach (var c in candidate)
            {
                if (c.Calendar != CalendarKind.Gregorian)
                {
                    continue;
                }

                var r = Relate(q, c);
                if (best == DateRelation.Unknown || r < best)
                {
                    best = r;
                    bq = q;
                    bc = c;
                }
            }
        }

        return (best, bq, bc);
    }

    public static DateRelation Relate(FuzzyDate q, FuzzyDate c)
    {
        var exactQ = !q.IsRange && !q.Circa && q.From.HasDay;
        var exactC = !c.IsRange && !c.Circa && c.From.HasDay;
        if (exactQ && exactC)
        {
            if (q.From == c.From)
            {
                return DateRelation.DayMatch;
            }

            if (q.From.Year == c.From.Year)
            {
                return q.From.Month == c.From.Day && q.From.Day == c.From.Month ? DateRelation.Swapped : DateRelation.DayDisjoint;
            }

            if (q.From.Month == c.From.Month && q.From.Day == c.From.Day && YearSlipped(q.From.Year, c.From.Year))
            {
                return DateRelation.YearSlip;
            }
        }

        var (qLo, qHi) = q.Bounds;
        var (cLo, cHi) = c.Bounds;
        if (qLo <= cHi && cLo <= qHi)
        {
            return DateRelation.Compatible;
        }

        if (qLo.Year <= cHi.Year && cLo.Year <= qHi.Year)
        {
            return DateRelation.DayDisjoint;
        }

        var gap = Math.Max(qLo.Year - cHi.Year, cLo.Year - qHi.Year);
        return gap <= NearYears ? DateRelation.NearYear : DateRelation.YearDisjoint;
    }

    /// <summary>One year apart, or ten (one wrong tens digit: 1957 for 1967); with the same day and month.</summary>
    private static bool YearSlipped(int a, int b) => Math.Abs(a - b) is 1 or 10;
}
