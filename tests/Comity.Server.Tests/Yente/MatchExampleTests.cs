using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Comity.Server.Tests.Support;

namespace Comity.Server.Tests.Yente;

/// <summary>MATCH-API.md §4: the full example request, and the essential fields of a response with a real hit.</summary>
public sealed class MatchExampleTests(SharedServer shared)
{
    private const string Example = """
        {"queries": {
           "cust-001": {"id": "CRM-77812", "schema": "Person",
                        "properties": {"name": ["Marek Ilich Dovranov"], "birthDate": "1971",
                                       "nationality": ["Ruritania"], "gender": "male"}},
           "cust-002": {"schema": "Company",
                        "properties": {"name": "Karvex Shipping Limited", "jurisdiction": "cy",
                                       "registrationNumber": ["HE 000000"]}}}}
        """;

    [Fact]
    public async Task The_spec_example_request_gets_the_spec_response_shape()
    {
        var server = shared.Server;
        using var response = await server.PostJsonAsync("/match/sanctions?algorithm=best&limit=5&topics=sanction&topics=wanted", Example);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("2", response.Headers.GetValues("x-batch-size").Single());
        var root = await TestServer.JsonAsync(response);
        Assert.Equal(5, root.GetProperty("limit").GetInt32());
        var responses = root.GetProperty("responses");
        Assert.Equal(["cust-001", "cust-002"], responses.EnumerateObject().Select(p => p.Name).ToArray());

        var c1 = responses.GetProperty("cust-001");
        Assert.Equal(200, c1.GetProperty("status").GetInt32());
        Assert.Equal(JsonValueKind.Array, c1.GetProperty("results").ValueKind);
        Assert.Equal("eq", c1.GetProperty("total").GetProperty("relation").GetString());
        Assert.Equal(c1.GetProperty("results").EnumerateArray().Count(r => r.GetProperty("match").GetBoolean()), c1.GetProperty("total").GetProperty("value").GetInt32());
        var q1 = c1.GetProperty("query");
        Assert.Equal("CRM-77812", q1.GetProperty("id").GetString());
        Assert.Equal("Person", q1.GetProperty("schema").GetString());
        var p1 = q1.GetProperty("properties");
        Assert.Equal(["Marek Ilich Dovranov"], Strings(p1.GetProperty("name")));
        Assert.Equal(["1971"], Strings(p1.GetProperty("birthDate")));
        Assert.Equal(["male"], Strings(p1.GetProperty("gender")));
        Assert.False(p1.TryGetProperty("nationality", out _), "Ruritania is no country: dropped from the echo");

        var c2 = responses.GetProperty("cust-002");
        Assert.Equal(200, c2.GetProperty("status").GetInt32());
        Assert.Equal(0, c2.GetProperty("total").GetProperty("value").GetInt32());
        Assert.Equal(0, c2.GetProperty("results").GetArrayLength());
        var q2 = c2.GetProperty("query");
        Assert.Equal(JsonValueKind.Null, q2.GetProperty("id").ValueKind);
        Assert.Equal("Company", q2.GetProperty("schema").GetString());
        var p2 = q2.GetProperty("properties");
        Assert.Equal(["Karvex Shipping Limited"], Strings(p2.GetProperty("name")));
        Assert.Equal(["cy"], Strings(p2.GetProperty("jurisdiction")));
        Assert.Equal(["HE 000000"], Strings(p2.GetProperty("registrationNumber")));
    }

    [Fact]
    public async Task A_real_listed_person_comes_back_as_a_scored_ftm_entity()
    {
        var server = shared.Server;
        // UN_consolidated.xml, REFERENCE_NUMBER QDi.291: IBRAHIM HASSAN TALI AL-ASIRI, Al-Qaida list, listed 2011-03-24,
        // nationality Saudi Arabia.
        const string body = """{"queries": {"q": {"schema": "Person", "properties": {"name": "Ibrahim Hassan Tali al-Asiri", "nationality": "Saudi Arabia"}}}}""";
        using var response = await server.PostJsonAsync("/match/default", body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var q = (await TestServer.JsonAsync(response)).GetProperty("responses").GetProperty("q");
        Assert.Equal(["sa"], Strings(q.GetProperty("query").GetProperty("properties").GetProperty("nationality")));
        var results = q.GetProperty("results").EnumerateArray().ToList();
        Assert.NotEmpty(results);
        var top = results[0];
        Assert.Equal("un-sc:QDi.291", top.GetProperty("id").GetString());
        Assert.Equal("Person", top.GetProperty("schema").GetString());
        Assert.Equal("IBRAHIM HASSAN TALI AL-ASIRI", top.GetProperty("caption").GetString());
        Assert.Equal(["un-sc"], Strings(top.GetProperty("datasets")));
        Assert.Equal(JsonValueKind.Array, top.GetProperty("referents").ValueKind);
        Assert.True(top.GetProperty("target").GetBoolean(), "a sanctioned entity is a target");
        foreach (var prop in top.GetProperty("properties").EnumerateObject())
        {
            Assert.Equal(JsonValueKind.Array, prop.Value.ValueKind);
            Assert.All(prop.Value.EnumerateArray(), v => Assert.Equal(JsonValueKind.String, v.ValueKind));
        }

        var props = top.GetProperty("properties");
        Assert.Contains("sa", Strings(props.GetProperty("nationality")));
        Assert.Contains("sanction", Strings(props.GetProperty("topics")));
        Assert.Contains("Ibrahim Hassan al-Asiri", Strings(props.GetProperty("alias")));
        var stamp = new Regex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$");
        Assert.Equal("2011-03-24T00:00:00", top.GetProperty("first_seen").GetString());
        Assert.Matches(stamp, top.GetProperty("last_seen").GetString()!);
        Assert.Matches(stamp, top.GetProperty("last_change").GetString()!);
        var score = top.GetProperty("score").GetDouble();
        Assert.InRange(score, 0.70, 1.0);
        Assert.True(top.GetProperty("match").GetBoolean());
        Assert.Equal(JsonValueKind.Object, top.GetProperty("features").ValueKind);
        var explanations = top.GetProperty("explanations");
        var nameMatch = explanations.GetProperty("name_match");
        Assert.InRange(nameMatch.GetProperty("score").GetDouble(), 0.0, 1.0);
        Assert.True(nameMatch.TryGetProperty("detail", out _));
        Assert.True(nameMatch.TryGetProperty("query", out _));
        Assert.True(nameMatch.TryGetProperty("candidate", out _));
        for (var i = 1; i < results.Count; i++)
        {
            var (a, b) = (results[i - 1], results[i]);
            var cmp = b.GetProperty("score").GetDouble().CompareTo(a.GetProperty("score").GetDouble());
            Assert.True(cmp < 0 || (cmp == 0 && string.CompareOrdinal(a.GetProperty("id").GetString(), b.GetProperty("id").GetString()) < 0), "sorted by score, ties by id");
            Assert.True(b.GetProperty("score").GetDouble() > 0.70, "default cutoff drops scores <= 0.70");
        }

        Assert.Equal(results.Count(r => r.GetProperty("match").GetBoolean()), q.GetProperty("total").GetProperty("value").GetInt32());
    }

    internal static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];
}
