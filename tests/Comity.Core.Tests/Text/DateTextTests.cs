using Comity.Core.Text;

namespace Comity.Core.Tests.Text;

public class DateTextTests
{
    [Theory]
    [InlineData("10 Dec 1948", "1948-12-10", null, false)]
    [InlineData("1962", "1962", null, false)]
    [InlineData("Aug 1946", "1946-08", null, false)]
    [InlineData("circa 1960", "1960", null, true)]
    [InlineData("1951 to 1953", "1951", "1953", false)]
    [InlineData("01 Jan 1961 to 31 Dec 1962", "1961-01-01", "1962-12-31", false)]
    [InlineData("Mar 1962 to Feb 1963", "1962-03", "1963-02", false)]
    [InlineData("circa 1979-1982", "1979", "1982", true)]
    [InlineData("Between 1968 and 1973", "1968", "1973", false)]
    [InlineData("Approximately 1963", "1963", null, true)]
    [InlineData("00/00/1980", "1980", null, false)]
    [InlineData("00/05/1980", "1980-05", null, false)]
    [InlineData("dd/mm/1945", "1945", null, false)]
    [InlineData("14/10/1974", "1974-10-14", null, false)]
    [InlineData("2015-04-07-04:00", "2015-04-07", null, false)]
    [InlineData("30 Dec. 1968", "1968-12-30", null, false)]
    [InlineData("Nov. 1973", "1973-11", null, false)]
    [InlineData("August 1961", "1961-08", null, false)]
    [InlineData("05/2001", "2001-05", null, false)]
    public void Parses_list_date_forms(string raw, string from, string? to, bool circa)
    {
        var d = DateText.Parse(raw);
        Assert.NotNull(d);
        Assert.Equal(from, d.From.ToString());
        Assert.Equal(to, d.To?.ToString());
        Assert.Equal(circa, d.Circa);
        Assert.Equal(raw, d.Raw);
    }

    [Fact]
    public void Month_first_order_for_us_dates() =>
        Assert.Equal("2025-03-28", DateText.Parse("03/28/2025", DateOrder.MonthFirst)!.From.ToString());

    [Theory]
    [InlineData("a) 14/10/1974;                     b) 19/11/1974", 2)]
    [InlineData("1963 or 1964", 2)]
    [InlineData("1965-07-15 OR 1969-09-28", 2)]
    [InlineData("a) 1945; b) 1950", 2)]
    public void Splits_alternatives(string raw, int count)
    {
        var dates = DateText.ParseAlternatives(raw, out var failed);
        Assert.Empty(failed);
        Assert.Equal(count, dates.Count);
    }

    [Theory]
    [InlineData("na")]
    [InlineData("30-35 years old")]
    [InlineData("2922-09-31")]
    public void Unknown_forms_are_null(string raw) => Assert.Null(DateText.Parse(raw));

    [Fact]
    public void Excel_serial() => Assert.Equal("2014-12-15", DateText.FromExcelSerial(41988).From.ToString());
}
