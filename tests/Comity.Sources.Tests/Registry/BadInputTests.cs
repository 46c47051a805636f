using Comity.Sources.Abstractions;
using Comity.Sources.Ofac;
using Comity.Sources.Registry;
using Comity.Sources.Un;

namespace Comity.Sources.Tests.Registry;

public sealed class BadInputTests : IDisposable
{
    private const string Row306 = "306,\"BANCO NACIONAL DE CUBA\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"a.k.a. 'BNC'.\"\r\n";
    private const string Row36 = "36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n";

    // Row 173 with a column inserted after the name: 13 columns, every later value shifted right.
    private const string Shifted173 = "173,\"ANGLO-CARIBBEAN CO., LTD.\",\"EXTRA\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n";

    private readonly TempFiles _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public void Shifted_csv_row_is_skipped_and_reported_with_its_line()
    {
        var path = _tmp.Write("sdn.csv", Row36 + Shifted173 + Row306 + "\u001A");
        var r = ListReaders.Load(path, TestContext.Current.CancellationToken);
        Assert.Equal(["36", "306"], r.Entities.Select(e => e.SourceId));
        var d = Assert.Single(r.Diagnostics);
        Assert.Equal(("sdn.csv", "line 2", "bad-row", DiagnosticSeverity.Error), (d.File, d.Location, d.Code, d.Severity));
        Assert.Contains("expected 12 columns, found 13", d.Message);
    }

    [Fact]
    public void Unbalanced_quote_costs_one_row_not_the_rest_of_the_file()
    {
        // Row 173 loses the closing quote of its name, so a CSV parser would read on into the next lines.
        var broken = "173,\"ANGLO-CARIBBEAN CO., LTD.,-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n";
        var path = _tmp.Write("sdn.csv", Row36 + broken + Row306 + Row36.Replace("36,\"AERO", "37,\"AERO", StringComparison.Ordinal));
        var r = ListReaders.Load(path, TestContext.Current.CancellationToken);
        Assert.Equal(["36", "37", "306"], r.Entities.Select(e => e.SourceId));
        var d = Assert.Single(r.Diagnostics);
        Assert.Equal(("sdn.csv", "line 2", "bad-row"), (d.File, d.Location, d.Code));
        Assert.Contains("unbalanced double quote", d.Message);
    }

    [Fact]
    public void Orphans_are_reported_with_their_own_line()
    {
        var path = _tmp.Write("sdn.csv", Row36 + Row306);
        _tmp.Write("alt.csv", "999,1,\"aka\",\"NOBODY\",-0- \r\n306,220,\"aka\",\"NATIONAL BANK OF CUBA\",-0- \r\n998,2,\"aka\",\"NOBODY ELSE\",-0- \r\n");
        var r = ListReaders.Load(_tmp.Dir, TestContext.Current.CancellationToken);
        Assert.Equal(["line 1", "line 3"], r.Diagnostics.Select(d => d.Location));
        Assert.All(r.Diagnostics, d => Assert.Equal(("alt.csv", "orphan-alias"), (d.File, d.Code)));
        Assert.Contains(new Core.Model.EntityName("NATIONAL BANK OF CUBA", Core.Model.NameKind.Alias), r.Entities.Single(e => e.SourceId == "306").Names);
    }

    [Fact]
    public void Unreadable_birth_date_is_reported_at_its_row()
    {
        var row = "5,\"DOE, John\",\"individual\",\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"DOB sometime; POB Giza, Egypt.\"\r\n";
        var r = ListReaders.Load(_tmp.Write("sdn.csv", Row36 + row), TestContext.Current.CancellationToken);
        var d = Assert.Single(r.Diagnostics);
        Assert.Equal(("sdn.csv", "line 2", "bad-date", DiagnosticSeverity.Warning), (d.File, d.Location, d.Code, d.Severity));
        Assert.Equal("ent_num 5: date not understood: 'DOB sometime'", d.Message);
        Assert.Equal("eg", r.Entities.Single(e => e.SourceId == "5").BirthPlaces.Single().Country);
    }

    [Fact]
    public void Csv_shifted_from_the_first_row_is_not_recognised()
    {
        var path = _tmp.Write("sdn.csv", Shifted173 + Row306);
        var e = Assert.Throws<ListFormatException>(() => ListReaders.Load(path, TestContext.Current.CancellationToken));
        Assert.Contains(path, e.Message);
        Assert.Contains("unrecognised format", e.Message);
        var direct = Assert.Throws<ListFormatException>(() => new OfacCsvReader().Read(ListProbe.Open(path), TestContext.Current.CancellationToken));
        Assert.Equal(("sdn.csv", "line 1"), (direct.File, direct.Location));
    }

    [Fact]
    public void Empty_file_is_rejected_by_every_reader()
    {
        var path = _tmp.Write("sdn.csv", string.Empty);
        var e = Assert.Throws<ListFormatException>(() => ListReaders.Load(path, TestContext.Current.CancellationToken));
        Assert.Contains("unrecognised format", e.Message);
        foreach (IListReader reader in new IListReader[] { new OfacCsvReader(), new OfacXmlReader(), new UnXmlReader() })
        {
            var x = Assert.Throws<ListFormatException>(() => reader.Read(ListProbe.Open(path), TestContext.Current.CancellationToken));
            Assert.Equal(("sdn.csv", "line 1"), (x.File, x.Location));
            Assert.Contains("empty file", x.Message);
        }
    }

    [Fact]
    public void Binary_garbage_is_rejected()
    {
        var bytes = new byte[8192];
        new Random(20261127).NextBytes(bytes);
        bytes[100] = 0;
        var path = _tmp.Write("garbage.bin", bytes);
        Assert.Contains("unrecognised format", Assert.Throws<ListFormatException>(() => ListReaders.Load(path, TestContext.Current.CancellationToken)).Message);
        var csv = Assert.Throws<ListFormatException>(() => new OfacCsvReader().Read(ListProbe.Open(path), TestContext.Current.CancellationToken));
        Assert.Equal("garbage.bin", csv.File);
        var xml = Assert.Throws<ListFormatException>(() => new UnXmlReader().Read(ListProbe.Open(path), TestContext.Current.CancellationToken));
        Assert.Equal("garbage.bin", xml.File);
        Assert.StartsWith("line 1", xml.Location);
    }

    [Fact]
    public void Csv_with_nul_bytes_names_the_line()
    {
        var path = _tmp.Write("sdn.csv", Row36 + Row306 + "307,\"X\0\",-0- \r\n");
        var e = Assert.Throws<ListFormatException>(() => ListReaders.Load(path, TestContext.Current.CancellationToken));
        Assert.Equal(("sdn.csv", "line 3"), (e.File, e.Location));
        Assert.Contains("binary content", e.Message);
    }

    [Theory]
    [InlineData("un/UN_consolidated.xml", "UN_consolidated.xml")]
    [InlineData("ofac/xml/consolidated.xml", "consolidated.xml")]
    public void Truncated_xml_names_file_and_line(string relative, string name)
    {
        var bytes = File.ReadAllBytes(RepoFiles.Lists(relative));
        var path = _tmp.Write(name, bytes[..20000]);
        var e = Assert.Throws<ListFormatException>(() => ListReaders.Load(path, TestContext.Current.CancellationToken));
        Assert.Equal(name, e.File);
        Assert.Matches(@"^line \d+, column \d+$", e.Location);
        Assert.Contains("malformed XML", e.Message);
    }

    [Theory]
    [InlineData("CONSOLIDATED_LIST")]
    [InlineData("sdnList")]
    public void Xxe_payload_is_refused(string root)
    {
        var secret = _tmp.Write("secret.txt", "TOP-SECRET");
        var xml = $"""
            <?xml version="1.0"?>
            <!DOCTYPE {root} [ <!ENTITY xxe SYSTEM "file://{secret}"> ]>
            <{root}><INDIVIDUALS><INDIVIDUAL><DATAID>1</DATAID><FIRST_NAME>&xxe;</FIRST_NAME><REFERENCE_NUMBER>QDi.1</REFERENCE_NUMBER></INDIVIDUAL></INDIVIDUALS></{root}>
            """;
        var path = _tmp.Write("xxe.xml", xml);
        var e = Assert.Throws<ListFormatException>(() => ListReaders.Load(path, TestContext.Current.CancellationToken));
        Assert.Equal("xxe.xml", e.File);
        Assert.StartsWith("line 2", e.Location);
        Assert.Contains("DTD", e.Message);
        Assert.DoesNotContain("TOP-SECRET", e.Message);
    }

    [Theory]
    [InlineData("CONSOLIDATED_LIST")]
    [InlineData("sdnList")]
    public void Billion_laughs_payload_is_refused(string root)
    {
        var entities = string.Join('\n', Enumerable.Range(1, 9).Select(i => $"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{i - 1};", 10))}\">"));
        var xml = $"""
            <?xml version="1.0"?>
            <!DOCTYPE {root} [ <!ENTITY lol0 "lol">
            {entities}
            ]>
            <{root}>&lol9;</{root}>
            """;
        var path = _tmp.Write("lol.xml", xml);
        var e = Assert.Throws<ListFormatException>(() => ListReaders.Load(path, TestContext.Current.CancellationToken));
        Assert.Equal("lol.xml", e.File);
        Assert.StartsWith("line 2", e.Location);
        Assert.Contains("DTD", e.Message);
    }
}
