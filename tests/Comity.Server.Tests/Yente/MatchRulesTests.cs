using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Comity.Server.Tests.Support;

namespace Comity.Server.Tests.Yente;

/// <summary>MATCH-API.md §2–3: parameters, limits, defaults and error shapes of <c>POST /match/{dataset}</c>.</summary>
public sealed class MatchRulesTests(SharedServer shared)
{
    private const string Asiri = """{"queries": {"q": {"schema": "Person", "properties": {"name": "Ibrahim Hassan Tali al-Asiri"}}}}""";

    private readonly TestServer _server = shared.Server;

    private async Task<(HttpStatusCode Status, JsonElement Body)> Post(string url, string body)
    {
        using var response = await _server.PostJsonAsync(url, body);
        return (response.StatusCode, await TestServer.JsonAsync(response));
    }

    private static JsonElement Q(JsonElement body) => body.GetProperty("responses").GetProperty("q");

    [Fact]
    public async Task Limit_over_500_is_422_with_a_located_detail_list()
    {
        var (status, body) = await Post("/match/default?limit=501", Asiri);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        var item = body.GetProperty("detail")[0];
        Assert.Equal(["query", "limit"], MatchExampleTests.Strings(item.GetProperty("loc")));
        Assert.Equal("less_than_equal", item.GetProperty("type").GetString());
        Assert.Equal("501", item.GetProperty("input").GetString());
        Assert.False(string.IsNullOrEmpty(item.GetProperty("msg").GetString()));
    }

    [Fact]
    public async Task Limit_zero_returns_no_results_but_counts_the_matches()
    {
        var (status, body) = await Post("/match/default?limit=0", Asiri);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(0, Q(body).GetProperty("results").GetArrayLength());
        Assert.True(Q(body).GetProperty("total").GetProperty("value").GetInt32() >= 1);
        Assert.Equal(0, body.GetProperty("limit").GetInt32());
    }

    [Fact]
    public async Task Threshold_sets_match_and_total_while_cutoff_defaults_to_it()
    {
        var (_, normal) = await Post("/match/default", Asiri);
        Assert.True(Q(normal).GetProperty("results")[0].GetProperty("match").GetBoolean());
        var (_, strict) = await Post("/match/default?threshold=1.01", Asiri);
        Assert.Equal(0, Q(strict).GetProperty("results").GetArrayLength());
        var (_, loose) = await Post("/match/default?threshold=1.01&cutoff=0.5", Asiri);
        var results = Q(loose).GetProperty("results").EnumerateArray().ToList();
        Assert.NotEmpty(results);
        Assert.All(results, r => Assert.False(r.GetProperty("match").GetBoolean()));
        Assert.Equal(0, Q(loose).GetProperty("total").GetProperty("value").GetInt32());
        Assert.All(results, r => Assert.True(r.GetProperty("score").GetDouble() > 0.5));
    }

    [Theory]
    [InlineData("best")]
    [InlineData("logic-v2")]
    [InlineData("logic-v1")]
    [InlineData("ofac")]
    [InlineData("name-based")]
    [InlineData("name-qualified")]
    [InlineData("regression-v1")]
    [InlineData("comity-v1")]
    [InlineData("LOGIC-V2")]
    public async Task Every_yente_algorithm_name_is_accepted(string algorithm)
    {
        var (status, body) = await Post("/match/default?algorithm=" + algorithm, Asiri);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("un-sc:QDi.291", Q(body).GetProperty("results")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task Unknown_algorithm_is_400_with_detail()
    {
        var (status, body) = await Post("/match/default?algorithm=magic", Asiri);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("Invalid algorithm: magic", body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Unknown_dataset_is_404_and_opensanctions_names_are_aliases()
    {
        var (status, body) = await Post("/match/nowhere", Asiri);
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("No such dataset.", body.GetProperty("detail").GetString());
        var (aliasStatus, alias) = await Post("/match/un_sc_sanctions", Asiri);
        Assert.Equal(HttpStatusCode.OK, aliasStatus);
        Assert.Equal("un-sc:QDi.291", Q(alias).GetProperty("results")[0].GetProperty("id").GetString());
        var (ofacStatus, ofac) = await Post("/match/us_ofac_cons", Asiri);
        Assert.Equal(HttpStatusCode.OK, ofacStatus);
        Assert.All(Q(ofac).GetProperty("results").EnumerateArray(), r => Assert.Equal("us-ofac-cons", r.GetProperty("datasets")[0].GetString()));
    }

    [Fact]
    public async Task Dataset_filters_intersect_and_subtract()
    {
        var (_, none) = await Post("/match/un-sc?include_dataset=us-ofac-cons", Asiri);
        Assert.Equal(0, Q(none).GetProperty("results").GetArrayLength());
        var (_, excluded) = await Post("/match/default?exclude_dataset=un-sc", Asiri);
        Assert.All(Q(excluded).GetProperty("results").EnumerateArray(), r => Assert.NotEqual("un-sc", r.GetProperty("datasets")[0].GetString()));
        var (_, schema) = await Post("/match/default?exclude_schema=Person", Asiri);
        Assert.Equal(0, Q(schema).GetProperty("results").GetArrayLength());
        var (_, topics) = await Post("/match/default?topics=wanted", Asiri);
        Assert.Equal(0, Q(topics).GetProperty("results").GetArrayLength());
        var (_, sanction) = await Post("/match/default?topics[]=sanction", Asiri);
        Assert.NotEqual(0, Q(sanction).GetProperty("results").GetArrayLength());
    }

    [Fact]
    public async Task Excluded_entity_ids_are_dropped_and_limited_to_50()
    {
        var (_, body) = await Post("/match/default?exclude_entity_ids=un-sc:QDi.291", Asiri);
        Assert.DoesNotContain(Q(body).GetProperty("results").EnumerateArray(), r => r.GetProperty("id").GetString() == "un-sc:QDi.291");
        var many = string.Join('&', Enumerable.Range(0, 51).Select(i => "exclude_entity_ids=x" + i));
        var (status, error) = await Post("/match/default?" + many, Asiri);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal(["query", "exclude_entity_ids"], MatchExampleTests.Strings(error.GetProperty("detail")[0].GetProperty("loc")));
    }

    [Fact]
    public async Task Changed_since_filters_strictly_later_and_rejects_bad_dates()
    {
        var (_, past) = await Post("/match/default?changed_since=1990-01-01T10", Asiri);
        Assert.NotEqual(0, Q(past).GetProperty("results").GetArrayLength());
        var (_, future) = await Post("/match/default?changed_since=2999-01-01", Asiri);
        Assert.Equal(0, Q(future).GetProperty("results").GetArrayLength());
        var (status, _) = await Post("/match/default?changed_since=yesterday", Asiri);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
    }

    [Fact]
    public async Task Query_batch_limits_and_schema_rules()
    {
        var (empty, emptyBody) = await Post("/match/default", """{"queries": {}}""");
        Assert.Equal(HttpStatusCode.BadRequest, empty);
        Assert.Equal("No queries provided.", emptyBody.GetProperty("detail").GetString());

        var many = "{\"queries\": {" + string.Join(',', Enumerable.Range(0, 101).Select(i => $"\"k{i}\": {{\"schema\": \"Person\", \"properties\": {{\"name\": \"x\"}}}}")) + "}}";
        var (tooMany, tooManyBody) = await Post("/match/default", many);
        Assert.Equal(HttpStatusCode.BadRequest, tooMany);
        Assert.Equal("Too many queries in one batch (limit: 100)", tooManyBody.GetProperty("detail").GetString());

        var (missing, missingBody) = await Post("/match/default", """{"queries": {"a": {"properties": {"name": "x"}}}}""");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, missing);
        Assert.Equal(["body", "queries", "a", "schema"], MatchExampleTests.Strings(missingBody.GetProperty("detail")[0].GetProperty("loc")));

        var (unknown, unknownBody) = await Post("/match/default", """{"queries": {"a": {"schema": "Sanction", "properties": {"name": "x"}}}}""");
        Assert.Equal(HttpStatusCode.BadRequest, unknown);
        Assert.StartsWith("Cannot parse example entity", unknownBody.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var (notJson, notJsonBody) = await Post("/match/default", "queries=1");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, notJson);
        Assert.Equal("json_invalid", notJsonBody.GetProperty("detail")[0].GetProperty("type").GetString());
    }

    [Fact]
    public async Task Config_keys_must_be_declared()
    {
        var (status, body) = await Post("/match/default", """{"queries": {"q": {"schema": "Person", "properties": {"name": "x"}}}, "config": {"nm_magic": 0.4}}""");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("Invalid configuration parameter: nm_magic for algorithm comity-v1", body.GetProperty("detail").GetString());
        var (ok, _) = await Post("/match/default", """{"queries": {"q": {"schema": "Person", "properties": {"name": "x"}}}, "config": {"qualifiers": false}}""");
        Assert.Equal(HttpStatusCode.OK, ok);
    }

    [Fact]
    public async Task Properties_are_cleaned_coerced_flattened_and_composed()
    {
        const string body = """
            {"queries": {"q": {"schema": "Person", "id": 17, "properties": {
              "firstName": "Ibrahim", "lastName": ["al-Asiri"], "birthDate": ["1971-03-14T00:00:00", "not a date"],
              "nationality": [["Russia"], "Ruritania"], "gender": "M", "passportNumber": 12345678, "favouriteColour": "blue",
              "phone": "+49 30 1234567"}}}}
            """;
        var (status, json) = await Post("/match/default", body);
        Assert.Equal(HttpStatusCode.OK, status);
        var q = Q(json).GetProperty("query");
        Assert.Equal("17", q.GetProperty("id").GetString());
        var p = q.GetProperty("properties");
        Assert.Equal(["Ibrahim al-Asiri"], MatchExampleTests.Strings(p.GetProperty("name")));
        Assert.Equal(["1971-03-14"], MatchExampleTests.Strings(p.GetProperty("birthDate")));
        Assert.Equal(["ru"], MatchExampleTests.Strings(p.GetProperty("nationality")));
        Assert.Equal(["male"], MatchExampleTests.Strings(p.GetProperty("gender")));
        Assert.Equal(["12345678"], MatchExampleTests.Strings(p.GetProperty("passportNumber")));
        Assert.Equal(["+49301234567"], MatchExampleTests.Strings(p.GetProperty("phone")));
        Assert.Equal(["de"], MatchExampleTests.Strings(p.GetProperty("country")));
        Assert.False(p.TryGetProperty("favouriteColour", out _));
    }

    [Fact]
    public async Task A_body_without_content_type_is_read_as_json()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/match/default") { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(Asiri)) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        using var response = await _server.Client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var bare = new HttpRequestMessage(HttpMethod.Post, "/match/default") { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(Asiri)) };
        Assert.Null(bare.Content.Headers.ContentType);
        using var bareResponse = await _server.Client.SendAsync(bare, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, bareResponse.StatusCode);
    }

    [Fact]
    public async Task Weight_zero_disables_a_feature()
    {
        var (_, plain) = await Post("/match/default?cutoff=-1", Asiri);
        var top = Q(plain).GetProperty("results")[0];
        Assert.Equal("un-sc:QDi.291", top.GetProperty("id").GetString());
        Assert.True(top.GetProperty("explanations").TryGetProperty("name_match", out _));
        var (_, zeroed) = await Post("/match/default?cutoff=-1&limit=500", Asiri.Replace("}}}}", "}}}, \"weights\": {\"name_match\": 0}}", StringComparison.Ordinal));
        var same = Q(zeroed).GetProperty("results").EnumerateArray().Single(r => r.GetProperty("id").GetString() == "un-sc:QDi.291");
        Assert.True(same.GetProperty("score").GetDouble() < top.GetProperty("score").GetDouble());
        var (status, bad) = await Post("/match/default", Asiri.Replace("}}}}", "}}}, \"weights\": {\"name_match\": \"heavy\"}}", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal(["body", "weights", "name_match"], MatchExampleTests.Strings(bad.GetProperty("detail")[0].GetProperty("loc")));
    }
}
