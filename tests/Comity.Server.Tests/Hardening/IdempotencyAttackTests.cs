using System.Net;
using System.Text.Json;
using Comity.Server.Tests.Support;
using Npgsql;

namespace Comity.Server.Tests.Hardening;

/// <summary>Issue 10, finding 3 over HTTP, on SQLite and PostgreSQL: an Idempotency-Key reused with a different
/// body cannot suppress the new request's alert (422, nothing replayed), and a second screener reusing another's key
/// gets its own run and alerts, never the first one's ids.</summary>
public sealed class IdempotencyAttackTests
{
    private const string ScreenerA = "screener-a-key-0123456789";
    private const string ScreenerB = "screener-b-key-0123456789";
    private const string Analyst = "analyst-key-0123456789abc";

    private const string Harmless = """{"subject": {"id": "c-1", "name": "Quiet Harbour Bakery"}}""";
    private const string Cuba = """{"subject": {"id": "c-1", "name": "BANCO NACIONAL DE CUBA"}}""";

    // The same request as Cuba: other member order, other layout (the canonical body is the same).
    private const string CubaReordered = """
        { "subject" : { "name" : "BANCO NACIONAL DE CUBA", "id" : "c-1" } }
        """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public Task Sqlite() => AttackAsync(null);

    [Fact]
    public async Task Postgres()
    {
        var cs = Environment.GetEnvironmentVariable("COMITY_TEST_POSTGRES") is { Length: > 0 } v
            ? v
            : throw new InvalidOperationException("COMITY_TEST_POSTGRES is not set: start PostgreSQL with `bash .ci/postgres.sh` and export the line it prints.");
        var schema = "comity_idem_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(cs))
        {
            await connection.OpenAsync(Ct);
            await using var create = new NpgsqlCommand($"CREATE SCHEMA {schema}", connection);
            await create.ExecuteNonQueryAsync(Ct);
        }

        try
        {
            await AttackAsync("postgres:" + new NpgsqlConnectionStringBuilder(cs) { SearchPath = schema });
        }
        finally
        {
            await using var connection = new NpgsqlConnection(cs);
            await connection.OpenAsync(CancellationToken.None);
            await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE", connection);
            await drop.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    private static async Task AttackAsync(string? db)
    {
        var sdn = Path.Combine(Repo.TempDir(), "sdn-csv");
        Directory.CreateDirectory(sdn);
        foreach (var f in Directory.GetFiles(Repo.Data("lists", "ofac", "sdn-csv")))
        {
            File.Copy(f, Path.Combine(sdn, Path.GetFileName(f)));
        }

        var keys = Keys.Write(("screener-a", "screener", ScreenerA), ("screener-b", "screener", ScreenerB), ("analyst", "analyst", Analyst));
        await using var server = await TestServer.StartAsync(o => o with { Lists = [sdn], KeysFile = keys }, db);

        // The first request under key K: nothing matches, no alert.
        using var first = await server.PostJsonAsync("/v1/screen", Harmless, ScreenerA, "K");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(0, (await TestServer.JsonAsync(first)).GetProperty("alerts").GetArrayLength());

        // The attack: the same key with a real match in the body. Before the fix this replayed the harmless answer.
        using var attack = await server.PostJsonAsync("/v1/screen", Cuba, ScreenerA, "K");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, attack.StatusCode);
        Assert.Equal("application/problem+json", attack.Content.Headers.ContentType?.MediaType);
        var problem = await TestServer.JsonAsync(attack);
        Assert.Equal(422, problem.GetProperty("status").GetInt32());
        Assert.Contains("different request body", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(await AlertsOfAsync(server, "BANCO NACIONAL DE CUBA"));

        // The new request under a new key: the real match gets its alert.
        using var real = await server.PostJsonAsync("/v1/screen", Cuba, ScreenerA, "K2");
        Assert.Equal(HttpStatusCode.OK, real.StatusCode);
        var a = await TestServer.JsonAsync(real);
        Assert.False(a.GetProperty("replayed").GetBoolean());
        var alertsA = Ids(a);
        Assert.NotEmpty(alertsA);
        Assert.Equal(Batches.MatchingHits(a), alertsA.Count);
        Assert.Equal(alertsA.Order(StringComparer.Ordinal), (await AlertsOfAsync(server, "BANCO NACIONAL DE CUBA")).Order(StringComparer.Ordinal));

        // A retry of the same request (layout and member order aside) replays it.
        using var retry = await server.PostJsonAsync("/v1/screen", CubaReordered, ScreenerA, "K2");
        var r = await TestServer.JsonAsync(retry);
        Assert.True(r.GetProperty("replayed").GetBoolean());
        Assert.Equal(a.GetProperty("run_id").GetString(), r.GetProperty("run_id").GetString());
        Assert.Equal(alertsA, Ids(r));

        // A second screener reusing screener A's key (same body even): its own run and alerts, none of A's ids.
        using var other = await server.PostJsonAsync("/v1/screen", Cuba, ScreenerB, "K2");
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        var b = await TestServer.JsonAsync(other);
        Assert.False(b.GetProperty("replayed").GetBoolean());
        Assert.NotEqual(a.GetProperty("run_id").GetString(), b.GetProperty("run_id").GetString());
        var alertsB = Ids(b);
        Assert.Equal(alertsA.Count, alertsB.Count);
        Assert.Empty(alertsA.Intersect(alertsB, StringComparer.Ordinal));

        // ... and screener B's use of "K" is not A's either: no 422 there.
        using var otherK = await server.PostJsonAsync("/v1/screen", Cuba, ScreenerB, "K");
        Assert.Equal(HttpStatusCode.OK, otherK.StatusCode);

        using var metrics = await server.GetAsync("/metrics", Analyst);
        Assert.Contains("comity_idempotency_conflicts_total 1\n", await metrics.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    private static List<string> Ids(JsonElement screen) =>
        [.. screen.GetProperty("alerts").EnumerateArray().Select(x => x.GetString()!)];

    private static async Task<List<string>> AlertsOfAsync(TestServer server, string name)
    {
        var page = await Batches.GetAsync(server.Client, "/v1/alerts?limit=1000", Analyst);
        return [.. page.GetProperty("items").EnumerateArray()
            .Where(x => x.GetProperty("query").GetProperty("name").EnumerateArray().Any(n => n.GetString() == name))
            .Select(x => x.GetProperty("id").GetString()!)];
    }
}
