using System.Net;
using System.Text;
using Comity.Server.Tests.Support;

namespace Comity.Server.Tests.Hardening;

/// <summary>What a hostile web page or a careless client could slip past the native API: cross-site requests from an
/// analyst's browser (a keyless server trusts every caller), bodies not declared as JSON, misspelt members that would
/// silently change the legal answer, and errors that do not say which subject of a batch is at fault.</summary>
public sealed class RequestShapeTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private readonly TestServer _server = fixture.Server;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<string> AlertAsync()
    {
        using var screened = await _server.PostJsonAsync("/v1/screen", """{"subject": {"name": "Ibrahim Hassan Tali al-Asiri"}}""");
        return (await TestServer.JsonAsync(screened)).GetProperty("alerts")[0].GetString()!;
    }

    [Fact]
    public async Task A_review_sent_from_another_site_is_refused_and_changes_nothing()
    {
        var id = await AlertAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/alerts/{id}/review")
        {
            Content = new StringContent("""{"outcome":"false_positive","reason":"csrf","reviewer":"mallory"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Origin", "https://evil.example");
        using var response = await _server.Client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("https://evil.example", (await TestServer.JsonAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        using var after = await _server.GetAsync("/v1/alerts/" + id);
        Assert.Equal("open", (await TestServer.JsonAsync(after)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Fetch_metadata_marking_a_cross_site_request_is_refused_too()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/lists/reload");
        request.Headers.Add("Sec-Fetch-Site", "cross-site");
        using var response = await _server.Client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_body_without_a_json_content_type_is_a_415_that_creates_nothing()
    {
        var id = await AlertAsync();
        foreach (var type in new string?[] { null, "text/plain" })
        {
            using var content = new ByteArrayContent(Encoding.UTF8.GetBytes("""{"outcome":"false_positive","reason":"no type","reviewer":"mallory"}"""));
            if (type is not null)
            {
                content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(type);
            }

            using var response = await _server.Client.PostAsync($"/v1/alerts/{id}/review", content, Ct);
            Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        }

        using var noType = new ByteArrayContent(Encoding.UTF8.GetBytes("""{"subject":{"name":"x"}}"""));
        using var screen = await _server.Client.PostAsync("/v1/screen", noType, Ct);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, screen.StatusCode);
        using var after = await _server.GetAsync("/v1/alerts/" + id);
        Assert.Equal("open", (await TestServer.JsonAsync(after)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_same_origin_and_clients_without_an_origin_are_served()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/screen")
        {
            Content = new StringContent("""{"subject":{"name":"Anna Schmidt"}}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Origin", _server.Client.BaseAddress!.GetLeftPart(UriPartial.Authority));
        using var sameOrigin = await _server.Client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, sameOrigin.StatusCode);
        using var plain = await _server.PostJsonAsync("/v1/screen", """{"subject":{"name":"Anna Schmidt"}}""");
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
    }

    [Theory]
    [InlineData("""{"subject":{"name":"BANCO NACIONAL DE CUBA"},"profil":{"jurisdiction":"DE","role":"financial"}}""", "profil")]
    [InlineData("""{"subject":{"name":"BANCO NACIONAL DE CUBA"},"treshold":0.99}""", "treshold")]
    [InlineData("""{"subject":{"name":"BANCO NACIONAL DE CUBA"},"profile":{"jurisdiction":"DE","role":"financial","us_nexsu":true}}""", "profile.us_nexsu")]
    public async Task A_misspelt_member_is_a_400_naming_it(string body, string field)
    {
        using var response = await _server.PostJsonAsync("/v1/screen", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await TestServer.JsonAsync(response)).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), errors.ToString());
        Assert.Contains("unknown field", messages[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_name_beyond_the_limits_in_a_batch_is_named_by_its_subject()
    {
        var subjects = string.Join(',', Enumerable.Range(0, 5).Select(_ => """{"name":"Anna Schmidt"}""")) + $$""",{"name":"{{new string('x', 2000)}}"}""";
        using var screen = await _server.PostJsonAsync("/v1/screen", $$"""{"subjects":[{{subjects}}]}""");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, screen.StatusCode);
        Assert.StartsWith("subjects[5].names[0]: a name has at most 1000 characters", (await TestServer.JsonAsync(screen)).GetProperty("detail").GetString(), StringComparison.Ordinal);

        var longName = new string('y', 2000);
        using var match = await _server.PostJsonAsync("/match/default", "{\"queries\":{\"a\":{\"schema\":\"Person\",\"properties\":{\"name\":[\"ok\"]}},"
            + "\"b\":{\"schema\":\"Person\",\"properties\":{\"name\":[\"ok\",\"" + longName + "\"]}}}}");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, match.StatusCode);
        Assert.Contains("queries.b.names[1]", (await match.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Values_that_were_dropped_are_returned_as_warnings()
    {
        using var response = await _server.PostJsonAsync("/v1/screen", """{"subject":{"name":"Anna Schmidt","gender":"wizard","country":"Atlantis","dob":"notadate"}}""");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var warnings = (await TestServer.JsonAsync(response)).GetProperty("results")[0].GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!).ToList();
        Assert.Contains(warnings, w => w.StartsWith("gender: not a gender 'wizard'", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.StartsWith("country: not a country 'Atlantis'", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.StartsWith("dob: cannot read date 'notadate'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/v1/alerts?format=xml", "format")]
    public async Task Unknown_query_values_are_refused(string url, string mentions)
    {
        using var response = await _server.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(mentions, (await TestServer.JsonAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reload_with_an_unreadable_wait_flag_is_refused()
    {
        using var response = await _server.PostJsonAsync("/v1/lists/reload?wait=maybe", "{}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
