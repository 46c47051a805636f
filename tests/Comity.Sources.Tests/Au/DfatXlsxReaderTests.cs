using Comity.Core.Model;
using Comity.Sources.Abstractions;
using Comity.Sources.Au;
using Comity.Sources.Spreadsheets;
using Comity.Sources.Tests.Spreadsheets;

namespace Comity.Sources.Tests.Au;

public class DfatXlsxReaderTests
{
    internal static readonly string Xlsx = RepoFiles.Full("data/lists/au/regulation8_consolidated.xlsx");

    private static readonly Lazy<LoadResult> Result = new(() => RepoFiles.Load(new DfatXlsxReader(), Xlsx));

    private static Entity Reference(string key) => Result.Value.Entities.Single(e => e.SourceId == key);

    [Fact]
    public void Counts_match_the_file()
    {
        var r = Result.Value;

        // data/lists/README.md §13: 9,553 rows, 3,062 references, each with exactly one primary-name row; newest
        // Control Date 45607 = 2024-11-11.
        Assert.Equal(9_553, r.Provenance.RecordCounts["rows"]);
        Assert.Equal(3_062, r.Entities.Length);
        Assert.All(r.Entities, e => Assert.Single(e.Names, n => n.Kind == NameKind.Primary));
        Assert.Empty(r.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error || d.Code is "unknown-type" or "unknown-name-type"));

        // 17 free-text DOB values stay unparsed (e.g. "Between Aug. and Sep 1977", "23-Apr-68"); they are reported and
        // kept as the birthDate property.
        Assert.Equal(17, r.Diagnostics.Count(d => d.Code == "bad-date"));
        Assert.Equal("2024-11-11", r.Provenance.Published);
        Assert.Equal("au-dfat", r.Provenance.Source);
        Assert.Equal(4, r.Entities.SelectMany(e => e.Names).Count(n => n.Kind == NameKind.Former));
    }

    [Fact]
    public void Akhund_ranges_original_script_and_listing()
    {
        var e = Reference("2");
        Assert.Equal(Schema.Person, e.Schema);
        Assert.Equal("au-dfat:2", e.Id);
        Assert.Equal([new EntityName("MOHAMMAD HASSAN AKHUND"), new EntityName("محمد حسن أخوند", NameKind.Alias, null, "Arab")], e.Names);
        Assert.Equal(2, e.BirthDates.Length);
        Assert.Equal((new PartialDate(1955), new PartialDate(1958), true), (e.BirthDates[0].From, e.BirthDates[0].To, e.BirthDates[0].Circa));
        Assert.Equal((new PartialDate(1945), new PartialDate(1950), true), (e.BirthDates[1].From, e.BirthDates[1].To, e.BirthDates[1].Circa));
        Assert.Equal([new Place("Pashmul village, Panjwai District, Kandahar Province, Afghanistan", "af")], e.BirthPlaces);
        Assert.Equal(["af"], e.Nationalities);
        Assert.Empty(e.Addresses);
        Assert.Equal(["1988 (Taliban)"], e.Programs);
        Assert.Equal(new PartialDate(2001, 1, 25), e.ListedOn);
        Assert.Equal("2014-12-15", e.Property("lastUpdated"));
        Assert.StartsWith("Title: a) Mullah b) Haji.", e.Remarks, StringComparison.Ordinal);
    }

    [Fact]
    public void Numeric_date_cells_serial_and_year()
    {
        // 33867 is an Excel serial: 1992-09-20 (epoch 1899-12-30; OFAC sdn.csv gives "DOB 20 Sep 1992" for the same
        // person; data/lists/README.md's "33867 = 1992-09-21" is one day off). 1969 is a bare year; "Israeli" a demonym.
        var yosef = Reference("7969");
        Assert.Equal("Zvi Bar YOSEF", yosef.Caption);
        Assert.Equal(["1992-09-20"], yosef.BirthDates.Select(d => d.ToString()));
        Assert.Equal(["il"], yosef.Nationalities);
        Assert.Equal("2024-07-25", yosef.Property("lastUpdated"));
        var zahir = Reference("8");
        Assert.Equal(["1969"], zahir.BirthDates.Select(d => d.ToString()));
    }

    [Fact]
    public void Lettered_alternatives_and_listing_serial()
    {
        var omar = Reference("4");
        Assert.Equal(["circa 1966", "1960", "1953"], omar.BirthDates.Select(d => d.ToString()));
        Assert.Equal(2, omar.BirthPlaces.Length);
        Assert.Equal(new PartialDate(2000, 4, 12), omar.ListedOn);

        // Listing Information of reference 2580 is a date serial (41340 = 2013-03-07).
        Assert.Equal(new PartialDate(2013, 3, 7), Reference("2580").ListedOn);
    }

    [Fact]
    public void Al_asiri_hijri_date_stays_in_its_calendar()
    {
        // Reference 1254 (the EU's EU.3092.36): "a) 19 Apr. 1982 b) 18 Apr. 1982 c) 24/06/1402 (Hijri Calendar)".
        var e = Reference("1254");
        Assert.Equal("IBRAHIM HASSAN TALI AL-ASIRI", e.Caption);
        Assert.Equal(
            [("1982-04-19", CalendarKind.Gregorian), ("1982-04-18", CalendarKind.Gregorian), ("1402-06-24", CalendarKind.Islamic)],
            e.BirthDates.Select(d => (d.ToString(), d.Calendar)));
        Assert.Equal(["sa"], e.Nationalities);
        Assert.Equal([new Place("Riyadh, Saudi Arabia", "sa")], e.BirthPlaces);
        Assert.Equal(2, e.Names.Count(n => n.Language == "Arab"));
    }

    [Theory]
    [InlineData("alt DOB: 19/11/1956", "1956-11-19")]
    [InlineData("14 Mar 1974 >> 13 Apr 1974 >> 14 Apr 1974 >> 1 Aug 1970", "1974-03-14|1974-04-13|1974-04-14|1970-08-01")]
    [InlineData("01/10/1983,15/10/1983, 01/01/1980", "1983-10-01|1983-10-15|1980-01-01")]
    [InlineData("3 March 1979 (from false passport)", "1979-03-03")]
    [InlineData("Approximately (30-35 years old)", "")]
    public void Salvages_messy_birth_date_text(string raw, string expected) =>
        Assert.Equal(expected, string.Join('|', DfatText.Salvage(raw).Select(d => d.ToString())));

    [Fact]
    public void Fourteen_column_layout_binds_by_header_name()
    {
        var path = XlsxReaderTests.BuildXlsx(
            """
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
            <row r="1">
            <c r="A1" t="inlineStr"><is><t>Reference</t></is></c><c r="B1" t="inlineStr"><is><t>Name of Individual or Entity</t></is></c>
            <c r="C1" t="inlineStr"><is><t>Type</t></is></c><c r="D1" t="inlineStr"><is><t>Name Type</t></is></c>
            <c r="E1" t="inlineStr"><is><t>Alias Strength</t></is></c><c r="F1" t="inlineStr"><is><t>Date of Birth</t></is></c>
            <c r="G1" t="inlineStr"><is><t>Place of Birth</t></is></c><c r="H1" t="inlineStr"><is><t>Citizenship</t></is></c>
            <c r="I1" t="inlineStr"><is><t>Address</t></is></c><c r="J1" t="inlineStr"><is><t>Additional Information</t></is></c>
            <c r="K1" t="inlineStr"><is><t>Listing Information</t></is></c><c r="L1" t="inlineStr"><is><t>IMO Number</t></is></c>
            <c r="M1" t="inlineStr"><is><t>Committees</t></is></c><c r="N1" t="inlineStr"><is><t>Control Date</t></is></c></row>
            <row r="2"><c r="A2"><v>9001</v></c><c r="B2" t="inlineStr"><is><t>SAMPLE VESSEL</t></is></c><c r="C2" t="inlineStr"><is><t>Vessel</t></is></c>
            <c r="D2" t="inlineStr"><is><t>Primary Name</t></is></c><c r="L2" t="inlineStr"><is><t>9187629</t></is></c>
            <c r="M2" t="inlineStr"><is><t>Autonomous (Russia)</t></is></c><c r="N2"><v>45607</v></c></row>
            <row r="3"><c r="A3" t="inlineStr"><is><t>9001a</t></is></c><c r="B3" t="inlineStr"><is><t>SV</t></is></c><c r="C3" t="inlineStr"><is><t>Vessel</t></is></c>
            <c r="D3" t="inlineStr"><is><t>aka </t></is></c><c r="E3" t="inlineStr"><is><t>Weak</t></is></c><c r="N3"><v>45607</v></c></row>
            </sheetData></worksheet>
            """);
        try
        {
            var reader = new DfatXlsxReader();
            Assert.True(reader.CanRead(ListProbe.Open(path)));
            var e = Assert.Single(RepoFiles.Load(reader, path).Entities);
            Assert.Equal(Schema.Vessel, e.Schema);
            Assert.Equal([new EntityName("SAMPLE VESSEL"), new EntityName("SV", NameKind.WeakAlias)], e.Names);
            Assert.Equal([new CrossReference("IMO", "9187629")], e.CrossReferences);
            Assert.Equal(["Autonomous (Russia)"], e.Programs);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Truncated_workbook_is_a_format_error()
    {
        var bytes = File.ReadAllBytes(Xlsx);
        var path = TempFile.Write(bytes.AsSpan(0, bytes.Length - 1000), ".xlsx");
        try
        {
            var reader = new DfatXlsxReader();
            Assert.False(reader.CanRead(ListProbe.Open(path)));
            var ex = Assert.Throws<ListFormatException>(() => RepoFiles.Load(reader, path));
            Assert.Equal(Path.GetFileName(path), ex.File);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("2", "2")]
    [InlineData("2a", "2")]
    [InlineData("34c1", "34")]
    [InlineData("1276c4 ", "1276")]
    [InlineData("ab", null)]
    public void Group_key_from_text_reference(string reference, string? key) =>
        Assert.Equal(key, DfatText.GroupKey(Cell.FromText(reference)));

    [Fact]
    public void Detects_its_own_file_only()
    {
        var reader = new DfatXlsxReader();
        foreach (var file in RepoFiles.AllListFiles())
        {
            Assert.Equal(file == Xlsx, reader.CanRead(ListProbe.Open(file)));
        }
    }
}
