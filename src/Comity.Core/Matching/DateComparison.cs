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

    /// <summary>Same year, day and month swapped (a common data-entry error).</summary>
    Swapped,

    /// <summary>Same year, different day.</summary>
    DayDisjoint,

    /// <summary>Not even the years agree.</summary>
    YearDisjoint,
}

/// <summary>Compares birth dates: partial dates, ranges and circa, never across calendars.</summary>
internal static class DateComparison
{
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
        }

        var (qLo, qHi) = q.Bounds;
        var (cLo, cHi) = c.Bounds;
        if (qLo <= cHi && cLo <= qHi)
        {
            return DateRelation.Compatible;
        }

        return qLo.Year <= cHi.Year && cLo.Year <= qHi.Year ? DateRelation.DayDisjoint : DateRelation.YearDisjoint;
    }
}
