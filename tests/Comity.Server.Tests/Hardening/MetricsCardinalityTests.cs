using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Comity.Server.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Comity.Server.Tests.Hardening;

/// <summary>Issue 10, finding 2: <c>/metrics</c> must not grow with what clients send, and must count a 500 as 500.</summary>
public sealed partial class MetricsCardinalityTests
{
    [Fact]
    public async Task Two_thousand_unique_long_method_names_keep_metrics_small()
    {
        await using var server = await TestServer.StartAsync();
        var before = await MetricsAsync(server);
        var random = new Random(20261201);
        for (var i = 0; i < 2000; i++)
        {
            var method = string.Create(CultureInfo.InvariantCulture, $"M{i}") + new string([.. Enumerable.Range(0, 4096).Select(_ => (char)('A' + random.Next(26)))]);
            using var request = new HttpRequestMessage(new HttpMethod(method), i % 2 == 0 ? "/v1/lists" : "/match/default");
            using var response = await server.Client.SendAsync(request, TestContext.Current.CancellationToken);
            Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        }

        var after = await MetricsAsync(server);
        Assert.DoesNotContain("M1999", after, StringComparison.Ordinal);
        var other = RequestCounters(after).Where(c => c.Method == "OTHER").Sum(c => c.Count);
        Assert.Equal(2000, other);

        // Only the OTHER series (per route and status) are new, and each line stays short.
        var added = RequestCounters(after).Count - RequestCounters(before).Count;
        Assert.InRange(added, 1, 8);
        Assert.True(after.Length < before.Length + (8 * 1024), $"/metrics grew from {before.Length} to {after.Length} bytes");
        Assert.All(after.Split('\n'), line => Assert.True(line.Length < 300, line[..Math.Min(300, line.Length)]));
    }

    [Fact]
    public async Task A_500_on_v1_screen_counts_as_500()
    {
        await using var server = await TestServer.StartAsync();
        var db = server.Options.Db["sqlite:".Length..];

        // A real failure under the server: the runs table is gone, so storing the screening run throws.
        await using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Pooling = false }.ToString()))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "DROP TABLE runs";
            await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        using var response = await server.PostJsonAsync("/v1/screen", Batches.Screen(2));
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var counters = RequestCounters(await MetricsAsync(server)).Where(c => c.Route == "/v1/screen").ToList();
        Assert.Equal(1, counters.Single(c => c.Status == 500 && c.Method == "POST").Count);
        Assert.DoesNotContain(counters, c => c.Status == 200);
    }

    private static async Task<string> MetricsAsync(TestServer server)
    {
        using var response = await server.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }

    private static List<(string Route, string Method, int Status, long Count)> RequestCounters(string metrics) =>
        [.. Counter().Matches(metrics).Select(m => (m.Groups[1].Value, m.Groups[2].Value,
            int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture), long.Parse(m.Groups[4].Value, CultureInfo.InvariantCulture)))];

    [GeneratedRegex("""^comity_http_requests_total\{route="([^"]*)",method="([^"]*)",status="(\d+)"\} (\d+)$""", RegexOptions.Multiline)]
    private static partial Regex Counter();
}
