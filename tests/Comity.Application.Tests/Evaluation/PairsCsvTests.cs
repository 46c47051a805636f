using Comity.Application.Evaluation;

namespace Comity.Application.Tests.Evaluation;

public class PairsCsvTests
{
    [Fact]
    public void Reads_required_and_optional_columns_in_any_order()
    {
        const string csv = "is_match,schema,name2,name1,kind,extra\n"
            + "1,Person,\"MADURO MOROS, Nicolas\",Nicolas Maduro,reorder,x\n"
            + "0,,ACME LLC,ACME Ltd,,\n";
        var result = PairsCsv.Read(new StringReader(csv), "pairs.csv");
        Assert.Empty(result.Diagnostics);
        Assert.Equal(2, result.Rows.Length);
        Assert.Equal(new LabelledPair("Nicolas Maduro", "MADURO MOROS, Nicolas", "Person", true, "reorder", null), result.Rows[0]);
        Assert.Equal(new LabelledPair("ACME Ltd", "ACME LLC", null, false, null, null), result.Rows[1]);
    }

    [Fact]
    public void Malformed_rows_are_skipped_with_their_line_numbers()
    {
        const string csv = "name1,name2,schema,is_match\n"
            + "a,b,Person,1\n"
            + "\"multi\nline\",b,Person,1\n"
            + ",b,Person,1\n"
            + "a,b,Person,maybe\n"
            + "a,b,Spaceship,0\n"
            + "a,b\n"
            + "c,d,company,TRUE\n";
        var result = PairsCsv.Read(new StringReader(csv), "p.csv");
        Assert.Equal(3, result.Rows.Length);
        Assert.Equal("multi\nline", result.Rows[1].Name1);
        Assert.True(result.Rows[2].IsMatch);
        Assert.Equal(["line 5", "line 6", "line 7", "line 8"], result.Diagnostics.Select(d => d.Location));
        Assert.All(result.Diagnostics, d => Assert.Equal("p.csv", d.File));
        Assert.Contains("maybe", result.Diagnostics[1].Message, StringComparison.Ordinal);
        Assert.Contains("Spaceship", result.Diagnostics[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_required_column_makes_the_file_unreadable()
    {
        var e = Assert.Throws<InvalidDataException>(() => PairsCsv.Read(new StringReader("name1,name2,score\na,b,1\n"), "x.csv"));
        Assert.Contains("x.csv: line 1", e.Message, StringComparison.Ordinal);
        Assert.Contains("schema", e.Message, StringComparison.Ordinal);
        Assert.Contains("is_match", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_generated_pairs_file_reads_without_diagnostics_and_meets_its_size_targets()
    {
        var path = RepoFiles.Path("data/eval/pairs.csv");
        var result = PairsCsv.Read(path);
        Assert.Empty(result.Diagnostics);

        // No field of the generated file holds a line break, so rows = lines - header.
        Assert.Equal(File.ReadLines(path).Count() - 1, result.Rows.Length);
        Assert.True(result.Rows.Count(p => p.IsMatch) >= 5000);
        Assert.True(result.Rows.Count(p => !p.IsMatch) >= 5000);
        Assert.All(result.Rows, p => Assert.Contains(p.Split, new[] { "dev", "test" }));
        Assert.All(result.Rows, p => Assert.NotNull(p.Kind));

        // Every row written back in RFC 4180 form gives the raw line of the file.
        var lines = File.ReadLines(path).Skip(1).Take(200).ToList();
        for (var i = 0; i < lines.Count; i++)
        {
            var p = result.Rows[i];
            Assert.StartsWith(string.Join(',', Quote(p.Name1), Quote(p.Name2), p.Schema, p.IsMatch ? "1" : "0", p.Kind, p.Split) + ",", lines[i], StringComparison.Ordinal);
        }
    }

    private static string Quote(string field) =>
        field.Contains(',', StringComparison.Ordinal) || field.Contains('"', StringComparison.Ordinal)
            ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : field;
}
