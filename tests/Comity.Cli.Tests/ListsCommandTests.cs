using System.Text.Json;

namespace Comity.Cli.Tests;

public class ListsCommandTests
{
    [Fact]
    public void Inspect_prints_one_json_summary()
    {
        var (exit, stdout, stderr) = ComityProcess.Run("lists", "inspect", "data/lists/un/UN_consolidated.xml");
        Assert.True(exit == 0, stderr);
        var doc = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal("un-xml", doc.GetProperty("format").GetString());
        Assert.Equal("un-sc", doc.GetProperty("source").GetString());
        Assert.Equal(1003, doc.GetProperty("entities").GetInt32());
        Assert.Equal(730, doc.GetProperty("schemata").GetProperty("Person").GetInt32());
    }

    [Fact]
    public void Lists_shows_every_authority_of_the_default_corpus_and_the_links()
    {
        var (exit, stdout, stderr) = ComityProcess.Run("lists");
        Assert.True(exit == 0, stderr);
        foreach (var source in new[] { "us-ofac-sdn", "us-ofac-cons", "un-sc", "eu-fsf", "gb-hmt-ofsi", "gb-fcdo", "ca-sema", "au-dfat", "ch-seco", "us-trade-csl", "us-bis-dpl", "icc-warrants", "us-ofac-icc" })
        {
            Assert.Contains(source, stdout, StringComparison.Ordinal);
        }

        Assert.Contains("un-sc entries linked to:", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_schema_file_is_refused_as_not_a_list()
    {
        var (exit, _, stderr) = ComityProcess.Run("lists", "inspect", "data/lists/un/sc-sanctions.xsd");
        Assert.Equal(3, exit);
        Assert.Contains("not a list", stderr, StringComparison.Ordinal);
    }
}
