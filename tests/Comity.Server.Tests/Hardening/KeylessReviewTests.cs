using System.Net;
using System.Text;
using Comity.Server.Tests.Support;

namespace Comity.Server.Tests.Hardening;

/// <summary>Issue 10, finding 8 (rest): 415 answers are problem details; without API keys four eyes cannot be
/// enforced, which alerts say, and a true_match review is refused unless --allow-unauthenticated-review.</summary>
public sealed class KeylessReviewTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private readonly TestServer _server = fixture.Server;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Subject = """{"subject": {"name": "Ibrahim Hassan Tali al-Asiri"}}""";

    private static async Task<string> AlertAsync(TestServer server)
    {
        using var screened = await server.PostJsonAsync("/v1/screen", Subject);
        return (await TestServer.JsonAsync(screened)).GetProperty("alerts")[0].GetString()!;
    }

    [Fact]
    public async Task A_wrong_content_type_is_a_415_problem()
    {
        using var content = new StringContent(Subject, Encoding.UTF8, "text/plain");
        using var response = await _server.Client.PostAsync("/v1/screen", content, Ct);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await TestServer.JsonAsync(response);
        Assert.Equal(415, body.GetProperty("status").GetInt32());
        Assert.Contains("text/plain", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_keys_true_match_is_refused_and_alerts_say_four_eyes_is_not_enforced()
    {
        var id = await AlertAsync(_server);
        using var alert = await _server.GetAsync("/v1/alerts/" + id);
        var a = await TestServer.JsonAsync(alert);
        Assert.Equal(id, a.GetProperty("id").GetString());
        Assert.Contains("not enforced", a.GetProperty("four_eyes_warning").GetString(), StringComparison.Ordinal);

        // One person naming two reviewers in the body would pass four eyes: refused.
        using var review = await _server.PostJsonAsync($"/v1/alerts/{id}/review", """{"outcome": "true_match", "reason": "same dob", "reviewer": "alice"}""");
        Assert.Equal(HttpStatusCode.Forbidden, review.StatusCode);
        var problem = await TestServer.JsonAsync(review);
        Assert.Contains("--allow-unauthenticated-review", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        using var after = await _server.GetAsync("/v1/alerts/" + id);
        Assert.Equal("open", (await TestServer.JsonAsync(after)).GetProperty("status").GetString());

        // Other outcomes need no second pair of eyes.
        using var escalate = await _server.PostJsonAsync($"/v1/alerts/{id}/review", """{"outcome": "escalate", "reason": "unclear", "reviewer": "alice"}""");
        Assert.Equal(HttpStatusCode.OK, escalate.StatusCode);
    }

    [Fact]
    public async Task With_the_flag_true_match_is_accepted_without_keys()
    {
        await using var server = await TestServer.StartAsync(o => o with { AllowUnauthenticatedReview = true });
        var id = await AlertAsync(server);
        using var review = await server.PostJsonAsync($"/v1/alerts/{id}/review", """{"outcome": "true_match", "reason": "same dob", "reviewer": "alice"}""");
        Assert.Equal(HttpStatusCode.OK, review.StatusCode);
        Assert.Equal("pending_second_review", (await TestServer.JsonAsync(review)).GetProperty("alert").GetProperty("status").GetString());
    }
}
