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
    public void Slipped_near_and_disjoint_years()
    {
        Assert.Equal(DateRelation.YearSlip, DateComparison.Relate(D(1971, 3, 14), D(1972, 3, 14)));
        Assert.Equal(DateRelation.YearSlip, DateComparison.Relate(D(1980, 3, 14), D(1979, 3, 14)));
        Assert.Equal(DateRelation.YearSlip, DateComparison.Relate(D(1957, 4, 25), D(1967, 4, 25)));
        Assert.Equal(DateRelation.NearYear, DateComparison.Relate(D(1971, 3, 14), D(1972, 8, 2)));
        Assert.Equal(DateRelation.NearYear, DateComparison.Relate(D(1971, 3, 14), D(1973, 3, 15)));
        Assert.Equal(DateRelation.NearYear, DateComparison.Relate(D(1971, 3, 4), D(1972, 4, 3)));
        Assert.Equal(DateRelation.NearYear, DateComparison.Relate(D(1973), D(1971, 6, 1)));
        Assert.Equal(DateRelation.YearDisjoint, DateComparison.Relate(D(1971, 3, 14), D(1974, 3, 15)));
        Assert.Equal(DateRelation.YearDisjoint, DateComparison.Relate(D(1971, 3, 14), D(1985, 3, 14)));
    }

    [Fact]
    public void An_exact_name_survives_a_slipped_or_near_date_but_not_a_disjoint_one()
    {
        var listed = TestEntities.Make(Schema.Person, ["Parlindungan Siregar"], e => e with { BirthDates = [D(1957, 4, 5)] });
        var index = TestEntities.Index(listed);
        double Score(FuzzyDate dob) => index.Score(new Query { Names = ["Parlindungan Siregar"], Schema = Schema.Person, BirthDates = [dob] }, listed).Score;
        var threshold = MatcherOptions.DefaultThreshold;
        var exact = Score(D(1957, 4, 5));
        var slip = Score(D(1958, 4, 5));
        var swapped = Score(D(1957, 5, 4));
        var near = Score(D(1958, 9, 2));
        var disjoint = Score(D(1961, 4, 5));
        Assert.True(exact > slip && slip > near && near > disjoint, $"{exact} {slip} {near} {disjoint}");
        Assert.True(slip >= threshold && near >= threshold && swapped >= threshold, $"{slip} {near} {swapped}");
        Assert.True(disjoint < threshold, $"{disjoint}");
        var explanation = index.Score(new Query { Names = ["Parlindungan Siregar"], Schema = Schema.Person, BirthDates = [D(1958, 4, 5)] }, listed).Explanation;
        Assert.Contains(explanation.Features, f => f.Feature == "dob_year_slip" && f.Contribution < 0);
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
