using System.Text.Json;
using System.Xml.Linq;
using Comity.Server.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Comity.Server.Tests.Monitoring;

/// <summary><c>comity serve --data-dir DIR --update-every 1h</c> on a fake clock, against a real loopback server that
/// publishes a changed UN list: at the hour the server fetches it, checks it, makes it current, hot-swaps the corpus
/// (the previous one serves meanwhile), and monitoring re-screens the portfolio against the new version. With two
/// nodes on one PostgreSQL database sharing the data dir, one node fetches (advisory lock) and both switch.</summary>
public sealed class ScheduledUpdateTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_server_updates_the_lists_on_schedule_hot_swaps_and_rescreens_the_portfolio()
    {
        using var publisher = Publish(out var sources, out var dataDir);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));
        await using var server = await TestServer.StartAsync(o => Node(o, dataDir, sources, clock));
        var before = await UnVersionAsync(server);
        Assert.Equal("bundled", before.Version);
        using (var r = await server.PostJsonAsync("/v1/portfolios/kyc/subjects", """{"subjects":[{"id":"c1","name":"Ibrahim Hassan Tali al-Asiri"},{"id":"c2","name":"Anna Schmidt"}],"profile":{"jurisdiction":"DE"}}"""))
        {
            Assert.Equal(200, (int)r.StatusCode);
        }

        clock.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(0, publisher.Hits.GetValueOrDefault("un.xml"));
        clock.Advance(TimeSpan.FromMinutes(1));
        await WaitAsync(async () => (await UnVersionAsync(server)).Version != "bundled", clock, "the new UN version in force");
        Assert.Equal(1, publisher.Hits.GetValueOrDefault("un.xml"));
        var after = await UnVersionAsync(server);
        Assert.Equal(before.Entities - 2, after.Entities);
        Assert.NotEqual(before.Corpus, after.Corpus);

        // The swap planned a delta re-screen of the portfolio's shard, done by the server's worker.
        await WaitAsync(async () => (await TestServer.JsonAsync(await server.GetAsync("/v1/jobs?status=done&portfolio=kyc"))).GetArrayLength() == 1, clock, "the re-screen job");
        var job = (await TestServer.JsonAsync(await server.GetAsync("/v1/jobs?status=done&portfolio=kyc")))[0];
        Assert.Equal(after.Corpus, job.GetProperty("to_version").GetString());
        Assert.Equal("delta", job.GetProperty("kind").GetString());
        var shard = (await TestServer.JsonAsync(await server.GetAsync("/v1/portfolios/kyc"))).GetProperty("shards")[0];
        Assert.Equal(after.Corpus, shard.GetProperty("corpus_version").GetString());
    }

    [Fact]
    public async Task Two_nodes_on_one_postgresql_database_update_once_and_both_switch()
    {
        var cs = await CreateDatabaseAsync();
        using var publisher = Publish(out var sources, out var dataDir);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));
        await using var a = await TestServer.StartAsync(o => Node(o, dataDir, sources, clock) with { Node = "node-a" }, "postgres:" + cs);
        await using var b = await TestServer.StartAsync(o => Node(o, dataDir, sources, clock) with { Node = "node-b" }, "postgres:" + cs);
        var before = await UnVersionAsync(a);
        Assert.Equal(before.Corpus, (await UnVersionAsync(b)).Corpus);

        clock.Advance(TimeSpan.FromHours(1));
        await WaitAsync(async () => (await UnVersionAsync(a)).Version != "bundled" && (await UnVersionAsync(b)).Version != "bundled", clock, "both nodes on the new UN version");
        Assert.Equal(1, publisher.Hits.GetValueOrDefault("un.xml"));
        var va = await UnVersionAsync(a);
        var vb = await UnVersionAsync(b);
        Assert.Equal(va.Corpus, vb.Corpus);
        Assert.NotEqual(before.Corpus, va.Corpus);

        // The next hour: the node that did not update last time may tick first, but only one fetch per period happens.
        clock.Advance(TimeSpan.FromHours(1));
        await WaitAsync(() => Task.FromResult(publisher.Hits.GetValueOrDefault("un.xml") >= 2), clock, "the second period's update");
        clock.Advance(TimeSpan.FromMinutes(5));
        await Task.Delay(1000, Ct);
        Assert.Equal(2, publisher.Hits.GetValueOrDefault("un.xml"));
    }

    private static ServeOptions Node(ServeOptions o, string dataDir, string sources, FakeTimeProvider clock) => o with
    {
        Lists = null,
        DataDir = dataDir,
        UpdateEvery = TimeSpan.FromHours(1),
        SourcesFile = sources,
        Clock = clock,
        CurrentSetPoll = TimeSpan.FromSeconds(30),
        Monitor = o.Monitor with { JobLease = TimeSpan.FromHours(2), PollInterval = TimeSpan.FromSeconds(2) },
    };

    /// <summary>A loopback publisher of the UN list without its first two individuals, and a sources file for it.</summary>
    private static HookReceiver Publish(out string sources, out string dataDir)
    {
        var publisher = new HookReceiver();
        var doc = XDocument.Load(Repo.UnXml, LoadOptions.PreserveWhitespace);
        foreach (var e in doc.Descendants().Where(e => e.Name.LocalName == "INDIVIDUAL").Take(2).ToList())
        {
            e.Remove();
        }

        using (var ms = new MemoryStream())
        {
            doc.Save(ms, SaveOptions.DisableFormatting);
            publisher.Files["un.xml"] = ms.ToArray();
        }

        var dir = Repo.TempDir();
        dataDir = Path.Combine(dir, "data");
        sources = Path.Combine(dir, "sources.json");
        File.WriteAllText(sources, $$"""
        {
          "fetch": { "timeout_seconds": 30, "attempts": 2, "backoff_seconds": 0.01, "keep": 3 },
          "sources": [
            { "name": "un-sc", "authority": "UN", "format": "un-xml", "cadence": "weekly", "max_age_days": 14, "min_entities": 500,
              "bundled": "lists/un/UN_consolidated.xml", "files": [ { "name": "consolidated.xml", "url": "{{publisher.BaseUrl}}un.xml" } ] }
          ]
        }
        """);
        return publisher;
    }

    private static async Task<(string Version, int Entities, string Corpus)> UnVersionAsync(TestServer server)
    {
        var lists = await TestServer.JsonAsync(await server.GetAsync("/v1/lists"));
        var text = lists.GetRawText();
        using var doc = JsonDocument.Parse(text);
        var corpus = doc.RootElement.GetProperty("corpus").GetProperty("version").GetString()!;
        foreach (var d in doc.RootElement.GetProperty("datasets").EnumerateArray())
        {
            if (d.GetProperty("source").GetString() == "un-sc")
            {
                return (d.GetProperty("version").GetString()!, d.GetProperty("entity_count").GetInt32(), corpus);
            }
        }

        throw new InvalidOperationException("un-sc not in /v1/lists: " + text[..Math.Min(400, text.Length)]);
    }

    /// <summary>Waits (real time, bounded) for a condition, moving the fake clock on in small steps meanwhile so that
    /// the servers' pollers (current set, worker) run.</summary>
    private static async Task WaitAsync(Func<Task<bool>> done, FakeTimeProvider clock, string what)
    {
        var until = DateTime.UtcNow.AddSeconds(240);
        while (!await done())
        {
            Assert.True(DateTime.UtcNow < until, "timed out waiting for " + what);
            await Task.Delay(250, Ct);
            clock.Advance(TimeSpan.FromSeconds(5));
        }
    }

    private static async Task<string> CreateDatabaseAsync()
    {
        var baseCs = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable("COMITY_TEST_POSTGRES") is { Length: > 0 } v
            ? v
            : throw new InvalidOperationException("COMITY_TEST_POSTGRES is not set: start PostgreSQL with `bash .ci/postgres.sh` and export the line it prints."));
        var name = "comity_sched_" + Guid.NewGuid().ToString("N")[..12];
        await using (var admin = new NpgsqlConnection(baseCs.ConnectionString))
        {
            await admin.OpenAsync(Ct);
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync(Ct);
        }

        return new NpgsqlConnectionStringBuilder(baseCs.ConnectionString) { Database = name }.ConnectionString;
    }
}
