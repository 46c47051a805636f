using Comity.Application.Lists;

namespace Comity.Application.Tests.Lists;

/// <summary><see cref="ListUpdater"/> against a real HTTP server on loopback serving the bundled real files and
/// modified copies: first download, 304, changed content, 404, 500, time-out, truncated body, HTML page, shrink
/// guard, wrong format, a multi-file source, one source failing while another updates, version pruning.</summary>
public sealed class ListUpdaterTests : IDisposable
{
    private readonly LoopbackServer _server = new();
    private readonly string _dir = ListFiles.TempDir();
    private readonly HttpClient _http = ListFetcher.CreateClient();

    public void Dispose()
    {
        _server.Dispose();
        _http.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    private ListStore Store => new(Path.Combine(_dir, "store"));

    private Task<UpdateReport> Update(string? sources = null, bool acceptShrink = false, params string[] only) =>
        new ListUpdater(Store, SourcesConfig.Load(sources ?? ListFiles.WriteSources(_server, _dir)), _http, TimeProvider.System)
            .UpdateAsync(new UpdateOptions { Only = only.Length == 0 ? ["un-sc"] : only, AcceptShrink = acceptShrink }, TestContext.Current.CancellationToken);

    [Fact]
    public async Task First_download_is_parsed_checked_stored_by_sha256_and_made_current_with_provenance()
    {
        _server.SetFile("un.xml", ListFiles.UnXml);
        var r = await Update();
        var un = Assert.Single(r.Sources);
        Assert.True(un.Outcome == UpdateOutcome.Updated, un.Message);
        var v = un.Current!;
        Assert.Equal(1003, v.Entities);
        Assert.Equal("un-xml", v.Format);
        Assert.Equal(new DateOnly(2026, 2, 27), v.DataDate);
        Assert.Equal("file", v.DataDateFrom);
        var file = Assert.Single(v.Files);
        Assert.Equal(_server.Url("un.xml"), file.Url);
        Assert.NotNull(file.ETag);
        Assert.Equal("Tue, 01 Dec 2026 08:00:00 GMT", file.LastModified);
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(ListFiles.UnXml)));
        Assert.Equal(sha, v.Id);
        Assert.True(File.Exists(Path.Combine(Store.Root, "objects", sha, "consolidated.xml")));
        Assert.Equal(sha, Store.Current()["un-sc"]);
        Assert.Equal(Path.Combine(Store.Root, "objects", sha, "consolidated.xml"), Store.LoadPath(Store.CurrentVersions()["un-sc"]));
    }

    [Fact]
    public async Task An_unchanged_file_answers_304_to_the_conditional_get_and_nothing_changes()
    {
        _server.SetFile("un.xml", ListFiles.UnXml);
        await Update();
        var before = File.ReadAllText(Path.Combine(Store.Root, "current.json"));
        var r = await Update();
        Assert.Equal(UpdateOutcome.Unchanged, r.Sources[0].Outcome);
        Assert.Contains("304", r.Sources[0].Message, StringComparison.Ordinal);
        Assert.Equal(1, _server.Conditional.GetValueOrDefault("un.xml"));
        Assert.Equal(before, File.ReadAllText(Path.Combine(Store.Root, "current.json")));
        Assert.Single(Store.History("un-sc"));
        Assert.False(r.AnyUpdated);
    }

    [Fact]
    public async Task A_changed_file_becomes_a_new_current_version_and_the_diff_names_removed_and_changed_entities()
    {
        _server.SetFile("un.xml", ListFiles.UnXml);
        var first = (await Update()).Sources[0].Current!;
        _server.Set("un.xml", ListFiles.UnModified(individuals: 2, rename: "RENAMED"));
        var r = await Update();
        Assert.True(r.Sources[0].Outcome == UpdateOutcome.Updated, r.Sources[0].Message);
        var second = r.Sources[0].Current!;
        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal(1001, second.Entities);
        Assert.Equal([first.Id, second.Id], Store.History("un-sc").Select(v => v.Id));
        Assert.Equal(second.Id, Store.Current()["un-sc"]);

        var diff = ListDiff.Compare(Store, SourcesConfig.Load(Path.Combine(_dir, "sources.json")), "un-sc", null, null);
        Assert.Equal(first.ShortId, diff.From);
        Assert.Equal(second.ShortId, diff.To);
        Assert.Empty(diff.Added);
        Assert.Equal(2, diff.Removed.Count);
        Assert.Equal(["un-sc:" + ListFiles.UnIndividualId(0), "un-sc:" + ListFiles.UnIndividualId(1)], diff.Removed.Select(e => e.EntityId).Order(StringComparer.Ordinal));
        var changed = Assert.Single(diff.Changed);
        Assert.Equal(["names"], changed.Fields);
        Assert.Contains("RENAMED", changed.Caption, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(Behaviour.NotFound, "HTTP 404")]
    [InlineData(Behaviour.ServerError, "HTTP 500")]
    [InlineData(Behaviour.Hang, "timed out after 2 s")]
    [InlineData(Behaviour.Truncate, "un.xml")]
    [InlineData(Behaviour.HtmlPage, "HTML page")]
    [InlineData(Behaviour.DisguisedHtml, "HTML page")]
    public async Task A_failed_download_keeps_the_previous_version_current(Behaviour behaviour, string message)
    {
        var sources = behaviour == Behaviour.Hang ? ListFiles.WriteSources(_server, _dir, timeoutSeconds: 2) : null;
        _server.SetFile("un.xml", ListFiles.UnXml);
        var good = (await Update(sources)).Sources[0].Current!;
        _server.Set("un.xml", ListFiles.UnModified(individuals: 1), behaviour);
        var r = await Update(sources);
        var un = r.Sources[0];
        Assert.True(un.Outcome == UpdateOutcome.Failed, un.Message);
        Assert.Contains(message, un.Message, StringComparison.Ordinal);
        Assert.True(r.AnyFailed);
        Assert.Equal(good.Id, Store.Current()["un-sc"]);
        Assert.Equal(good.Id, un.Current!.Id);
        Assert.Single(Store.History("un-sc"));
        Assert.Empty(Directory.GetDirectories(Path.Combine(Store.Root, "tmp")));
        Assert.Single(Directory.GetDirectories(Path.Combine(Store.Root, "objects")));
    }

    [Fact]
    public async Task Retryable_failures_are_retried_with_backoff_and_permanent_ones_are_not()
    {
        _server.SetFile("un.xml", ListFiles.UnXml, Behaviour.ServerError);
        var r = await Update();
        Assert.Equal(UpdateOutcome.Failed, r.Sources[0].Outcome);
        Assert.Contains("after 3 attempts", r.Sources[0].Message, StringComparison.Ordinal);
        Assert.Equal(3, _server.Hits["un.xml"]);

        _server.Set("un.xml", Behaviour.NotFound);
        await Update();
        Assert.Equal(4, _server.Hits["un.xml"]);
        Assert.Empty(Store.Current());
    }

    [Fact]
    public async Task A_download_shrinking_beyond_the_guard_is_refused_unless_accepted()
    {
        _server.SetFile("un.xml", ListFiles.UnXml);
        await Update();
        _server.Set("un.xml", ListFiles.UnModified(individuals: 300));
        var refused = (await Update()).Sources[0];
        Assert.True(refused.Outcome == UpdateOutcome.Failed, refused.Message);
        Assert.Contains("down 30", refused.Message, StringComparison.Ordinal);
        Assert.Contains("--accept-shrink", refused.Message, StringComparison.Ordinal);

        var accepted = (await Update(acceptShrink: true)).Sources[0];
        Assert.True(accepted.Outcome == UpdateOutcome.Updated, accepted.Message);
        Assert.Equal(703, accepted.Current!.Entities);
    }

    [Fact]
    public async Task A_download_below_the_minimum_entity_count_is_refused_as_a_sample()
    {
        _server.Set("un.xml", ListFiles.UnModified(individuals: 700));
        var r = (await Update()).Sources[0];
        Assert.Equal(UpdateOutcome.Failed, r.Outcome);
        Assert.Contains("fewer than the minimum of 500", r.Message, StringComparison.Ordinal);
        Assert.Empty(Store.Current());
    }

    [Fact]
    public async Task A_file_of_the_wrong_format_is_refused()
    {
        _server.SetFile("un.xml", ListFiles.SemaXml);
        var r = (await Update()).Sources[0];
        Assert.Equal(UpdateOutcome.Failed, r.Outcome);
        Assert.Contains("wrong format: the download is ca-sema-xml, expected un-xml", r.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_failed_source_does_not_stop_the_others_and_a_multi_file_source_is_one_version()
    {
        _server.SetFile("un.xml", ListFiles.UnXml);
        _server.Set("sema.xml", Behaviour.NotFound);
        foreach (var (url, file) in new[] { ("SDN.CSV", "sdn.csv"), ("ADD.CSV", "add.csv"), ("ALT.CSV", "alt.csv"), ("SDN_COMMENTS.CSV", "sdn_comments.csv") })
        {
            _server.SetFile("ofac/" + url, Path.Combine(ListFiles.SdnFolder, file));
        }

        var r = await Update(null, false, "un-sc", "ca-sema", "us-ofac-sdn");
        Assert.Equal([UpdateOutcome.Updated, UpdateOutcome.Failed, UpdateOutcome.Updated], r.Sources.Select(s => s.Outcome));
        var sdn = r.Sources[2].Current!;
        Assert.Equal(15443, sdn.Entities);
        Assert.Equal(4, sdn.Files.Length);
        Assert.Equal(Path.Combine(Store.Root, "objects", sdn.Id), Store.LoadPath(sdn));
        Assert.Equal(["un-sc", "us-ofac-sdn"], Store.Current().Keys.Order(StringComparer.Ordinal));

        // One file of the set changes: the other three answer 304 and are carried over from the previous version.
        _server.Set("ofac/SDN_COMMENTS.CSV", [.. File.ReadAllBytes(Path.Combine(ListFiles.SdnFolder, "sdn_comments.csv")), .. "\r\n"u8.ToArray()]);
        var again = (await Update(null, false, "us-ofac-sdn")).Sources[0];
        Assert.True(again.Outcome == UpdateOutcome.Updated, again.Message);
        Assert.Equal(3, new[] { "ofac/SDN.CSV", "ofac/ADD.CSV", "ofac/ALT.CSV" }.Sum(p => _server.Conditional.GetValueOrDefault(p)));
        Assert.Equal(sdn.Files[0].Sha256, again.Current!.Files[0].Sha256);
    }

    [Fact]
    public async Task Keep_prunes_old_versions_and_their_content()
    {
        var sources = ListFiles.WriteSources(_server, _dir, keep: 2);
        var ids = new List<string>();
        foreach (var removed in new[] { 0, 1, 2 })
        {
            _server.Set("un.xml", removed == 0 ? File.ReadAllBytes(ListFiles.UnXml) : ListFiles.UnModified(removed));
            ids.Add((await Update(sources)).Sources[0].Current!.Id);
        }

        Assert.Equal(ids[1..], Store.History("un-sc").Select(v => v.Id));
        Assert.False(Directory.Exists(Store.ObjectFolder(ids[0])));
        Assert.True(Directory.Exists(Store.ObjectFolder(ids[2])));
    }

    [Fact]
    public async Task The_live_corpus_replaces_the_bundled_file_by_the_current_download()
    {
        _server.Set("un.xml", ListFiles.UnModified(individuals: 3));
        var v = (await Update()).Sources[0].Current!;
        var paths = LiveCorpus.Paths(Store);
        Assert.Contains(Store.LoadPath(v), paths);
        Assert.DoesNotContain(paths, p => p.EndsWith("UN_consolidated.xml", StringComparison.Ordinal));
        Assert.Equal(Application.Corpus.DefaultCorpus.Paths().Count, paths.Count);
    }
}
