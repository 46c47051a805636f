using Comity.Core.Matching;
using Comity.Core.Model;

namespace Comity.Core.Tests.Matching;

public class DateComparisonTests
{
    private static FuzzyDate D(int y, int m = 0, int d = 0) => new(new PartialDate(y, m, d));

    [Fact]
    public void Relations()
    {
        Assert.Equal(DateRelation.DayMatch, DateComparison.Relate(D(1971, 3, 14), D(1971, 3, 14)));
        Assert.Equal(DateRelation.Swapped, DateComparison.Relate(D(1971, 3, 4), D(1971, 4, 3)));
        Assert.Equal(DateRelation.DayDisjoint, DateComparison.Relate(D(1971, 3, 14), D(1971, 5, 2)));
        Assert.Equal(DateRelation.YearDisjoint, DateComparison.Relate(D(1971, 3, 14), D(1985, 3, 14)));
        Assert.Equal(DateRelation.Compatible, DateComparison.Relate(D(1971), D(1971, 3, 14)));
        Assert.Equal(DateRelation.Compatible, DateComparison.Relate(D(1971, 3), D(1971, 3, 14)));
        Assert.Equal(DateRelation.Compatible, DateComparison.Relate(new FuzzyDate(new PartialDate(1970), new PartialDate(1972)), D(1971, 6, 1)));
        Assert.Equal(DateRelation.Compatible, DateComparison.Relate(D(1972, 1, 1) with { Circa = true }, D(1971, 6, 1)));
        Assert.Equal(DateRelation.YearDisjoint, DateComparison.Relate(D(1974), D(1971, 6, 1)));
    }

    [Fact]
    public void Best_pair_wins_and_other_calendars_are_ignored()
    {
        var (relation, q, c) = DateComparison.Compare([D(1980), D(1971, 3, 14)], [D(1971, 3, 14), D(1960)]);
        Assert.Equal(DateRelation.DayMatch, relation);
        Assert.Equal("1971-03-14", q!.ToString());
        Assert.Equal("1971-03-14", c!.ToString());
        var hijri = D(1391) with { Calendar = CalendarKind.Islamic };
        Assert.Equal(DateRelation.Unknown, DateComparison.Compare([hijri], [D(1971)]).Relation);
    }
}
