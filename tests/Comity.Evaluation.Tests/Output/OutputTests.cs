using Comity.Evaluation.Output;

namespace Comity.Evaluation.Tests.Output;

public class OutputTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("MADURO MOROS, Nicolas", "\"MADURO MOROS, Nicolas\"")]
    [InlineData("OOO \"Uralstroy\"", "\"OOO \"\"Uralstroy\"\"\"")]
    [InlineData("", "")]
    public void Fields_are_quoted_only_when_needed(string value, string written) => Assert.Equal(written, CsvText.Field(value));

    [Fact]
    public void Generator_writes_three_files_with_headers_and_counts()
    {
        var options = new GeneratorOptions { Persons = 52, Companies = 26 };
        var (pairs, population) = Generator.Build(TestEntities.Corpus, options);
        var dir = Path.Combine(Path.GetTempPath(), "comity-eval-" + Guid.NewGuid().ToString("N"));
        try
        {
            Generator.Write(dir, pairs, population, new ReadmeFacts(options.Seed, "cmd", ["list"]));
            var pairLines = File.ReadAllLines(Path.Combine(dir, "pairs.csv"));
            Assert.Equal("name1,name2,schema,is_match,kind,split,entity1,entity2", pairLines[0]);
            Assert.Equal(pairs.Count + 1, pairLines.Length);
            var popLines = File.ReadAllLines(Path.Combine(dir, "population.csv"));
            Assert.Equal("id,name,schema,dob,nationality,locale,kind,split", popLines[0]);
            Assert.Equal(population.Count + 1, popLines.Length);
            var readme = File.ReadAllText(Path.Combine(dir, "README.md"));
            Assert.Contains("Seed: `" + options.Seed + "`", readme, StringComparison.Ordinal);
            Assert.Contains($"| **total** | | {pairs.Count(p => p.Split == "dev")} | {pairs.Count(p => p.Split == "test")} | {pairs.Count} |", readme, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
