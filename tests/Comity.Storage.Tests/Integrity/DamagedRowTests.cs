using Comity.Storage.Keys;
using Comity.Storage.Runs;
using Microsoft.Data.Sqlite;

namespace Comity.Storage.Tests.Integrity;

/// <summary>Issue 10: a row changed outside Comity, in any table the store reads, is reported as damaged data that
/// names the table, the row and the value — a corruption <see cref="StoreException"/> the front ends answer as such —
/// never a driver exception that reaches a 500.</summary>
public sealed class DamagedRowTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "comity-storage-tests", Guid.NewGuid().ToString("N"));

    public DamagedRowTests() => Directory.CreateDirectory(_dir);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string Db => Path.Combine(_dir, "comity.db");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private async Task TamperAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new SqliteConnection($"Data Source={Db};Pooling=False");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        Assert.Equal(1, await command.ExecuteNonQueryAsync(Ct));
    }

    [Fact]
    public async Task A_run_whose_start_time_is_not_a_time_is_named_as_damaged()
    {
        string id;
        await using (var store = await ComityStores.OpenAsync("sqlite:" + Db, cancellationToken: Ct))
        {
            id = (await store.StartRunAsync(new NewScreeningRun("screener-1", """{"jurisdiction":"de"}""", "2026-03-01.1"), Ct)).Id;
        }

        await TamperAsync("UPDATE runs SET started_at = 'yesterday' WHERE id = $id", ("$id", id));
        await using (var store = await ComityStores.OpenAsync("sqlite:" + Db, cancellationToken: Ct))
        {
            var e = await Assert.ThrowsAsync<StoreException>(() => store.GetRunAsync(id, Ct));
            Assert.True(e.IsCorruption);
            Assert.Contains("runs row " + id, e.Message, StringComparison.Ordinal);
            Assert.Contains("yesterday", e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_api_key_with_an_unknown_role_or_a_damaged_time_is_refused_or_named_as_damaged()
    {
        string id;
        await using (var store = await ComityStores.OpenAsync("sqlite:" + Db, cancellationToken: Ct))
        {
            id = (await store.IssueApiKeyAsync("analyst", ApiRole.Analyst, "admin", Ct)).Info.Id;
        }

        // The schema's CHECK refuses the value; someone who switched the checks off did not, and the integrity check at
        // open finds it.
        await TamperAsync("PRAGMA ignore_check_constraints = ON; UPDATE api_keys SET role = 'emperor' WHERE id = $id", ("$id", id));
        var refused = await Assert.ThrowsAsync<StoreException>(() => ComityStores.OpenAsync("sqlite:" + Db, cancellationToken: Ct));
        Assert.True(refused.IsCorruption);
        Assert.Contains("api_keys", refused.Message, StringComparison.Ordinal);

        await TamperAsync("UPDATE api_keys SET role = 'analyst', created_at = 'last week' WHERE id = $id", ("$id", id));
        await using (var store = await ComityStores.OpenAsync("sqlite:" + Db, cancellationToken: Ct))
        {
            var e = await Assert.ThrowsAsync<StoreException>(() => store.ListApiKeysAsync(Ct));
            Assert.True(e.IsCorruption);
            Assert.Contains("api_keys row " + id, e.Message, StringComparison.Ordinal);
            Assert.Contains("last week", e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_row_read_without_a_row_guard_still_names_the_operation_that_read_it()
    {
        await using (var store = await ComityStores.OpenAsync("sqlite:" + Db, cancellationToken: Ct))
        {
            await store.RecordCorpusVersionAsync("2026-03-01.1", "{}", Ct);
        }

        await TamperAsync("UPDATE corpus_versions SET first_seen_at = 'a while ago' WHERE version = '2026-03-01.1'");
        await using (var store = await ComityStores.OpenAsync("sqlite:" + Db, cancellationToken: Ct))
        {
            var e = await Assert.ThrowsAsync<StoreException>(() => store.GetCorpusVersionAsync("2026-03-01.1", Ct));
            Assert.True(e.IsCorruption, e.ToString());
            Assert.Contains(nameof(IComityStore.GetCorpusVersionAsync), e.Message, StringComparison.Ordinal);
            Assert.Contains("a while ago", e.Message, StringComparison.Ordinal);
        }
    }
}
