using System.Text.Json;

namespace Comity.Cli.Tests;

public class CompareCommandTests
{
    [Fact]
    public void Compares_two_names_with_an_explanation()
    {
        var (exit, stdout, stderr) = ComityProcess.Run("compare", "Nicolas Maduro", "MADURO MOROS, Nicolas", "--schema", "Person");
        Assert.True(exit == 0, stderr);
        var doc = JsonDocument.Parse(stdout).RootElement;
        Assert.True(doc.GetProperty("match").GetBoolean());
        Assert.Contains(doc.GetProperty("explanation").GetProperty("features").EnumerateArray(), f => f.GetProperty("feature").GetString() == "name_match");
    }

    [Fact]
    public void Scores_a_file_of_pairs()
    {
        var pairs = Path.Combine(Directory.CreateTempSubdirectory("comity-pairs").FullName, "pairs.csv");
        File.WriteAllText(pairs, "name1,name2,schema\nJohn Doeburg,John Dowburg,Person\nJohn Doe,Juan Doe,Person\n");
        var (exit, stdout, stderr) = ComityProcess.Run("compare", "--pairs", pairs);
        Assert.True(exit == 0, stderr);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("name1,name2,schema,score,match", lines[0]);
        Assert.EndsWith(",true", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(",false", lines[2], StringComparison.Ordinal);
    }
}
