using Comity.Sources.Abstractions;
using Comity.Sources.Spreadsheets;

namespace Comity.Sources.Tests.Spreadsheets;

public class DelimitedReaderTests
{
    [Fact]
    public void Quoted_fields_span_lines_and_rows_keep_their_first_line()
    {
        const string text = "a,b,c\r\n\"multi\nline\",\"with \"\"quotes\"\"\",x\r\n\r\n1,,3\n";
        var rows = DelimitedReader.ReadRows(text, ',', "t.csv").ToList();
        Assert.Equal([1, 2, 5], rows.Select(r => r.Number));
        Assert.Equal("multi\nline", rows[1][0].Text);
        Assert.Equal("with \"quotes\"", rows[1][1].Text);
        Assert.Equal(3, rows[2].Cells.Length);
        Assert.True(rows[2][1].IsEmpty);
        Assert.Equal("line 5", rows[2].Location);
    }

    [Fact]
    public void Stray_quotes_are_literal()
    {
        var row = DelimitedReader.ReadRows("say \"hi\";\"a \"b\" c\";d", ';', "t.csv").Single();
        Assert.Equal(["say \"hi\"", "a \"b\" c", "d"], row.Cells.Select(c => c.Text));
    }

    [Fact]
    public void Unclosed_quote_names_the_line()
    {
        var ex = Assert.Throws<ListFormatException>(() => DelimitedReader.ReadRows("a,b\n1,\"open\n2,3\n", ',', "t.csv").ToList());
        Assert.Equal(("t.csv", "line 2"), (ex.File, ex.Location));
    }

    [Fact]
    public void Windows_1252_bytes_are_decoded_as_such()
    {
        // "Café “Pir” ’ –" in Windows-1252: not valid UTF-8, so decoded as 1252.
        byte[] bytes = [0x43, 0x61, 0x66, 0xE9, 0x20, 0x93, 0x50, 0x69, 0x72, 0x94, 0x20, 0x92, 0x20, 0x96];
        var text = TextDecoding.Decode(bytes, out var encoding);
        Assert.Equal(1252, encoding.CodePage);
        Assert.Equal("Café \u201CPir\u201D \u2019 \u2013", text);
    }

    [Fact]
    public void Utf8_with_and_without_bom()
    {
        var withBom = TextDecoding.Decode([0xEF, 0xBB, 0xBF, 0x43, 0x61, 0x66, 0xC3, 0xA9], out var e1);
        var without = TextDecoding.Decode([0x43, 0x61, 0x66, 0xC3, 0xA9], out var e2);
        Assert.Equal(("Café", "Café"), (withBom, without));
        Assert.Equal((65001, 65001), (e1.CodePage, e2.CodePage));
    }
}
