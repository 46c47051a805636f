using System.Text.Json;

namespace Comity.Cli.Tests;

public class CompareCommandTests(DefaultCorpusFixture corpus) : IClassFixture<DefaultCorpusFixture>
{
    private readonly DefaultCorpusFixture _corpus = corpus;

    [Fact]
    public void Compares_two_names_with_an_explanation()
    {
        Assert.NotNull(_corpus);
        var r = Cli.Run("compare", "Nicolas Maduro", "MADURO MOROS, Nicolas", "--schema", "Person");
        Assert.True(r.Exit == 0, r.ToString());
        var doc = JsonDocument.Parse(r.Out).RootElement;
        Assert.True(doc.GetProperty("match").GetBoolean());
        Assert.Contains(doc.GetProperty("explanation").GetProperty("features").EnumerateArray(), f => f.GetProperty("feature").GetString() == "name_match");
    }

    [Fact]
    public void Scores_a_file_of_pairs()
    {
        var pairs = Path.Combine(Directory.CreateTempSubdirectory("comity-pairs").FullName, "pairs.csv");
        File.WriteAllText(pairs, "name1,name2,schema\nJohn Doeburg,John Dowburg,Person\nJohn Doe,Juan Doe,Person\n");
        var r = Cli.Run("compare", "--pairs", pairs);
        Assert.True(r.Exit == 0, r.ToString());
        var lines = r.Lines;
        Assert.Equal("name1,name2,schema,score,match,error", lines[0]);
        Assert.EndsWith(",true,", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(",false,", lines[2], StringComparison.Ordinal);
        Assert.Contains("2 pairs scored", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_row_in_a_pairs_file_keeps_its_place_with_an_error_and_the_run_exits_4()
    {
        var pairs = Path.Combine(Directory.CreateTempSubdirectory("comity-pairs").FullName, "pairs.csv");
        var longName = string.Join(' ', Enumerable.Repeat("abc", 400));
        File.WriteAllText(pairs, $"name1,name2,schema\nJohn Doe,Juan Doe,Person\nonly one cell\n,Juan Doe,Person\nJohn Doe,Juan Doe,Starship\n{longName},x,Person\nJohn Doeburg,John Dowburg,Person\n");
        var r = Cli.Run("compare", "--pairs", pairs);
        Assert.True(r.Exit == 4, r.ToString());
        var lines = r.Lines;
        Assert.Equal(7, lines.Length);
        Assert.EndsWith(",false,", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(",,,\"line 3: 1 columns, the header has 3\"", lines[2], StringComparison.Ordinal);
        Assert.EndsWith(",,,line 4: name1 is empty", lines[3], StringComparison.Ordinal);
        Assert.Contains("line 5: schema Starship: unknown", lines[4], StringComparison.Ordinal);
        Assert.Contains("line 6: name1: a name has at most", lines[5], StringComparison.Ordinal);
        Assert.EndsWith(",true,", lines[6], StringComparison.Ordinal);
        Assert.Contains("2 pairs scored, 4 not scored", r.Err, StringComparison.Ordinal);
        Assert.Equal(0, Cli.Run("compare", "--pairs", pairs, "--allow-skipped").Exit);
    }
}
