using System.Net;
using Comity.Server.Security;
using Comity.Server.Tests.Support;
using Comity.Storage;
using Comity.Storage.Audit;
using Microsoft.Data.Sqlite;

namespace Comity.Server.Tests.Hosting;

/// <summary>The entry points the CLI calls (<c>comity serve</c> options, <c>comity audit verify</c>) and start-up
/// configuration errors.</summary>
public sealed class CommandTests
{
    [Fact]
    public void Serve_options_parse_every_flag_and_reject_unknown_ones()
    {
        var o = ServeOptions.Parse(["--urls", "http://127.0.0.1:9000", "--db", "postgres:Host=x", "--lists", "a", "--lists", "b", "--keys", "k.json", "--no-watch", "--rate-limit", "7", "--rate-burst", "20"]);
        Assert.Equal("http://127.0.0.1:9000", o.Urls);
        Assert.Equal("postgres:Host=x", o.Db);
        Assert.Equal(["a", "b"], o.Lists);
        Assert.Equal("k.json", o.KeysFile);
        Assert.False(o.WatchLists);
        Assert.Equal(7, o.RateLimitPerSecond);
        Assert.Equal(20, o.EffectiveRateLimitBurst);
        Assert.Equal(7, (o with { RateLimitBurst = null }).EffectiveRateLimitBurst);
        var defaults = ServeOptions.Parse([]);
        Assert.Equal(ServeOptions.DefaultUrls, defaults.Urls);
        Assert.Equal(ServeOptions.DefaultDb, defaults.Db);
        Assert.Null(defaults.Lists);
        Assert.Throws<ArgumentException>(() => ServeOptions.Parse(["--port", "1"]));
        Assert.Throws<ArgumentException>(() => ServeOptions.Parse(["--db"]));
    }

    [Fact]
    public async Task Serve_exits_2_with_a_message_when_the_store_or_keys_cannot_be_used()
    {
        var badKeys = Path.Combine(Repo.TempDir(), "keys.json");
        await File.WriteAllTextAsync(badKeys, "{\"keys\": [{\"name\": \"x\", \"role\": \"boss\", \"key\": \"0123456789abcdefgh\"}]}", TestContext.Current.CancellationToken);
        Assert.Equal(2, await ComityServer.RunAsync(new ServeOptions { Urls = "http://127.0.0.1:0", Db = "mysql:nowhere", Lists = [Repo.UnXml] }, TestContext.Current.CancellationToken));
        Assert.Equal(2, await ComityServer.RunAsync(new ServeOptions { Urls = "http://127.0.0.1:0", KeysFile = badKeys, Lists = [Repo.UnXml] }, TestContext.Current.CancellationToken));
        Assert.Equal(2, await ComityServer.RunAsync(["--bogus"]));
    }

    [Fact]
    public async Task Serve_runs_until_cancelled_and_returns_0()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(3));
        var dir = Repo.TempDir();
        var code = await ComityServer.RunAsync(new ServeOptions { Urls = "http://127.0.0.1:0", Db = "sqlite:" + Path.Combine(dir, "c.db"), Lists = [Repo.UnXml], WatchLists = false }, cts.Token);
        Assert.Equal(0, code);
    }

    [Fact]
    public void Key_configuration_errors_name_the_entry()
    {
        var e = Assert.Throws<InvalidOperationException>(() => ApiKeyRing.Load(null, "alice:boss:0123456789abcdefgh"));
        Assert.Contains("COMITY_API_KEYS entry 0", e.Message, StringComparison.Ordinal);
        var shortKey = Assert.Throws<InvalidOperationException>(() => ApiKeyRing.Load(null, "alice:analyst:short"));
        Assert.Contains("shorter than 16", shortKey.Message, StringComparison.Ordinal);
        var keys = ApiKeyRing.Load(null, "alice:analyst:0123456789abcdefgh;bob:admin:abcdefgh0123456789");
        var ring = new ApiKeyRing(keys);
        Assert.Equal(new Caller("alice", AccessRole.Analyst, true), ring.Verify("0123456789abcdefgh"));
        Assert.Null(ring.Verify("0123456789abcdefgX"));
    }

    [Fact]
    public async Task Audit_verify_reports_a_sound_chain_and_names_a_tampered_record()
    {
        var ct = TestContext.Current.CancellationToken;
        var path = Path.Combine(Repo.TempDir(), "audit.db");
        await using (var store = await ComityStores.OpenAsync("sqlite:" + path, cancellationToken: ct))
        {
            for (var i = 0; i < 5; i++)
            {
                await store.AppendAuditAsync(new AuditEntry("tester", "test.event", "s" + i, "{}"), ct);
            }
        }

        var ok = new StringWriter();
        Assert.Equal(0, await Comity.Application.Audit.AuditVerifier.VerifyAsync("sqlite:" + path, ok, ct));
        Assert.StartsWith("audit chain OK: 5 records", ok.ToString(), StringComparison.Ordinal);

        await using (var c = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await c.OpenAsync(ct);
            await using var cmd = c.CreateCommand();
            cmd.CommandText = "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor = 'mallory' WHERE seq = 3";
            Assert.Equal(1, await cmd.ExecuteNonQueryAsync(ct));
        }

        var broken = new StringWriter();
        Assert.Equal(1, await Comity.Application.Audit.AuditVerifier.VerifyAsync("sqlite:" + path, broken, ct));
        Assert.StartsWith("audit chain BROKEN at record 3", broken.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, await Comity.Application.Audit.AuditVerifier.VerifyAsync("mysql:nope", new StringWriter(), ct));
    }

    [Fact]
    public async Task Oversized_bodies_are_413_responses_gzip_and_cors_is_open()
    {
        await using var server = await TestServer.StartAsync(o => o with { MaxRequestBodyBytes = 2048, CorsOrigins = ["*"] });
        var big = "{\"queries\": {\"q\": {\"schema\": \"Person\", \"properties\": {\"name\": \"" + new string('a', 4096) + "\"}}}}";
        using var response = await server.PostJsonAsync("/match/default", big);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        using var native = await server.PostJsonAsync("/v1/screen", "{\"subject\": {\"name\": \"" + new string('a', 4096) + "\"}}");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, native.StatusCode);
        Assert.Equal("application/problem+json", native.Content.Headers.ContentType!.MediaType);

        using var gzipRequest = new HttpRequestMessage(HttpMethod.Get, "/algorithms");
        gzipRequest.Headers.AcceptEncoding.ParseAdd("gzip");
        using var gzip = await server.Client.SendAsync(gzipRequest, TestContext.Current.CancellationToken);
        Assert.Equal("gzip", gzip.Content.Headers.ContentEncoding.Single());
        await using var unzip = new System.IO.Compression.GZipStream(await gzip.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken), System.IO.Compression.CompressionMode.Decompress);
        using var doc = await System.Text.Json.JsonDocument.ParseAsync(unzip, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal("comity-v1", doc.RootElement.GetProperty("best").GetString());

        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/match/default");
        preflight.Headers.Add("Origin", "https://example.org");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        using var cors = await server.Client.SendAsync(preflight, TestContext.Current.CancellationToken);
        Assert.Equal("*", cors.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }
}
