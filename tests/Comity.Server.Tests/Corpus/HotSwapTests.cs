using System.Net;
using Comity.Server.Tests.Support;

namespace Comity.Server.Tests.Corpus;

/// <summary>Corpus hot swap: reloads load in the background and swap atomically; a corrupt file leaves the old
/// corpus serving and <c>/readyz</c> healthy, with the failure in <c>/v1/lists</c>; a file change reloads.</summary>
public sealed class HotSwapTests
{
    private const string Asiri = """{"queries": {"q": {"schema": "Person", "properties": {"name": "Ibrahim Hassan Tali al-Asiri"}}}}""";

    [Fact]
    public async Task A_corrupt_file_leaves_the_old_corpus_serving_and_reports_the_failure()
    {
        await using var server = await TestServer.StartAsync();
        var version = await VersionAsync(server);
        var un = Path.Combine(server.Dir, "UN_consolidated.xml");
        var text = await File.ReadAllTextAsync(un, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(un, text[..(text.Length / 2)], TestContext.Current.CancellationToken);

        using var reload = await server.PostJsonAsync("/v1/lists/reload?wait=true", "{}");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reload.StatusCode);
        var attempt = await TestServer.JsonAsync(reload);
        Assert.Equal("failed", attempt.GetProperty("outcome").GetString());
        Assert.Contains("UN_consolidated.xml", attempt.GetProperty("attempt").GetProperty("error").GetString(), StringComparison.Ordinal);

        using var ready = await server.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        using var lists = await server.GetAsync("/v1/lists");
        var body = await TestServer.JsonAsync(lists);
        Assert.Equal(version, body.GetProperty("corpus").GetProperty("version").GetString());
        Assert.False(body.GetProperty("last_error").GetProperty("succeeded").GetBoolean());
        Assert.Contains("UN_consolidated.xml", body.GetProperty("last_error").GetProperty("error").GetString(), StringComparison.Ordinal);
        using var match = await server.PostJsonAsync("/match/default", Asiri);
        Assert.Equal("un-sc:QDi.291", (await TestServer.JsonAsync(match)).GetProperty("responses").GetProperty("q").GetProperty("results")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_changed_file_is_picked_up_by_the_watcher_and_swapped_while_requests_keep_succeeding()
    {
        await using var server = await TestServer.StartAsync(o => o with { WatchLists = true, WatchDebounce = TimeSpan.FromMilliseconds(200) });
        var before = await VersionAsync(server);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var failures = 0;
        var done = 0;
        var load = Task.Run(async () =>
        {
            while (!cts.IsCancellationRequested)
            {
                using var r = await server.PostJsonAsync("/match/default", Asiri);
                if (r.StatusCode != HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref failures);
                }

                Interlocked.Increment(ref done);
            }
        }, cts.Token);

        // Remove QDi.291 from the UN list (a real change in content): the new corpus must no longer hold it.
        var un = Path.Combine(server.Dir, "UN_consolidated.xml");
        var text = await File.ReadAllTextAsync(un, TestContext.Current.CancellationToken);
        var at = text.IndexOf("<REFERENCE_NUMBER>QDi.291</REFERENCE_NUMBER>", StringComparison.Ordinal);
        var start = text.LastIndexOf("<INDIVIDUAL>", at, StringComparison.Ordinal);
        var end = text.IndexOf("</INDIVIDUAL>", at, StringComparison.Ordinal) + "</INDIVIDUAL>".Length;
        await File.WriteAllTextAsync(un, text[..start] + text[end..], TestContext.Current.CancellationToken);

        string after = before;
        for (var i = 0; i < 200 && after == before; i++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
            after = await VersionAsync(server);
        }

        await cts.CancelAsync();
        try
        {
            await load;
        }
        catch (OperationCanceledException)
        {
        }

        Assert.NotEqual(before, after);
        Assert.Equal(0, failures);
        Assert.True(done > 0);
        using var entity = await server.GetAsync("/entities/un-sc:QDi.291");
        Assert.Equal(HttpStatusCode.NotFound, entity.StatusCode);
        using var lists = await server.GetAsync("/v1/lists");
        var body = await TestServer.JsonAsync(lists);
        Assert.Equal("file-change", body.GetProperty("last_reload").GetProperty("trigger").GetString());
        Assert.Equal(1002, body.GetProperty("datasets").EnumerateArray().Single(d => d.GetProperty("source").GetString() == "un-sc").GetProperty("entity_count").GetInt32());
    }

    private static async Task<string> VersionAsync(TestServer server)
    {
        using var lists = await server.GetAsync("/v1/lists");
        return (await TestServer.JsonAsync(lists)).GetProperty("corpus").GetProperty("version").GetString()!;
    }
}

/// <summary>Readiness: <c>/readyz</c> is 503 until a corpus is in force; <c>/healthz</c> answers throughout.</summary>
public sealed class ReadinessTests
{
    [Fact]
    public async Task A_server_whose_first_load_fails_is_alive_but_not_ready_until_a_good_reload()
    {
        var (dir, un, _) = Repo.CopyLists();
        var good = await File.ReadAllTextAsync(un, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(un, "<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL>", TestContext.Current.CancellationToken);
        await using var server = await TestServer.StartAsync(o => o with { Lists = [un], Db = "sqlite:" + Path.Combine(dir, "comity.db") });

        using var ready = await server.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var why = (await TestServer.JsonAsync(ready)).GetProperty("detail").GetString();
        Assert.StartsWith("Index not ready: the corpus load failed (start-up): UN_consolidated.xml: line 1", why, StringComparison.Ordinal);
        using var health = await server.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        using var match = await server.PostJsonAsync("/match/default", """{"queries": {"q": {"schema": "Person", "properties": {"name": "x"}}}}""");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, match.StatusCode);
        using var lists = await server.GetAsync("/v1/lists");
        var body = await TestServer.JsonAsync(lists);
        Assert.Equal("loading", body.GetProperty("status").GetString());
        Assert.Contains("UN_consolidated.xml", body.GetProperty("last_error").GetProperty("error").GetString(), StringComparison.Ordinal);

        await File.WriteAllTextAsync(un, good, TestContext.Current.CancellationToken);
        using var reload = await server.PostJsonAsync("/v1/lists/reload?wait=true", "{}");
        Assert.Equal("reloaded", (await TestServer.JsonAsync(reload)).GetProperty("status").GetString());
        using var readyNow = await server.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, readyNow.StatusCode);
    }
}
