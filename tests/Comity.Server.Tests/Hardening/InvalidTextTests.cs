using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Comity.Server.Tests.Support;

namespace Comity.Server.Tests.Hardening;

/// <summary>Issue 10, finding 5 (requests): invalid UTF-8 bytes or a lone surrogate escape in a JSON body answered
/// 500; now a 400 naming the field, on <c>/match</c>, <c>/v1/screen</c> and the review body.</summary>
public sealed class InvalidTextTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private readonly TestServer _server = fixture.Server;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The bodies of the report: raw bytes FF FE C3 inside the string, and an escaped lone high surrogate.</summary>
    public static TheoryData<string> Bad => new() { "bytes", "surrogate" };

    private static byte[] Name(string kind) => kind == "bytes" ? [0xFF, 0xFE, 0xC3] : "\\ud800x"u8.ToArray();

    private async Task<HttpResponseMessage> PostAsync(string url, byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return await _server.Client.PostAsync(url, content, Ct);
    }

    private static byte[] Concat(string before, byte[] middle, string after) =>
        [.. Encoding.UTF8.GetBytes(before), .. middle, .. Encoding.UTF8.GetBytes(after)];

    [Theory]
    [MemberData(nameof(Bad))]
    public async Task Native_screen_answers_400_problem_naming_the_field(string kind)
    {
        using var response = await PostAsync("/v1/screen", Concat("{\"subjects\": [{\"id\": \"r1\", \"name\": \"Ann\"}, {\"id\": \"r2\", \"name\": \"", Name(kind), "\"}]}"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await TestServer.JsonAsync(response);
        Assert.Equal("$.subjects[1].name", body.GetProperty("field").GetString());
        Assert.Contains("$.subjects[1].name", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Bad))]
    public async Task Yente_match_answers_400_naming_the_field(string kind)
    {
        using var response = await PostAsync("/match/default", Concat("{\"queries\": {\"q1\": {\"schema\": \"Person\", \"properties\": {\"name\": [\"", Name(kind), "\"]}}}}"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await TestServer.JsonAsync(response);
        Assert.Contains("$.queries.q1.properties.name[0]", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Bad))]
    public async Task An_invalid_member_name_or_review_text_is_a_400_too(string kind)
    {
        using var member = await PostAsync("/v1/screen", Concat("{\"", Name(kind), "\": 1}"));
        Assert.Equal(HttpStatusCode.BadRequest, member.StatusCode);
        Assert.Equal("$.<member name>", (await TestServer.JsonAsync(member)).GetProperty("field").GetString());

        using var review = await PostAsync("/v1/alerts/no-such-alert/review", Concat("{\"outcome\": \"false_positive\", \"reason\": \"", Name(kind), "\"}"));
        Assert.Equal(HttpStatusCode.BadRequest, review.StatusCode);
        Assert.Equal("$.reason", (await TestServer.JsonAsync(review)).GetProperty("field").GetString());
    }
}
