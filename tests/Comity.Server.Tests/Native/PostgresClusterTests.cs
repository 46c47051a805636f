using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Comity.Server.Tests.Support;
using Npgsql;

namespace Comity.Server.Tests.Native;

/// <summary>Two server processes sharing one PostgreSQL database serve consistent alerts: the same request through
/// both creates one set of alerts, and concurrent reviews through both are neither lost nor inconsistent.</summary>
public sealed class PostgresClusterTests
{
    private const string Screener = "screener-key-0123456789";
    private const string Alice = "alice-analyst-key-0123456789";
    private const string Bob = "bob-analyst-key-0123456789";
    private const string Admin = "admin-key-0123456789abcdef";

    private static string ConnectionString() =>
        Environment.GetEnvironmentVariable("COMITY_TEST_POSTGRES") is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException("COMITY_TEST_POSTGRES is not set: start PostgreSQL with `bash .ci/postgres.sh` and export the line it prints (e.g. COMITY_TEST_POSTGRES='Host=127.0.0.1;Port=55432;Username=comity;Password=comity;Database=comity_test').");

    [Fact]
    public async Task Two_servers_on_one_database_create_no_duplicate_alerts_and_lose_no_reviews()
    {
        var ct = TestContext.Current.CancellationToken;
        var baseCs = new NpgsqlConnectionStringBuilder(ConnectionString());
        var dbName = "comity_srv_" + Guid.NewGuid().ToString("N")[..12];
        await using (var admin = new NpgsqlConnection(baseCs.ConnectionString))
        {
            await admin.OpenAsync(ct);
            await using var create = new NpgsqlCommand($"CREATE DATABASE {dbName}", admin);
            await create.ExecuteNonQueryAsync(ct);
        }

        try
        {
            var cs = new NpgsqlConnectionStringBuilder(baseCs.ConnectionString) { Database = dbName }.ConnectionString;
            var (_, un, cons) = Repo.CopyLists();
            var keys = Keys.Write(("screener", "screener", Screener), ("alice", "analyst", Alice), ("bob", "analyst", Bob), ("root", "admin", Admin));
            await using var a = await ServerProcess.StartAsync("postgres:" + cs, [un, cons], keys);
            await using var b = await ServerProcess.StartAsync("postgres:" + cs, [un, cons], keys);

            var body = Batches.Screen(200);
            var ra = Batches.PostAsync(a.Client, "/v1/screen", body, "shared-batch", Screener, ct);
            var rb = Batches.PostAsync(b.Client, "/v1/screen", body, "shared-batch", Screener, ct);
            var results = await Task.WhenAll(ra, rb);
            var setA = results[0].GetProperty("alerts").EnumerateArray().Select(x => x.GetString()!).Order(StringComparer.Ordinal).ToList();
            var setB = results[1].GetProperty("alerts").EnumerateArray().Select(x => x.GetString()!).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(setA, setB);
            Assert.Equal(1, results.Count(r => r.GetProperty("replayed").GetBoolean()));
            Assert.Equal(Batches.MatchingHits(results[0]), setA.Count);
            var stored = await Batches.AllAlertIdsAsync(b.Client, Alice);
            Assert.Equal(setA, stored.Order(StringComparer.Ordinal).ToList());

            // Concurrent four-eyes reviews of the same alerts through both servers.
            var reviewed = setA.Take(30).ToList();
            var accepted = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
            await Parallel.ForEachAsync(reviewed, ct, async (id, token) =>
            {
                var t1 = ReviewAsync(a.Client, id, Alice, token);
                var t2 = ReviewAsync(b.Client, id, Bob, token);
                foreach (var status in await Task.WhenAll(t1, t2))
                {
                    if (status == HttpStatusCode.OK)
                    {
                        accepted.AddOrUpdate(id, 1, (_, n) => n + 1);
                    }
                    else
                    {
                        Assert.Equal(HttpStatusCode.Conflict, status);
                    }
                }
            });

            foreach (var id in reviewed)
            {
                var alert = await Batches.GetAsync(a.Client, "/v1/alerts/" + id, Alice);
                var reviews = alert.GetProperty("reviews").GetArrayLength();
                Assert.Equal(accepted.GetValueOrDefault(id), reviews);
                Assert.True(reviews >= 1, "at least one of two concurrent reviews is accepted");
                var status = alert.GetProperty("status").GetString();
                Assert.Equal(reviews == 2 ? "closed_true_match" : "pending_second_review", status);
            }

            var verifyA = await Batches.GetAsync(a.Client, "/v1/audit/verify", Admin);
            Assert.True(verifyA.GetProperty("valid").GetBoolean());
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(baseCs.ConnectionString);
            await admin.OpenAsync(ct);
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {dbName} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync(ct);
        }
    }

    private static async Task<HttpStatusCode> ReviewAsync(HttpClient client, string id, string key, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/alerts/{id}/review")
        {
            Content = new StringContent("""{"outcome": "true_match", "reason": "identity documents match"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", key);
        using var response = await client.SendAsync(request, ct);
        return response.StatusCode;
    }
}
