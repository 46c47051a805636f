using System.Net;
using Comity.Server.Tests.Support;

namespace Comity.Server.Tests.Native;

/// <summary>Four-eyes review and the audit chain through the HTTP API (API keys name the reviewers).</summary>
public sealed class ReviewTests(ReviewTests.KeyedServer fixture) : IClassFixture<ReviewTests.KeyedServer>
{
    private const string Screener = "screener-key-0123456789";
    private const string Alice = "alice-analyst-key-0123456789";
    private const string Bob = "bob-analyst-key-0123456789";
    private const string Admin = "admin-key-0123456789abcdef";

    private readonly TestServer _server = fixture.Server;

    /// <summary>A server with the four keys, shared by the tests of this class (each reviews alerts of its own).</summary>
    public sealed class KeyedServer : ServerFixture
    {
        internal override ServeOptions Configure(ServeOptions options) =>
            options with { KeysFile = Keys.Write(("screener", "screener", Screener), ("alice", "analyst", Alice), ("bob", "analyst", Bob), ("root", "admin", Admin)) };
    }

    private async Task<string> NewAlertAsync()
    {
        using var response = await _server.PostJsonAsync("/v1/screen", """{"subject": {"name": "Ibrahim Hassan Tali al-Asiri"}}""", Screener);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return ScreenTests.MatchIds(await TestServer.JsonAsync(response))[0];
    }

    private Task<HttpResponseMessage> Review(string id, string outcome, string key) =>
        _server.PostJsonAsync($"/v1/alerts/{id}/review", $$"""{"outcome": "{{outcome}}", "reason": "checked passport copy"}""", key);

    [Fact]
    public async Task True_match_closes_only_when_a_second_different_reviewer_confirms()
    {
        var id = await NewAlertAsync();
        using var first = await Review(id, "true_match", Alice);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("pending_second_review", (await TestServer.JsonAsync(first)).GetProperty("alert").GetProperty("status").GetString());

        using var same = await Review(id, "true_match", Alice);
        Assert.Equal(HttpStatusCode.Conflict, same.StatusCode);
        Assert.Equal("application/problem+json", same.Content.Headers.ContentType!.MediaType);

        using var second = await Review(id, "true_match", Bob);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var body = await TestServer.JsonAsync(second);
        Assert.Equal("closed_true_match", body.GetProperty("alert").GetProperty("status").GetString());
        Assert.Equal("bob", body.GetProperty("review").GetProperty("reviewer").GetString());

        using var alert = await _server.GetAsync("/v1/alerts/" + id, Alice);
        var reviews = (await TestServer.JsonAsync(alert)).GetProperty("reviews").EnumerateArray().ToList();
        Assert.Equal(["alice", "bob"], reviews.Select(r => r.GetProperty("reviewer").GetString()!).ToArray());

        using var closed = await Review(id, "false_positive", Alice);
        Assert.Equal(HttpStatusCode.Conflict, closed.StatusCode);
    }

    [Fact]
    public async Task False_positive_closes_at_once_and_escalate_escalates()
    {
        var fp = await NewAlertAsync();
        using var r1 = await Review(fp, "false_positive", Alice);
        Assert.Equal("closed_false_positive", (await TestServer.JsonAsync(r1)).GetProperty("alert").GetProperty("status").GetString());
        var esc = await NewAlertAsync();
        using var r2 = await Review(esc, "escalate", Bob);
        Assert.Equal("escalated", (await TestServer.JsonAsync(r2)).GetProperty("alert").GetProperty("status").GetString());
        using var bad = await _server.PostJsonAsync($"/v1/alerts/{esc}/review", """{"outcome": "maybe"}""", Alice);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        using var missing = await Review("no-such-alert", "escalate", Alice);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        using var open = await _server.GetAsync("/v1/alerts?status=escalated", Alice);
        var page = await TestServer.JsonAsync(open);
        Assert.Contains(page.GetProperty("items").EnumerateArray(), a => a.GetProperty("id").GetString() == esc);
        Assert.All(page.GetProperty("items").EnumerateArray(), a => Assert.Equal("escalated", a.GetProperty("status").GetString()));
        using var badStatus = await _server.GetAsync("/v1/alerts?status=whatever", Alice);
        Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);
    }

    [Fact]
    public async Task The_audit_log_records_reviews_in_a_verifiable_hash_chain()
    {
        var id = await NewAlertAsync();
        using var r = await Review(id, "escalate", Alice);
        using var audit = await _server.GetAsync("/v1/audit?limit=1000", Alice);
        var records = (await TestServer.JsonAsync(audit)).GetProperty("records").EnumerateArray().ToList();
        Assert.NotEmpty(records);
        for (var i = 1; i < records.Count; i++)
        {
            Assert.Equal(records[i - 1].GetProperty("hash").GetString(), records[i].GetProperty("previous_hash").GetString());
        }

        Assert.Contains(records, x => x.GetProperty("actor").GetString() == "alice" && x.GetProperty("subject").GetString() == id);
        Assert.Contains(records, x => x.GetProperty("action").GetString() == "corpus.reloaded");
        using var verify = await _server.GetAsync("/v1/audit/verify", Admin);
        var v = await TestServer.JsonAsync(verify);
        Assert.True(v.GetProperty("valid").GetBoolean());
        Assert.True(v.GetProperty("records_checked").GetInt64() >= records.Count);
    }
}
