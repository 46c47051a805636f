using System.Net;
using System.Net.Http.Headers;
using Comity.Server.Tests.Support;

namespace Comity.Server.Tests.Yente;

/// <summary>MATCH-API.md §5: <c>/search</c>, <c>/entities</c>, <c>/catalog</c>, <c>/algorithms</c>, health.</summary>
public sealed class OtherEndpointsTests(SharedServer shared)
{
    private readonly TestServer _server = shared.Server;

    [Fact]
    public async Task Algorithms_lists_every_accepted_name_and_names_the_best()
    {
        using var response = await _server.GetAsync("/algorithms");
        var body = await TestServer.JsonAsync(response);
        var names = body.GetProperty("algorithms").EnumerateArray().Select(a => a.GetProperty("name").GetString()).ToHashSet();
        foreach (var n in new[] { "comity-v1", "logic-v2", "logic-v1", "ofac", "name-based", "name-qualified", "regression-v1" })
        {
            Assert.Contains(n, names);
        }

        Assert.Equal("best", body.GetProperty("default").GetString());
        Assert.Equal("comity-v1", body.GetProperty("best").GetString());
        var first = body.GetProperty("algorithms")[0];
        Assert.True(first.GetProperty("docs").GetProperty("features").TryGetProperty("name_match", out var f));
        Assert.Equal(1.0, f.GetProperty("coefficient").GetDouble());
        Assert.Equal("boolean", first.GetProperty("docs").GetProperty("config").GetProperty("qualifiers").GetProperty("type").GetString());
    }

    [Fact]
    public async Task Catalog_lists_datasets_and_collections_with_an_etag()
    {
        using var response = await _server.GetAsync("/catalog");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await TestServer.JsonAsync(response);
        var datasets = body.GetProperty("datasets").EnumerateArray().ToDictionary(d => d.GetProperty("name").GetString()!);
        Assert.Equal(1003, datasets["un-sc"].GetProperty("entity_count").GetInt32());
        Assert.Equal(442, datasets["us-ofac-cons"].GetProperty("entity_count").GetInt32());
        Assert.Equal(["un-sc", "us-ofac-cons"], MatchExampleTests.Strings(datasets["default"].GetProperty("children")));
        Assert.Equal(1445, datasets["sanctions"].GetProperty("entity_count").GetInt32());
        foreach (var field in new[] { "title", "summary", "description", "url", "version", "updated_at", "last_export", "load", "entities_url", "delta_url", "index_version", "index_current", "resources" })
        {
            Assert.True(datasets["un-sc"].TryGetProperty(field, out _), field);
        }

        Assert.False(body.GetProperty("index_stale").GetBoolean());
        Assert.Contains("un-sc", MatchExampleTests.Strings(body.GetProperty("current")));
        Assert.Equal("public, max-age=300", response.Headers.CacheControl!.ToString());
        var etag = response.Headers.ETag!;
        using var again = new HttpRequestMessage(HttpMethod.Get, "/catalog");
        again.Headers.IfNoneMatch.Add(new EntityTagHeaderValue(etag.Tag));
        using var cached = await _server.Client.SendAsync(again, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotModified, cached.StatusCode);
    }

    [Fact]
    public async Task Entities_answers_by_id_redirects_aliases_and_404s_unknown_ids()
    {
        using var ok = await _server.GetAsync("/entities/un-sc:QDi.291");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var e = await TestServer.JsonAsync(ok);
        Assert.Equal("un-sc:QDi.291", e.GetProperty("id").GetString());
        Assert.Contains("Al-Qaida", MatchExampleTests.Strings(e.GetProperty("properties").GetProperty("programId")));

        using var handler = new HttpClientHandler { AllowAutoRedirect = false };
        using var raw = new HttpClient(handler) { BaseAddress = _server.BaseAddress };
        using var redirect = await raw.GetAsync("/entities/un_sc:QDi.291", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.PermanentRedirect, redirect.StatusCode);
        Assert.Equal("/entities/un-sc%3AQDi.291", redirect.Headers.Location!.OriginalString);

        using var missing = await _server.GetAsync("/entities/un-sc:nope");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("No such entity!", (await TestServer.JsonAsync(missing)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Search_finds_by_terms_filters_and_facets()
    {
        using var response = await _server.GetAsync("/search/default?q=asiri&schema=Person&filter=programId:Al-Qaida");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await TestServer.JsonAsync(response);
        var ids = body.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.Contains("un-sc:QDi.291", ids);
        Assert.Equal("eq", body.GetProperty("total").GetProperty("relation").GetString());
        Assert.Equal(ids.Count, body.GetProperty("total").GetProperty("value").GetInt32());
        Assert.Equal(10, body.GetProperty("limit").GetInt32());
        Assert.Equal(0, body.GetProperty("offset").GetInt32());
        var facets = body.GetProperty("facets");
        Assert.True(facets.TryGetProperty("countries", out _));
        Assert.True(facets.TryGetProperty("topics", out _));
        var datasets = facets.GetProperty("datasets").GetProperty("values").EnumerateArray().ToList();
        Assert.Equal("un-sc", datasets[0].GetProperty("name").GetString());

        using var all = await _server.GetAsync("/search/default?limit=0");
        Assert.Equal(1445, (await TestServer.JsonAsync(all)).GetProperty("total").GetProperty("value").GetInt32());

        using var badSchema = await _server.GetAsync("/search/default?schema=Banana");
        Assert.Equal(HttpStatusCode.BadRequest, badSchema.StatusCode);
        Assert.Equal("Invalid schema", (await TestServer.JsonAsync(badSchema)).GetProperty("detail").GetString());
        using var badFilter = await _server.GetAsync("/search/default?filter=nocolon");
        Assert.Equal(HttpStatusCode.BadRequest, badFilter.StatusCode);
        Assert.Equal("Invalid filter: nocolon", (await TestServer.JsonAsync(badFilter)).GetProperty("detail").GetString());
        using var badLimit = await _server.GetAsync("/search/default?limit=501");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badLimit.StatusCode);
    }

    [Fact]
    public async Task Health_and_readiness_answer_ok()
    {
        using var health = await _server.GetAsync("/healthz");
        Assert.Equal("ok", (await TestServer.JsonAsync(health)).GetProperty("status").GetString());
        using var ready = await _server.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("ok", (await TestServer.JsonAsync(ready)).GetProperty("status").GetString());
    }
}
