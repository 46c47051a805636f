using Microsoft.Data.Sqlite;

namespace Comity.Storage.Tests.Contract;

/// <summary>The contract on SQLite: a new temp file per test.</summary>
public sealed class SqliteStoreTests : StoreContractTests
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "comity-storage-tests", Guid.NewGuid().ToString("N"));

    private string DatabasePath => Path.Combine(directory, "comity.db");

    protected override string Spec => "sqlite:" + DatabasePath;

    protected override int MigrationCount => 6;

    protected override string DisableAuditTriggersSql => "DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;";

    public override ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(directory);
        return ValueTask.CompletedTask;
    }

    protected override ValueTask CleanupAsync()
    {
        Directory.Delete(directory, recursive: true);
        return ValueTask.CompletedTask;
    }

    protected override async Task<int> ExecuteRawAsync(string sql)
    {
        await using var connection = await OpenRawAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync(Ct);
    }

    protected override async Task<long> ScalarRawAsync(string sql)
    {
        await using var connection = await OpenRawAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }

    [Fact]
    public async Task Database_uses_the_wal_journal()
    {
        await OpenAsync();
        await using var connection = await OpenRawAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", await command.ExecuteScalarAsync(Ct));
    }

    [Fact]
    public async Task Write_transactions_take_the_database_write_lock_at_begin()
    {
        await OpenAsync();
        await using var dialect = new Sqlite.SqliteDialect(DatabasePath, new StoreOptions { LockTimeout = TimeSpan.FromSeconds(1) });
        await using var writer = await dialect.OpenAsync(Ct);
        await using var transaction = await dialect.BeginWriteAsync(writer, Ct);

        // BEGIN IMMEDIATE holds the write lock before any statement ran: another connection cannot write...
        await using var other = await OpenRawAsync();
        await using (var busy = other.CreateCommand())
        {
            busy.CommandText = "PRAGMA busy_timeout = 0";
            await busy.ExecuteNonQueryAsync(Ct);
        }

        await using var write = other.CreateCommand();
        write.CommandTimeout = 1; // Microsoft.Data.Sqlite retries SQLITE_BUSY until the command timeout
        write.CommandText = "INSERT INTO api_keys (id, name, role, kind, salt, hash, created_at) VALUES ('i', 'n', 'admin', 'issued', 's', 'h', 't')";
        var error = await Assert.ThrowsAsync<SqliteException>(() => write.ExecuteNonQueryAsync(Ct));
        Assert.Equal(5, error.SqliteErrorCode); // SQLITE_BUSY

        // ...while WAL still lets it read.
        await using var read = other.CreateCommand();
        read.CommandText = "SELECT COUNT(*) FROM audit_head";
        Assert.Equal(1L, await read.ExecuteScalarAsync(Ct));
    }

    private async Task<SqliteConnection> OpenRawAsync()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString());
        await connection.OpenAsync(Ct);
        return connection;
    }
}
