using System.Net;
using System.Text.Json;
using Comity.Server.Tests.Support;

namespace Comity.Server.Tests.Native;

/// <summary><c>POST /v1/screen</c> over real SQLite: hits, decisions, alerts, idempotency, validation.</summary>
public sealed class ScreenTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private readonly TestServer _server = fixture.Server;

    private const string Subject = """{"subject": {"id": "cust-1", "name": "Ibrahim Hassan Tali al-Asiri", "country": "Saudi Arabia"}}""";

    [Fact]
    public async Task One_subject_gets_hits_and_one_alert_per_matching_hit()
    {
        using var response = await _server.PostJsonAsync("/v1/screen", Subject);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await TestServer.JsonAsync(response);
        Assert.False(body.GetProperty("replayed").GetBoolean());
        Assert.StartsWith("c", body.GetProperty("corpus_version").GetString(), StringComparison.Ordinal);
        var result = body.GetProperty("results")[0];
        Assert.Equal("cust-1", result.GetProperty("id").GetString());
        Assert.True(result.GetProperty("match").GetBoolean());
        var hits = result.GetProperty("hits").EnumerateArray().ToList();
        Assert.Equal("un-sc:QDi.291", hits[0].GetProperty("entity_id").GetString());
        Assert.Equal("QDi.291", hits[0].GetProperty("source_id").GetString());
        Assert.Equal("un-sc:QDi.291", hits[0].GetProperty("listings")[0].GetProperty("entity_id").GetString());
        Assert.Equal(["Al-Qaida"], hits[0].GetProperty("listings")[0].GetProperty("programs").EnumerateArray().Select(p => p.GetString()!).ToArray());
        var matching = hits.Where(h => h.GetProperty("match").GetBoolean()).ToList();
        var alertIds = body.GetProperty("alerts").EnumerateArray().Select(a => a.GetString()!).ToList();
        Assert.Equal(matching.Count, alertIds.Count);
        Assert.All(matching, h => Assert.Contains(h.GetProperty("alert_id").GetString(), alertIds));
        Assert.All(hits.Where(h => !h.GetProperty("match").GetBoolean()), h => Assert.Equal(JsonValueKind.Null, h.GetProperty("alert_id").ValueKind));

        using var alert = await _server.GetAsync("/v1/alerts/" + hits[0].GetProperty("alert_id").GetString());
        var a = await TestServer.JsonAsync(alert);
        Assert.Equal("open", a.GetProperty("status").GetString());
        Assert.Equal("un-sc:QDi.291", a.GetProperty("entity_id").GetString());
        Assert.Equal(body.GetProperty("corpus_version").GetString(), a.GetProperty("corpus_version").GetString());
        Assert.Equal("un-sc", a.GetProperty("provenance").GetProperty("source").GetString());
        Assert.Equal(64, a.GetProperty("provenance").GetProperty("files")[0].GetProperty("sha256").GetString()!.Length);
        Assert.Equal(64, a.GetProperty("query_hash").GetString()!.Length);
        Assert.Equal(0, a.GetProperty("reviews").GetArrayLength());
    }

    [Fact]
    public async Task A_retried_request_with_the_same_idempotency_key_creates_no_second_alert()
    {
        using var first = await _server.PostJsonAsync("/v1/screen", Subject, idempotencyKey: "retry-1");
        var a = await TestServer.JsonAsync(first);
        using var second = await _server.PostJsonAsync("/v1/screen", Subject, idempotencyKey: "retry-1");
        var b = await TestServer.JsonAsync(second);
        Assert.True(b.GetProperty("replayed").GetBoolean());
        Assert.Equal(MatchIds(a), MatchIds(b));
        Assert.Equal(a.GetProperty("run_id").GetString(), b.GetProperty("run_id").GetString());
        using var list = await _server.GetAsync("/v1/alerts?run_id=" + a.GetProperty("run_id").GetString());
        Assert.Equal(MatchIds(a).Length, (await TestServer.JsonAsync(list)).GetProperty("total").GetInt64());
        using var third = await _server.PostJsonAsync("/v1/screen", Subject);
        Assert.DoesNotContain(MatchIds(await TestServer.JsonAsync(third))[0], MatchIds(a));
    }

    [Fact]
    public async Task A_profile_adds_decisions_under_the_screeners_law()
    {
        const string body = """{"subject": {"name": "Ibrahim Hassan Tali al-Asiri"}, "profile": {"jurisdiction": "DE", "role": "financial", "as_of": "2026-06-01"}}""";
        using var response = await _server.PostJsonAsync("/v1/screen", body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = (await TestServer.JsonAsync(response)).GetProperty("results")[0];
        var hit = result.GetProperty("hits")[0];
        var decision = hit.GetProperty("decision");
        // A UN Security Council listing binds a German bank (UN sanctions apply through EU law): freeze.
        Assert.Equal("freeze", decision.GetProperty("action").GetString());
        var entry = decision.GetProperty("listings")[0];
        Assert.Equal("un-sc:QDi.291", entry.GetProperty("listing_id").GetString());
        Assert.False(string.IsNullOrEmpty(entry.GetProperty("basis").GetString()));
        Assert.Equal("freeze", result.GetProperty("decision").GetProperty("action").GetString());
    }

    [Fact]
    public async Task Invalid_requests_are_problem_details()
    {
        using var noName = await _server.PostJsonAsync("/v1/screen", """{"subject": {"dob": "1970"}}""");
        Assert.Equal(HttpStatusCode.BadRequest, noName.StatusCode);
        Assert.Equal("application/problem+json", noName.Content.Headers.ContentType!.MediaType);
        var problem = await TestServer.JsonAsync(noName);
        Assert.True(problem.GetProperty("errors").TryGetProperty("subjects[0]", out _));

        var batch = "{\"subjects\": [" + string.Join(',', Enumerable.Repeat("{\"name\": \"x\"}", 1001)) + "]}";
        using var tooMany = await _server.PostJsonAsync("/v1/screen", batch);
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Contains("limit: 1000", (await TestServer.JsonAsync(tooMany)).GetProperty("errors").GetProperty("subjects")[0].GetString(), StringComparison.Ordinal);

        using var notJson = await _server.PostJsonAsync("/v1/screen", "{");
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Equal("application/problem+json", notJson.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task A_batch_of_1000_subjects_is_screened_in_order()
    {
        var subjects = Enumerable.Range(0, 1000).Select(i => $"{{\"id\": \"row-{i}\", \"name\": \"{(i % 2 == 0 ? "Ibrahim Hassan Tali al-Asiri" : "Nobody Anyone Whatsoever")}\"}}");
        using var response = await _server.PostJsonAsync("/v1/screen", "{\"subjects\": [" + string.Join(',', subjects) + "]}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var results = (await TestServer.JsonAsync(response)).GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(1000, results.Count);
        Assert.Equal("row-999", results[999].GetProperty("id").GetString());
        Assert.True(results[0].GetProperty("match").GetBoolean());
    }

    internal static string[] MatchIds(JsonElement body) => [.. body.GetProperty("alerts").EnumerateArray().Select(a => a.GetString()!)];
}
