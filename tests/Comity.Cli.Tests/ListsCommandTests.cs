using System.Text.Json;

namespace Comity.Cli.Tests;

public class ListsCommandTests(DefaultCorpusFixture corpus) : IClassFixture<DefaultCorpusFixture>
{
    private readonly DefaultCorpusFixture _corpus = corpus;

    [Fact]
    public void Inspect_prints_one_json_summary()
    {
        var r = Cli.Run("lists", "inspect", Cli.Repo("data/lists/un/UN_consolidated.xml"));
        Assert.True(r.Exit == 0, r.ToString());
        var doc = JsonDocument.Parse(r.Out).RootElement;
        Assert.Equal("un-xml", doc.GetProperty("format").GetString());
        Assert.Equal("un-sc", doc.GetProperty("source").GetString());
        Assert.Equal(1003, doc.GetProperty("entities").GetInt32());
        Assert.Equal(730, doc.GetProperty("schemata").GetProperty("Person").GetInt32());
    }

    [Fact]
    public void Lists_shows_every_authority_of_the_default_corpus_and_the_links()
    {
        Assert.NotNull(_corpus);
        var r = Cli.Run("lists");
        Assert.True(r.Exit == 0, r.ToString());
        foreach (var source in new[] { "us-ofac-sdn", "us-ofac-cons", "un-sc", "eu-fsf", "gb-hmt-ofsi", "gb-fcdo", "ca-sema", "au-dfat", "ch-seco", "us-trade-csl", "us-bis-dpl", "icc-warrants", "us-ofac-icc" })
        {
            Assert.Contains(source, r.Out, StringComparison.Ordinal);
        }

        Assert.Contains("un-sc entries linked to:", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_schema_file_is_refused_as_not_a_list()
    {
        var r = Cli.Run("lists", "inspect", Cli.Repo("data/lists/un/sc-sanctions.xsd"));
        Cli.AssertOneLine(r, 3, "not a list");
    }
}
