using Comity.Application.Output;

namespace Comity.Application.Tests.Output;

public class CsvCellTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+SUM(A1)", "'+SUM(A1)")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@cmd", "'@cmd")]
    [InlineData("ANGLO-CARIBBEAN CO., LTD.", "\"ANGLO-CARIBBEAN CO., LTD.\"")]
    [InlineData("plain", "plain")]
    public void Neutralises_formulas_and_quotes(string value, string expected) => Assert.Equal(expected, CsvCell.Escape(value));
}
