using Comity.Sources.Spreadsheets;

namespace Comity.Sources.Tests.Spreadsheets;

public class OdsReaderTests
{
    private static readonly string Fcdo = RepoFiles.Full("data/lists/uk/fcdo/FCDO_SL_Mon_Aug 11 2025.ods");

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

    [Fact]
    public void Typed_cells_repeats_spaces_and_paragraphs()
    {
        const string content = """
            <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
              xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">
            <office:body><office:spreadsheet>
            <table:table table:name="Other"><table:table-row><table:table-cell office:value-type="string"><text:p>skip</text:p></table:table-cell></table:table-row></table:table>
            <table:table table:name="Data">
              <table:table-row table:number-rows-repeated="2">
                <table:table-cell office:value-type="string"><text:p>a<text:s text:c="2"/>b</text:p><text:p>second</text:p></table:table-cell>
                <table:table-cell table:number-columns-repeated="2"/>
                <table:table-cell office:value-type="float" office:value="33867"><text:p>21/09/1992</text:p></table:table-cell>
                <table:covered-table-cell/>
                <table:table-cell office:value-type="string" table:number-columns-repeated="2"><text:p>x</text:p></table:table-cell>
              </table:table-row>
              <table:table-row table:number-rows-repeated="1000000"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>
              <table:table-row><table:table-cell office:value-type="date" office:date-value="2025-07-23"><text:p>23-07-2025</text:p></table:table-cell></table:table-row>
            </table:table>
            </office:spreadsheet></office:body></office:document-content>
            """;
        var path = Path.Combine(Path.GetTempPath(), $"comity-{Guid.NewGuid():N}.ods");
        using (var zip = System.IO.Compression.ZipFile.Open(path, System.IO.Compression.ZipArchiveMode.Create))
        {
            using (var m = new StreamWriter(zip.CreateEntry("mimetype").Open()))
            {
                m.Write("application/vnd.oasis.opendocument.spreadsheet");
            }

            using var c = new StreamWriter(zip.CreateEntry("content.xml").Open());
            c.Write(content);
        }

        try
        {
            Assert.True(OdsReader.IsOds(path));
            var rows = OdsReader.ReadRows(path, "Data").ToList();
            Assert.Equal([1, 2, 1000003], rows.Select(r => r.Number));
            Assert.Equal("a  b\nsecond", rows[0][0].Text);
            Assert.True(rows[0][1].IsEmpty && rows[0][2].IsEmpty);
            Assert.Equal(33867, rows[0][3].Number);
            Assert.True(rows[0][4].IsEmpty);
            Assert.Equal(("x", "x"), (rows[0][5].Text, rows[0][6].Text));
            Assert.Equal(rows[0].Cells, rows[1].Cells);
            Assert.Equal("2025-07-23", rows[2][0].Text);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("\n            ", "")]
    [InlineData("  a \t b\n", "a b")]
    [InlineData("x", "x")]
    public void Odf_space_rules(string raw, string expected) => Assert.Equal(expected, OdsReader.CollapseOdfSpace(raw));
}
