using System.IO.Compression;
using System.Text;
using Comity.Sources.Abstractions;
using Comity.Sources.Spreadsheets;

namespace Comity.Sources.Tests.Spreadsheets;

public class XlsxReaderTests
{
    private static readonly string ConList = RepoFiles.Full("data/lists/uk/ofsi-conlist-2022/ConList-2025-04-10.xlsx");
    private static readonly string Dfat = RepoFiles.Full("data/lists/au/regulation8_consolidated.xlsx");

    [Fact]
    public void Conlist_rows_headers_and_counts()
    {
        Assert.Equal(["Data"], XlsxReader.SheetNames(ConList));
        var rows = XlsxReader.ReadRows(ConList, "Data").ToList();

        // Row 1 "Last Updated" + date, row 2 header (36 columns), then 18,796 data rows (data/lists/README.md §11).
        Assert.Equal(1, rows[0].Number);
        Assert.Equal("Last Updated", rows[0][0].Text);
        Assert.Equal("10/04/2025", rows[0][1].Text);
        Assert.Equal(36, rows[1].Cells.Length);
        Assert.Equal("Name 6", rows[1][0].Text);
        Assert.Equal("Group ID", rows[1][35].Text);
        Assert.Equal(18_796, rows.Count - 2);
        Assert.All(rows.Skip(2), r => Assert.False(r[35].IsNumber));
    }

    [Fact]
    public void Dfat_numeric_and_text_cells_keep_their_type()
    {
        var rows = XlsxReader.ReadRows(Dfat).ToList();
        Assert.Equal("Reference", rows[0][0].Text);
        Assert.Equal("Control Date", rows[0][11].Text);
        var data = rows.Skip(1).Where(r => !r[0].IsEmpty).ToList();
        Assert.Equal(9_553, data.Count);

        // README §13: Reference is a number cell in 2,679 rows and text in 6,874; Control Date numeric everywhere.
        Assert.Equal(2_679, data.Count(r => r[0].IsNumber));
        Assert.Equal(6_874, data.Count(r => !r[0].IsNumber));
        Assert.All(data, r => Assert.True(r[11].IsNumber));
        Assert.Equal(45607, data.Max(r => r[11].Number));
    }

    [Fact]
    public void Inline_strings_booleans_and_cells_without_references()
    {
        var path = BuildXlsx(
            """
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
            <row r="1"><c r="A1" t="inlineStr"><is><t>Caf</t><r><t>é</t></r></is></c><c r="C1"><v>42.5</v></c></row>
            <row r="3"><c t="b"><v>1</v></c><c t="str"><v>text</v></c></row>
            <row r="4"><c r="A4" t="inlineStr"><is><t>   </t></is></c></row>
            </sheetData></worksheet>
            """);
        try
        {
            var rows = XlsxReader.ReadRows(path).ToList();
            Assert.Equal(2, rows.Count);
            Assert.Equal("Café", rows[0][0].Text);
            Assert.True(rows[0][1].IsEmpty);
            Assert.True(rows[0][2].IsNumber);
            Assert.Equal(42.5, rows[0][2].Number);
            Assert.Equal(3, rows[1].Number);
            Assert.Equal("TRUE", rows[1][0].Text);
            Assert.Equal("text", rows[1][1].Text);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Truncated_workbook_is_a_format_error()
    {
        var bytes = File.ReadAllBytes(Dfat);
        var path = TempFile.Write(bytes.AsSpan(0, bytes.Length / 2), ".xlsx");
        try
        {
            var ex = Assert.Throws<ListFormatException>(() => XlsxReader.ReadRows(path).ToList());
            Assert.Equal(Path.GetFileName(path), ex.File);
            Assert.False(XlsxReader.IsXlsx(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Binary_garbage_is_a_format_error()
    {
        var random = new Random(20261127);
        var bytes = new byte[4096];
        random.NextBytes(bytes);
        var path = TempFile.Write(bytes, ".xlsx");
        try
        {
            Assert.Throws<ListFormatException>(() => XlsxReader.ReadRows(path).ToList());
            Assert.False(XlsxReader.IsXlsx(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Zip_bomb_entry_is_refused()
    {
        var path = Path.Combine(Path.GetTempPath(), $"comity-{Guid.NewGuid():N}.xlsx");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            using var s = zip.CreateEntry("xl/workbook.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 64; i++)
            {
                s.Write(zeros);
            }
        }

        try
        {
            var ex = Assert.Throws<ListFormatException>(() => XlsxReader.ReadRows(path).ToList());
            Assert.Contains("compression ratio", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Entry_count_and_size_limits_apply()
    {
        var path = BuildXlsx("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData/></worksheet>");
        try
        {
            Assert.Throws<ListFormatException>(() => XlsxReader.ReadRows(path, limits: new SpreadsheetLimits(MaxEntries: 2)).ToList());
            Assert.Throws<ListFormatException>(() => XlsxReader.ReadRows(path, limits: new SpreadsheetLimits(MaxEntryBytes: 10)).ToList());
            Assert.Empty(XlsxReader.ReadRows(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("A1", 0)]
    [InlineData("Z9", 25)]
    [InlineData("AA10", 26)]
    [InlineData("AJ18798", 35)]
    [InlineData("12", -1)]
    public void Column_index_from_reference(string reference, int expected) =>
        Assert.Equal(expected, XlsxReader.ColumnIndex(reference));

    /// <summary>Writes a minimal one-sheet workbook with the given sheet XML.</summary>
    internal static string BuildXlsx(string sheetXml, string? sharedStrings = null)
    {
        var path = Path.Combine(Path.GetTempPath(), $"comity-{Guid.NewGuid():N}.xlsx");
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        Write(zip, "xl/workbook.xml", """<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>""");
        Write(zip, "xl/_rels/workbook.xml.rels", """<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Target="sharedStrings.xml"/></Relationships>""");
        Write(zip, "xl/worksheets/sheet1.xml", sheetXml);
        if (sharedStrings is not null)
        {
            Write(zip, "xl/sharedStrings.xml", sharedStrings);
        }

        return path;
    }

    private static void Write(ZipArchive zip, string name, string content)
    {
        using var s = zip.CreateEntry(name).Open();
        s.Write(Encoding.UTF8.GetBytes(content));
    }
}
