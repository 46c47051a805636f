using System.Text.Json;

namespace Comity.Cli.Tests;

public class ScreenCommandTests
{
    [Fact]
    public void Screens_the_example_customers_against_the_bundled_corpus()
    {
        var (exit, stdout, stderr) = ComityProcess.Run("screen", "examples/customers.csv");
        Assert.True(exit == 0, stderr);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(10, lines.Length);
        var rows = lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(Enumerable.Range(1, 10), rows.Select(r => r.GetProperty("row").GetInt32()));

        // Banco Nacional de Cuba is OFAC SDN entry 306.
        var bnc = rows.Single(r => r.GetProperty("id").GetString() == "c-003").GetProperty("hits")[0];
        Assert.Equal("us-ofac-sdn", bnc.GetProperty("source").GetString());
        Assert.Equal("306", bnc.GetProperty("source_id").GetString());
        Assert.True(bnc.GetProperty("match").GetBoolean());
        Assert.Contains("CUBA", bnc.GetProperty("programs").EnumerateArray().Select(p => p.GetString()));
        Assert.True(bnc.GetProperty("explanation").GetProperty("features").GetArrayLength() > 0);

        // An invented German name has no match.
        var anna = rows.Single(r => r.GetProperty("id").GetString() == "c-002");
        Assert.DoesNotContain(anna.GetProperty("hits").EnumerateArray(), h => h.GetProperty("match").GetBoolean());

        // Hits are sorted by score.
        foreach (var r in rows)
        {
            var scores = r.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("score").GetDouble()).ToList();
            Assert.Equal(scores.OrderByDescending(s => s), scores);
        }

        Assert.Contains("10 rows", stderr, StringComparison.Ordinal);
        Assert.Contains("rows/s", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_standard_input_reports_bad_rows_and_goes_on()
    {
        var (exit, stdout, stderr) = ComityProcess.RunWithInput("name,schema\nHANIYA Ismail,Person\nbad,row,extra\n", "screen", "-", "--format", "csv", "--limit", "2");
        Assert.True(exit == 0, stderr);
        Assert.Contains("skipped row 2: line 3", stderr, StringComparison.Ordinal);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("row,id,query_name,entity_id", lines[0], StringComparison.Ordinal);
        Assert.InRange(lines.Length, 2, 3);
    }

    [Fact]
    public void A_missing_input_file_fails_clearly()
    {
        var (exit, _, stderr) = ComityProcess.Run("screen", "no-such-file.csv");
        Assert.Equal(2, exit);
        Assert.Contains("no-such-file.csv", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_corrupt_list_fails_naming_the_file_and_exits_non_zero()
    {
        var dir = Directory.CreateTempSubdirectory("comity-bad-list");
        var bad = Path.Combine(dir.FullName, "UN_consolidated.xml");
        File.WriteAllText(bad, "<?xml version=\"1.0\"?><CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><DATAID>1</DATAID>");
        var (exit, _, stderr) = ComityProcess.Run("screen", "examples/customers.csv", "--list", bad);
        Assert.Equal(3, exit);
        Assert.Contains("UN_consolidated.xml: line 1", stderr, StringComparison.Ordinal);
    }
}
