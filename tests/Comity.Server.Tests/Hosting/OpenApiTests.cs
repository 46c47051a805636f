using Comity.Server.Tests.Support;

namespace Comity.Server.Tests.Hosting;

/// <summary>The committed <c>openapi.json</c> is the document the server serves.</summary>
public sealed class OpenApiTests(SharedServer shared)
{
    [Fact]
    public async Task The_committed_openapi_document_equals_the_served_one()
    {
        var server = shared.Server;
        using var response = await server.GetAsync("/openapi.json");
        response.EnsureSuccessStatusCode();
        var served = (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ReplaceLineEndings("\n").TrimEnd() + "\n";
        var path = Path.Combine(Repo.Root, "openapi.json");
        if (Environment.GetEnvironmentVariable("COMITY_WRITE_OPENAPI") == "1")
        {
            await File.WriteAllTextAsync(path, served, TestContext.Current.CancellationToken);
        }

        Assert.True(File.Exists(path), "openapi.json is missing: run COMITY_WRITE_OPENAPI=1 dotnet test tests/Comity.Server.Tests --filter OpenApi");
        var committed = (await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken)).ReplaceLineEndings("\n");
        Assert.True(committed == served, "openapi.json differs from the served document: run COMITY_WRITE_OPENAPI=1 dotnet test tests/Comity.Server.Tests --filter OpenApi and commit it");
        foreach (var route in new[] { "/match/{dataset}", "/search/{dataset}", "/entities/{entityId}", "/catalog", "/algorithms", "/healthz", "/readyz", "/v1/screen", "/v1/alerts", "/v1/alerts/{id}/review", "/v1/lists", "/v1/audit", "/metrics" })
        {
            Assert.Contains("\"" + route + "\"", served, StringComparison.Ordinal);
        }
    }
}

/// <summary><c>/metrics</c> in Prometheus text format.</summary>
public sealed class MetricsTests
{
    [Fact]
    public async Task Metrics_count_requests_by_route_and_describe_the_corpus()
    {
        await using var server = await TestServer.StartAsync();
        using (var r = await server.PostJsonAsync("/match/default", """{"queries": {"q": {"schema": "Person", "properties": {"name": "Ibrahim Hassan Tali al-Asiri"}}}}"""))
        {
            r.EnsureSuccessStatusCode();
        }

        using (var s = await server.PostJsonAsync("/v1/screen", """{"subject": {"name": "Ibrahim Hassan Tali al-Asiri"}}"""))
        {
            s.EnsureSuccessStatusCode();
        }

        using var response = await server.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType!.MediaType, StringComparison.Ordinal);
        Assert.Contains("comity_http_requests_total{route=\"/match/{dataset}\",method=\"POST\",status=\"200\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("comity_http_request_duration_seconds_count{route=\"/match/{dataset}\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("comity_corpus_entities 1445\n", text, StringComparison.Ordinal);
        Assert.Contains("comity_corpus_reloads_total 1\n", text, StringComparison.Ordinal);
        Assert.Matches(@"comity_alerts_created_total [1-9]\d*\n", text);
        Assert.Contains("comity_corpus_info{version=\"c", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Asiri", text, StringComparison.OrdinalIgnoreCase);
    }
}
