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
        Assert.Equal("name1,name2,schema,score,match", lines[0]);
        Assert.EndsWith(",true", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(",false", lines[2], StringComparison.Ordinal);
    }
}
