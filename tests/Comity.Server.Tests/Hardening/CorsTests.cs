using Comity.Server.Tests.Support;

namespace Comity.Server.Tests.Hardening;

/// <summary>Issue 10, finding 8: CORS defaults to no origin; an allow-list admits only its origins.</summary>
public sealed class CorsTests
{
    [Fact]
    public async Task By_default_no_origin_is_allowed()
    {
        await using var server = await TestServer.StartAsync();
        using var response = await PreflightAsync(server, "https://evil.example");
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task An_allow_list_admits_its_origins_only()
    {
        await using var server = await TestServer.StartAsync(o => o with { CorsOrigins = ["https://ui.example.org"] });
        using var allowed = await PreflightAsync(server, "https://ui.example.org");
        Assert.Equal("https://ui.example.org", allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        using var refused = await PreflightAsync(server, "https://evil.example");
        Assert.False(refused.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Equal(["https://a.example", "https://b.example"], ServeOptions.Parse(["--cors-origin", "https://a.example", "--cors-origin", "https://b.example"]).CorsOrigins);
    }

    private static Task<HttpResponseMessage> PreflightAsync(TestServer server, string origin)
    {
        var preflight = new HttpRequestMessage(HttpMethod.Options, "/match/default");
        preflight.Headers.Add("Origin", origin);
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        return server.Client.SendAsync(preflight, TestContext.Current.CancellationToken);
    }
}
