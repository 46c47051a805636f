using Comity.Application.Lists;
using Comity.Application.Tests.Evaluation;

namespace Comity.Application.Tests.Lists;

/// <summary>The bundled sources file and the errors of a broken one (each names the file and the field).</summary>
public sealed class SourcesConfigTests : IDisposable
{
    private readonly string _dir = ListFiles.TempDir();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void The_bundled_sources_file_names_every_official_dataset_of_the_default_corpus()
    {
        var c = SourcesConfig.Load(RepoFiles.Path("data/sources.json"));
        Assert.Equal(
            ["us-ofac-sdn", "us-ofac-cons", "un-sc", "eu-fsf", "gb-fcdo", "gb-hmt-ofsi", "ca-sema", "au-dfat", "ch-seco", "us-trade-csl", "us-bis-dpl"],
            c.Sources.Select(s => s.Name));
        Assert.All(c.Sources, s => Assert.All(s.Files, f => Assert.Equal("https", f.Url.Scheme)));
        Assert.All(c.Sources, s => Assert.True(File.Exists(RepoFiles.Path("data/" + s.Bundled)) || Directory.Exists(RepoFiles.Path("data/" + s.Bundled)), s.Name));
        Assert.Equal(4, c.Find("us-ofac-sdn")!.Files.Count);
        Assert.Equal("https://scsanctions.un.org/resources/xml/en/consolidated.xml", c.Find("un-sc")!.Files[0].Url.AbsoluteUri);
    }

    [Theory]
    [InlineData("{", "not valid JSON")]
    [InlineData("{\"sources\": 3}", "sources: required")]
    [InlineData("{\"sources\": [{\"name\": \"un-sc\"}]}", "sources[0].format: required")]
    [InlineData("{\"sources\": [{\"name\": \"un-sc\", \"format\": \"pdf\"}]}", "sources[0].format: 'pdf' is not a format Comity reads")]
    [InlineData("{\"sources\": [{\"name\": \"un-sc\", \"format\": \"un-xml\", \"files\": [{\"name\": \"a.xml\", \"url\": \"ftp://x/a\"}]}]}", "sources[0].files[0].url: 'ftp://x/a': not an absolute http or https URL")]
    [InlineData("{\"sources\": [{\"name\": \"un-sc\", \"format\": \"un-xml\", \"files\": [{\"name\": \"../a.xml\", \"url\": \"https://x/a\"}]}]}", "sources[0].files[0].name")]
    [InlineData("{\"sources\": [{\"name\": \"un-sc\", \"format\": \"un-xml\", \"authority\": \"UN\", \"cadence\": \"weekly\", \"files\": [{\"name\": \"a.xml\", \"url\": \"https://x/a\"}], \"max_age_days\": -1}]}", "sources[0].max_age_days: expected a number from 1")]
    [InlineData("{\"fetch\": {\"attempts\": 0}, \"sources\": []}", "fetch.attempts")]
    public void A_broken_sources_file_is_refused_naming_the_field(string json, string message)
    {
        var path = Path.Combine(_dir, "s.json");
        File.WriteAllText(path, json);
        var e = Assert.Throws<SourcesFileException>(() => SourcesConfig.Load(path));
        Assert.StartsWith(path + ": ", e.Message, StringComparison.Ordinal);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_url_override_replaces_one_source_and_a_multi_file_source_needs_a_base_url()
    {
        var c = SourcesConfig.Load(RepoFiles.Path("data/sources.json"));
        var un = c.WithUrl("un-sc", "http://127.0.0.1:9/un.xml").Find("un-sc")!;
        Assert.Equal("http://127.0.0.1:9/un.xml", un.Files[0].Url.AbsoluteUri);
        var sdn = c.WithUrl("us-ofac-sdn", "http://127.0.0.1:9/ofac/").Find("us-ofac-sdn")!;
        Assert.Equal("http://127.0.0.1:9/ofac/sdn_comments.csv", sdn.Files[3].Url.AbsoluteUri);
        Assert.Contains("give a base URL ending in /", Assert.Throws<SourcesFileException>(() => c.WithUrl("us-ofac-sdn", "http://x/sdn.csv")).Message, StringComparison.Ordinal);
        Assert.Contains("unknown source 'nope'", Assert.Throws<SourcesFileException>(() => c.WithUrl("nope", "http://x/")).Message, StringComparison.Ordinal);
        Assert.Contains("not an absolute http or https URL", Assert.Throws<SourcesFileException>(() => c.WithUrl("un-sc", "file:///etc/passwd")).Message, StringComparison.Ordinal);
    }
}
