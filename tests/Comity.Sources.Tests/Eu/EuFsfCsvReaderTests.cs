using System.Text;
using Comity.Core.Model;
using Comity.Sources.Abstractions;
using Comity.Sources.Eu;

namespace Comity.Sources.Tests.Eu;

public class EuFsfCsvReaderTests
{
    internal static readonly string Csv = RepoFiles.Full("data/constructed/eu/fsf-csv-1_1-from-sample.csv");

    [Fact]
    public void Csv_and_xml_give_the_same_five_entities()
    {
        var xml = RepoFiles.Load(new EuFsfXmlReader(), EuFsfXmlReaderTests.Sample);
        var csv = RepoFiles.Load(new EuFsfCsvReader(), Csv);
        Assert.Empty(csv.Diagnostics);
        Assert.Equal("2026-08-05", csv.Provenance.Published);
        Assert.Equal("eu-fsf-csv", csv.Provenance.Format);
        Assert.Equal(5, csv.Provenance.RecordCounts["sanctionEntity"]);
        Assert.Equal(xml.Entities.Select(e => e.Id), csv.Entities.Select(e => e.Id));
        foreach (var (x, c) in xml.Entities.Zip(csv.Entities))
        {
            Assert.Equal((x.Schema, x.Gender, x.ListedOn, x.Caption, x.Remarks), (c.Schema, c.Gender, c.ListedOn, c.Caption, c.Remarks));
            Assert.Equal(x.Names, c.Names);
            Assert.Equal(x.BirthDates, c.BirthDates);
            Assert.Equal(x.BirthPlaces, c.BirthPlaces);
            Assert.Equal(x.Nationalities, c.Nationalities);
            Assert.Equal(x.Addresses, c.Addresses);
            Assert.Equal(x.Identifiers, c.Identifiers);
            Assert.Equal(x.Programs, c.Programs);
            Assert.Equal(x.Topics, c.Topics);
            Assert.Equal(x.Titles, c.Titles);
            Assert.Equal(x.CrossReferences, c.CrossReferences);
            Assert.Equal(x.Properties, c.Properties);
        }
    }

    [Fact]
    public void Subject_type_columns_are_accepted_in_either_order()
    {
        var lines = File.ReadAllLines(Csv, Encoding.UTF8);
        var unswapped = lines.Select((l, i) => i == 0 ? l : l.Replace(";P;person;", ";person;P;", StringComparison.Ordinal)
            .Replace(";E;enterprise;", ";enterprise;E;", StringComparison.Ordinal)).ToArray();
        Assert.NotEqual(lines, unswapped);
        var path = TempFile.Write(Encoding.UTF8.GetBytes(string.Join("\r\n", unswapped)), ".csv");
        try
        {
            var r = RepoFiles.Load(new EuFsfCsvReader(), path);
            Assert.Equal(
                [Schema.Person, Schema.Person, Schema.Organization, Schema.Person, Schema.Person],
                r.Entities.Select(e => e.Schema));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Lenient_quotes_and_shifted_rows()
    {
        var lines = File.ReadAllLines(Csv, Encoding.UTF8).ToList();
        var header = lines[0].Split(';');
        string Row(string id, string name, string remark)
        {
            var cells = new string[header.Length];
            Array.Fill(cells, string.Empty);
            cells[Array.IndexOf(header, "fileGenerationDate")] = "05/08/2026";
            cells[Array.IndexOf(header, "Entity_LogicalId")] = id;
            cells[Array.IndexOf(header, "Entity_EU_ReferenceNumber")] = "EU.9." + id;
            cells[Array.IndexOf(header, "Entity_SubjectType")] = "P";
            cells[Array.IndexOf(header, "Entity_SubjectType_ClassificationCode")] = "person";
            cells[Array.IndexOf(header, "NameAlias_WholeName")] = name;
            cells[Array.IndexOf(header, "NameAlias_Remark")] = remark;
            return string.Join(';', cells);
        }

        // An unescaped quote inside a quoted field is kept; a row with one field too many is reported.
        var text = string.Join("\r\n",
            lines[0],
            Row("900", "Test Person", "\"Known as \"Doc\" in reports\""),
            Row("901", "Shifted Person", string.Empty) + ";extra");
        var path = TempFile.Write(Encoding.UTF8.GetBytes(text), ".csv");
        try
        {
            var r = RepoFiles.Load(new EuFsfCsvReader(), path);
            var e = Assert.Single(r.Entities);
            Assert.Equal("Known as \"Doc\" in reports", e.Remarks);
            var d = Assert.Single(r.Diagnostics);
            Assert.Equal(("bad-row", "line 3"), (d.Code, d.Location));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Empty_file_and_unclosed_quote_are_format_errors()
    {
        var empty = TempFile.Write([], ".csv");
        var unclosed = TempFile.Write(Encoding.UTF8.GetBytes(File.ReadAllLines(Csv, Encoding.UTF8)[0] + "\r\n05/08/2026;\"191;EU.1"), ".csv");
        try
        {
            Assert.Throws<ListFormatException>(() => RepoFiles.Load(new EuFsfCsvReader(), empty));
            var ex = Assert.Throws<ListFormatException>(() => RepoFiles.Load(new EuFsfCsvReader(), unclosed));
            Assert.Equal("line 2", ex.Location);
        }
        finally
        {
            File.Delete(empty);
            File.Delete(unclosed);
        }
    }

    [Fact]
    public void Detects_its_own_file_only()
    {
        var reader = new EuFsfCsvReader();
        Assert.True(reader.CanRead(ListProbe.Open(Csv)));
        foreach (var file in RepoFiles.AllListFiles())
        {
            Assert.False(reader.CanRead(ListProbe.Open(file)));
        }
    }

    [Theory]
    [InlineData("WEB:http://icig.ir/;PHONE:+98 21 2258929; +98 21 35243153", "WEB=http://icig.ir/|PHONE=+98 21 2258929; +98 21 35243153")]
    [InlineData("EMAIL: a@b.example", "EMAIL=a@b.example")]
    [InlineData("", "")]
    public void Contact_info_cell(string cell, string expected) =>
        Assert.Equal(expected, string.Join('|', ContactInfo.Parse(cell).Select(p => $"{p.Key}={p.Value}")));
}
