using Comity.Sources.Spreadsheets;

namespace Comity.Sources.Tests.Spreadsheets;

public class OdsReaderTests
{
    private static readonly string Fcdo = DataFiles.Path("data/lists/uk/fcdo/FCDO_SL_Mon_Aug 11 2025.ods");

    [Fact]
    public void Fcdo_ods_rows_and_whitespace_only_cells()
    {
        Assert.True(OdsReader.IsOds(Fcdo));
        var rows = OdsReader.ReadRows(Fcdo, "UK_Sanction_List").ToList();
        string[] header = ["Unique ID", "OFSI Group ID", "Name", "Regime Name", "Type", "Designation source", "Date Designated", "Sanctions Imposed"];
        Assert.Equal(header, rows[0].Cells.Select(c => c.Text));

        // 5,302 designations (data/lists/README.md §11); the trailing repeated blank rows are not yielded.
        Assert.Equal(5_302, rows.Count - 1);
        Assert.Equal("AFG0001", rows[1][0].Text);
        Assert.Equal("12703", rows[1][1].Text);
        Assert.Equal("HAJI KHAIRULLAH HAJI SATTAR MONEY EXCHANGE", rows[1][2].Text);

        // 447 OFSI Group ID cells and the Name cells of BEL0174 and RUS1467 hold only a white-space paragraph.
        Assert.Equal(447, rows.Skip(1).Count(r => r[1].IsEmpty));
        Assert.True(rows.Single(r => r[0].Text == "BEL0174")[2].IsEmpty);
        Assert.True(rows.Single(r => r[0].Text == "RUS1467")[2].IsEmpty);
        Assert.All(rows, r => Assert.All(r.Cells.Where(c => !c.IsEmpty), c => Assert.Equal(c.Text!.Trim(), c.Text)));
    }

    [Theory]
    [InlineData("\n            ", "")]
    [InlineData("  a \t b\n", "a b")]
    [InlineData("x", "x")]
    public void Odf_space_rules(string raw, string expected) => Assert.Equal(expected, OdsReader.CollapseOdfSpace(raw));
}
