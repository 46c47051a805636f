using Comity.Server.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Comity.Server.Tests.Hardening;

/// <summary>A row changed outside Comity (which <c>PRAGMA quick_check</c> cannot see) is answered as damaged data
/// naming the table, the row and the column — 503 problem details — never as an anonymous 500.</summary>
public sealed class DamagedRowTests
{
    [Fact]
    public async Task An_alert_row_with_a_time_that_is_not_a_time_is_named_not_a_500()
    {
        var dir = Directory.CreateTempSubdirectory("comity-damaged-").FullName;
        var db = Path.Combine(dir, "comity.db");
        string id;
        await using (var server = await TestServer.StartAsync(db: "sqlite:" + db))
        {
            using var screened = await server.PostJsonAsync("/v1/screen", """{"subjects":[{"name":"BANCO NACIONAL DE CUBA"},{"name":"Ali Hassan Al-Majid"}]}""");
            Assert.Equal(200, (int)screened.StatusCode);
            var page = await TestServer.JsonAsync(await server.GetAsync("/v1/alerts"));
            Assert.True(page.GetProperty("total").GetInt64() >= 1);
            id = page.GetProperty("items")[0].GetProperty("id").GetString()!;
        }

        await using (var connection = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var update = connection.CreateCommand();
            update.CommandText = "UPDATE alerts SET created_at = 'yesterday' WHERE id = $id";
            update.Parameters.AddWithValue("$id", id);
            Assert.Equal(1, await update.ExecuteNonQueryAsync(TestContext.Current.CancellationToken));
        }

        await using (var server = await TestServer.StartAsync(db: "sqlite:" + db))
        {
            foreach (var url in new[] { "/v1/alerts", "/v1/alerts?format=csv", "/v1/alerts/" + id })
            {
                using var r = await server.GetAsync(url);
                var body = await r.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
                Assert.True((int)r.StatusCode == 503, $"{url}: {(int)r.StatusCode} {body}");
                Assert.Contains("damaged", body, StringComparison.Ordinal);
                Assert.Contains(id, body, StringComparison.Ordinal);
                Assert.Contains("created_at", body, StringComparison.Ordinal);
                Assert.Contains("yesterday", body, StringComparison.Ordinal);
            }

            // The rest of the server still answers.
            Assert.Equal(200, (int)(await server.GetAsync("/v1/lists")).StatusCode);
        }

        Directory.Delete(dir, recursive: true);
    }
}
