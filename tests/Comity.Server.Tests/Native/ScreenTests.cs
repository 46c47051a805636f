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
    public async Task The_alert_csv_export_carries_the_decision_columns()
    {
        const string body = """{"subject": {"id": "csv-decision", "name": "Ibrahim Hassan Tali al-Asiri"}, "profile": {"jurisdiction": "DE", "role": "financial", "as_of": "2026-06-01"}}""";
        using var response = await _server.PostJsonAsync("/v1/screen", body);
        var screened = await TestServer.JsonAsync(response);
        var run = screened.GetProperty("run_id").GetString();
        using var export = await _server.GetAsync("/v1/alerts?format=csv&run_id=" + run);
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var lines = (await export.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        Assert.Equal(["action", "conflict", "unconfirmed", "basis"], header[^4..]);
        Assert.True(lines.Length > 1);
        var first = CsvCells(lines[1]);
        Assert.Equal(header.Length, first.Count);
        Assert.Equal("freeze", first[^4]);
        Assert.Equal("false", first[^3]);
        Assert.False(string.IsNullOrEmpty(first[^1]), "the basis column is empty");
    }

    /// <summary>The cells of one RFC 4180 line (quoted cells may hold commas and doubled quotes).</summary>
    private static List<string> CsvCells(string line)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var ch = line[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(ch);
                }
            }
            else if (ch == '"')
            {
                quoted = true;
            }
            else if (ch == ',')
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(ch);
            }
        }

        cells.Add(cell.ToString());
        return cells;
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

    [Theory]
    [InlineData("""{"jurisdiction": "XX"}""", "profile.jurisdiction", "XX: not a country")]
    [InlineData("""{"role": "financial"}""", "profile.jurisdiction", "required")]
    [InlineData("""{"jurisdiction": "DE", "role": "banker"}""", "profile.role", "banker: expected financial (or bank)")]
    [InlineData("""{"jurisdiction": "DE", "as_of": "01.06.2026"}""", "profile.as_of", "expected a date yyyy-MM-dd")]
    [InlineData("""{"jurisdiction": "DE", "assume": ["no-such-overlay"]}""", "profile.assume", "no-such-overlay: unknown assumption; known:")]
    [InlineData("""{"jurisdiction": "DE", "us_person": "yes"}""", "profile.us_person", "expected true or false")]
    public async Task A_bad_profile_field_is_named_with_the_same_message_as_the_command_line(string profile, string field, string message)
    {
        using var response = await _server.PostJsonAsync("/v1/screen", $$"""{"subject": {"name": "Ibrahim Hassan Tali al-Asiri"}, "profile": {{profile}}}""");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await TestServer.JsonAsync(response)).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), errors.GetRawText());
        Assert.Contains(message, messages[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_role_bank_and_a_country_name_are_read_as_on_the_command_line()
    {
        const string body = """{"subject": {"name": "Ibrahim Hassan Tali al-Asiri"}, "profile": {"jurisdiction": "Deutschland", "role": "bank", "as_of": "2026-06-01"}}""";
        using var response = await _server.PostJsonAsync("/v1/screen", body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = (await TestServer.JsonAsync(response)).GetProperty("results")[0];
        Assert.Equal("freeze", result.GetProperty("decision").GetProperty("action").GetString());
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
