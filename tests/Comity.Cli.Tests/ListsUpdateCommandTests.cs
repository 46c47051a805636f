using System.Text.Json;
using System.Xml.Linq;
using Comity.Application.Tests.Lists;

namespace Comity.Cli.Tests;

/// <summary><c>comity lists update</c>, <c>history</c>, <c>diff</c> and <c>--data-dir</c> end to end against a real
/// loopback HTTP server serving the bundled files (nothing reaches the internet: every URL is overridden).</summary>
public sealed class ListsUpdateCommandTests : IDisposable
{
    private readonly LoopbackServer _server = new();
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "comity-cli-lists-" + Guid.NewGuid().ToString("N")[..12]);

    public ListsUpdateCommandTests() => Directory.CreateDirectory(_dir);

    private string DataDir => Path.Combine(_dir, "store");

    public void Dispose()
    {
        _server.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    /// <summary>A sources file with only the UN list, served from the loopback server.</summary>
    private string UnSources()
    {
        var path = Path.Combine(_dir, "sources.json");
        File.WriteAllText(path, $$"""
        {"fetch": {"timeout_seconds": 5, "attempts": 2, "backoff_seconds": 0.01},
         "sources": [{"name": "un-sc", "authority": "UN", "format": "un-xml", "cadence": "weekly", "max_age_days": 14, "min_entities": 500,
                      "bundled": "lists/un/UN_consolidated.xml", "files": [{"name": "consolidated.xml", "url": "{{_server.Url("un.xml")}}"}]}]}
        """);
        return path;
    }

    private static byte[] UnWithout(int individuals, string rename)
    {
        var doc = XDocument.Load(Cli.Repo("data/lists/un/UN_consolidated.xml"), LoadOptions.PreserveWhitespace);
        var all = doc.Descendants().Where(e => e.Name.LocalName == "INDIVIDUAL").ToList();
        all.Take(individuals).ToList().ForEach(e => e.Remove());
        all[individuals].Elements().First(e => e.Name.LocalName == "FIRST_NAME").Value = rename;
        using var ms = new MemoryStream();
        doc.Save(ms, SaveOptions.DisableFormatting);
        return ms.ToArray();
    }

    [Fact]
    public void Exit_codes_distinguish_updated_nothing_changed_and_failed()
    {
        var sources = UnSources();
        _server.SetFile("un.xml", Cli.Repo("data/lists/un/UN_consolidated.xml"));
        var first = Cli.Run("lists", "update", "--data-dir", DataDir, "--sources", sources);
        Assert.True(first.Exit == 0, first.ToString());
        Assert.Contains("un-sc          updated", first.Out, StringComparison.Ordinal);
        Assert.Contains("1 updated, 0 unchanged, 0 failed", first.Err, StringComparison.Ordinal);

        var second = Cli.Run("lists", "update", "--data-dir", DataDir, "--sources", sources);
        Assert.True(second.Exit == 6, second.ToString());
        Assert.Contains("not modified (HTTP 304)", second.Out, StringComparison.Ordinal);

        _server.Set("un.xml", Behaviour.NotFound);
        var failed = Cli.Run("lists", "update", "--data-dir", DataDir, "--sources", sources);
        Assert.True(failed.Exit == 5, failed.ToString());
        Assert.Contains("FAILED", failed.Out, StringComparison.Ordinal);
        Assert.Contains("previous version kept", failed.Out, StringComparison.Ordinal);
        Assert.Contains("HTTP 404", failed.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void History_and_diff_show_the_versions_and_what_changed()
    {
        var sources = UnSources();
        _server.SetFile("un.xml", Cli.Repo("data/lists/un/UN_consolidated.xml"));
        Assert.Equal(0, Cli.Run("lists", "update", "--data-dir", DataDir, "--sources", sources).Exit);
        _server.Set("un.xml", UnWithout(2, "RENAMED"));
        Assert.Equal(0, Cli.Run("lists", "update", "--data-dir", DataDir, "--sources", sources).Exit);

        var history = Cli.Run("lists", "history", "un-sc", "--data-dir", DataDir);
        Assert.True(history.Exit == 0, history.ToString());
        var rows = history.Lines.Skip(1).ToArray();
        Assert.Equal(2, rows.Length);
        Assert.StartsWith("* un-sc", rows[0], StringComparison.Ordinal);
        Assert.Contains("1,001", rows[0], StringComparison.Ordinal);
        Assert.Contains(_server.Url("un.xml"), rows[1], StringComparison.Ordinal);

        var diff = Cli.Run("lists", "diff", "un-sc", "--data-dir", DataDir, "--sources", sources, "--format", "json");
        Assert.True(diff.Exit == 0, diff.ToString());
        var d = JsonDocument.Parse(diff.Out).RootElement;
        Assert.Equal(0, d.GetProperty("added").GetInt32());
        Assert.Equal(2, d.GetProperty("removed").GetInt32());
        Assert.Equal(1, d.GetProperty("changed").GetInt32());
        var changed = d.GetProperty("entities").GetProperty("changed")[0];
        Assert.Equal(["names"], changed.GetProperty("fields").EnumerateArray().Select(f => f.GetString()));

        var table = Cli.Run("lists", "diff", "un-sc", "--data-dir", DataDir, "--sources", sources);
        Assert.Contains("0 added, 2 removed, 1 changed", table.Out, StringComparison.Ordinal);
        Assert.Contains("[names]", table.Out, StringComparison.Ordinal);

        var bad = Cli.Run("lists", "diff", "un-sc", "--data-dir", DataDir, "--sources", sources, "--from", "abcdef");
        Cli.AssertOneLine(bad, 2, "--from abcdef: no such version of un-sc");
    }

    [Theory]
    [InlineData("--url", "un-sc", "no '=' in it")]
    [InlineData("--url", "un-sc=ftp://example.org/x", "not an absolute http or https URL")]
    [InlineData("--url", "nope=http://127.0.0.1:9/x", "unknown source 'nope'")]
    [InlineData("--source", "nope", "--source nope: not in")]
    [InlineData("--keep", "0", "--keep 0: must be at least 1")]
    public void Bad_options_are_refused_before_any_download(string option, string value, string message)
    {
        var r = Cli.Run("lists", "update", "--data-dir", DataDir, option, value);
        Cli.AssertOneLine(r, 2, message == "no '=' in it" ? "expected SOURCE=URL" : message);
        Assert.Empty(_server.Hits);
    }

    [Fact]
    public void A_broken_sources_file_or_a_missing_data_dir_is_a_clear_error()
    {
        var path = Path.Combine(_dir, "broken.json");
        File.WriteAllText(path, "{\"sources\": [{\"name\": \"un-sc\", \"format\": \"un-xml\", \"files\": []}]}");
        Cli.AssertOneLine(Cli.Run("lists", "update", "--data-dir", DataDir, "--sources", path), 2, "sources[0].files: required");
        Cli.AssertOneLine(Cli.Run("lists", "update"), 2, "--data-dir DIR (or COMITY_DATA_DIR) is required");
        Assert.False(Directory.Exists(DataDir));
    }

    [Fact]
    public void Every_bundled_source_updates_from_loopback_and_the_live_corpus_uses_the_downloads()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Cli.Repo("data/sources.json")));
        var args = new List<string> { "lists", "update", "--data-dir", DataDir };
        foreach (var s in doc.RootElement.GetProperty("sources").EnumerateArray())
        {
            var name = s.GetProperty("name").GetString()!;
            var bundled = Cli.Repo("data/" + s.GetProperty("bundled").GetString());
            if (Directory.Exists(bundled))
            {
                foreach (var f in s.GetProperty("files").EnumerateArray())
                {
                    var file = f.GetProperty("name").GetString()!;
                    _server.SetFile($"{name}/{file}", Path.Combine(bundled, file));
                }

                args.AddRange(["--url", $"{name}={_server.Url(name + "/")}"]);
            }
            else
            {
                _server.SetFile(name, bundled);
                args.AddRange(["--url", $"{name}={_server.Url(name)}"]);
            }
        }

        var r = Cli.Run([.. args]);

        // The EU excerpt (5 entities) and SECO's test example (3) are below their minimum: refused, nothing kept; the
        // other nine are checked and stored.
        Assert.True(r.Exit == 5, r.ToString());
        Assert.Contains("9 updated, 0 unchanged, 2 failed", r.Err, StringComparison.Ordinal);
        Assert.Matches(@"eu-fsf\s+FAILED.*no version kept: 5 entities, fewer than the minimum of 1,000", r.Out);
        Assert.Matches(@"ch-seco\s+FAILED.*3 entities, fewer than the minimum", r.Out);
        foreach (var ok in new[] { "us-ofac-sdn", "us-ofac-cons", "un-sc", "gb-fcdo", "gb-hmt-ofsi", "ca-sema", "au-dfat", "us-trade-csl", "us-bis-dpl" })
        {
            Assert.Matches($@"{ok}\s+updated", r.Out);
        }

        var lists = Cli.Run("lists", "--data-dir", DataDir, "--as-of", "2026-12-02");
        Assert.True(lists.Exit == 0, lists.ToString());
        var sdn = lists.Lines.Single(l => l.StartsWith("us-ofac-sdn ", StringComparison.Ordinal));
        Assert.Contains("2026-12-01   last-modified", sdn, StringComparison.Ordinal);
        Assert.DoesNotContain("bundled", sdn, StringComparison.Ordinal);
        Assert.Contains("current", sdn, StringComparison.Ordinal);
        var eu = lists.Lines.Single(l => l.StartsWith("eu-fsf ", StringComparison.Ordinal));
        Assert.Contains("sample (min 1,000)", eu, StringComparison.Ordinal);
        Assert.Contains("bundled", eu, StringComparison.Ordinal);
    }
}
