using System.Net;
using Comity.Server.Hosting;
using Comity.Server.Tests.Support;

namespace Comity.Server.Tests.Security;

/// <summary>API keys with roles: missing or wrong key → 401, weak role → 403; yente endpoints answer in yente's
/// shape, native ones in problem details.</summary>
public sealed class AuthTests(AuthTests.KeyedServer fixture) : IClassFixture<AuthTests.KeyedServer>
{
    private const string Screener = "screener-key-0123456789";
    private const string Analyst = "analyst-key-0123456789";
    private const string Admin = "admin-key-0123456789abcdef";
    private const string Asiri = """{"queries": {"q": {"schema": "Person", "properties": {"name": "Ibrahim Hassan Tali al-Asiri"}}}}""";

    private readonly TestServer _server = fixture.Server;

    /// <summary>A server with the three keys, shared by the tests of this class.</summary>
    public sealed class KeyedServer : ServerFixture
    {
        internal override ServeOptions Configure(ServeOptions options) =>
            options with { KeysFile = Keys.Write(("scr", "screener", Screener), ("ana", "analyst", Analyst), ("adm", "admin", Admin)) };
    }

    [Fact]
    public async Task Missing_or_wrong_keys_are_401()
    {
        using var none = await _server.PostJsonAsync("/match/default", Asiri);
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.StartsWith("Missing or invalid API key.", (await TestServer.JsonAsync(none)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        using var wrong = await _server.PostJsonAsync("/match/default", Asiri, "not-a-key-at-all-0000");
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        using var native = await _server.GetAsync("/v1/alerts", "not-a-key-at-all-0000");
        Assert.Equal(HttpStatusCode.Unauthorized, native.StatusCode);
        Assert.Equal("application/problem+json", native.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Roles_are_enforced_per_endpoint()
    {
        using var match = await _server.PostJsonAsync("/match/default", Asiri, Screener);
        Assert.Equal(HttpStatusCode.OK, match.StatusCode);
        using var alerts = await _server.GetAsync("/v1/alerts", Screener);
        Assert.Equal(HttpStatusCode.Forbidden, alerts.StatusCode);
        Assert.Equal("application/problem+json", alerts.Content.Headers.ContentType!.MediaType);
        using var analyst = await _server.GetAsync("/v1/alerts", Analyst);
        Assert.Equal(HttpStatusCode.OK, analyst.StatusCode);
        using var reload = await _server.PostJsonAsync("/v1/lists/reload?wait=true", "{}", Analyst);
        Assert.Equal(HttpStatusCode.Forbidden, reload.StatusCode);
        using var adminReload = await _server.PostJsonAsync("/v1/lists/reload?wait=true", "{}", Admin);
        Assert.Equal(HttpStatusCode.OK, adminReload.StatusCode);
        using var verify = await _server.GetAsync("/v1/audit/verify", Analyst);
        Assert.Equal(HttpStatusCode.Forbidden, verify.StatusCode);
    }

    [Fact]
    public async Task X_api_key_header_is_accepted_and_health_needs_no_key()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/lists");
        request.Headers.Add("X-API-Key", Screener);
        using var response = await _server.Client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var health = await _server.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        using var ready = await _server.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    [Fact]
    public void Without_keys_non_loopback_addresses_are_rewritten_to_loopback()
    {
        Assert.Equal("http://127.0.0.1:8080", ServerApp.LoopbackOnly("http://0.0.0.0:8080", out var changed));
        Assert.True(changed);
        Assert.Equal("http://127.0.0.1:9000", ServerApp.LoopbackOnly("http://*:9000", out _));
        Assert.Equal("http://localhost:8080", ServerApp.LoopbackOnly("http://localhost:8080", out var unchanged));
        Assert.False(unchanged);
        Assert.Equal("http://[::1]:8080", ServerApp.LoopbackOnly("http://[::1]:8080", out _));
    }

    [Fact]
    public async Task Keys_are_held_hashed_in_the_store()
    {
        var store = (Comity.Storage.IComityStore)_server.Services.GetService(typeof(Comity.Storage.IComityStore))!;
        var keys = await store.ListApiKeysAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["adm", "ana", "scr"], keys.Select(k => k.Name).Order(StringComparer.Ordinal).ToArray());
        var proved = await store.VerifyApiKeyAsync(Analyst, TestContext.Current.CancellationToken);
        Assert.Equal("ana", proved!.Name);
        var db = File.ReadAllBytes(Path.Combine(_server.Dir, "comity.db"));
        Assert.Equal(-1, db.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(Analyst)));
    }
}

/// <summary>Per-key rate limiting (token bucket).</summary>
public sealed class RateLimitTests
{
    [Fact]
    public async Task Requests_over_the_per_key_budget_get_429()
    {
        await using var server = await TestServer.StartAsync(o => o with { RateLimitPerSecond = 1, RateLimitBurst = 3 });
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            using var r = await server.GetAsync("/algorithms");
            statuses.Add(r.StatusCode);
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.Equal(HttpStatusCode.OK, statuses[0]);
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 6 && limited is null; i++)
        {
            var r = await server.GetAsync("/v1/lists");
            if (r.StatusCode == HttpStatusCode.TooManyRequests)
            {
                limited = r;
            }
            else
            {
                r.Dispose();
            }
        }

        Assert.NotNull(limited);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType!.MediaType);
        limited.Dispose();
    }

    [Fact]
    public async Task The_configured_rate_is_honoured_with_a_burst_of_one_seconds_worth_by_default()
    {
        // The reported attack: --rate-limit 5 let 52 back-to-back requests through (the burst was fixed at 10,000).
        await using var server = await TestServer.StartAsync(o => o with { RateLimitPerSecond = 5 });
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var ok = 0;
        for (var i = 0; i < 40; i++)
        {
            using var r = await server.GetAsync("/algorithms");
            if (r.StatusCode == HttpStatusCode.OK)
            {
                ok++;
            }
            else
            {
                Assert.Equal(HttpStatusCode.TooManyRequests, r.StatusCode);
                Assert.Equal("1", r.Headers.RetryAfter?.ToString());
            }
        }

        // At most the burst (5) plus what the bucket refilled while the requests ran (5 per started second).
        var allowed = 5 + (5 * (int)Math.Ceiling(watch.Elapsed.TotalSeconds));
        Assert.InRange(ok, 5, allowed);
        Assert.True(ok < 40, "the rate limit let every request through");
    }
}
