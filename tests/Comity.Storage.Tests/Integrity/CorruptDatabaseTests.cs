using Comity.Storage.Audit;

namespace Comity.Storage.Tests.Integrity;

/// <summary>Issue 10, finding 6: the store never trusts a database file blindly. Each case damages a real SQLite
/// file written by the store and opens it again: it must refuse with a <see cref="StoreException"/> marked as
/// corruption, never start afresh or fail later.</summary>
public sealed class CorruptDatabaseTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "comity-storage-tests", Guid.NewGuid().ToString("N"));

    public CorruptDatabaseTests() => Directory.CreateDirectory(_dir);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string Db => Path.Combine(_dir, "comity.db");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task An_existing_empty_file_is_refused_not_turned_into_a_new_store()
    {
        await File.WriteAllBytesAsync(Db, [], Ct);
        var e = await Assert.ThrowsAsync<StoreException>(() => ComityStores.OpenAsync("sqlite:" + Db, cancellationToken: Ct));
        Assert.True(e.IsCorruption);
        Assert.Contains("empty (0 bytes)", e.Message, StringComparison.Ordinal);
        Assert.Contains(Db, e.Message, StringComparison.Ordinal);
        Assert.Equal(0, new FileInfo(Db).Length);
    }

    /// <summary>A copy of a live database taken without its -wal file is a valid SQLite header with no tables (the
    /// server's writes are all in the log): opening it must not start a new, empty store in it.</summary>
    [Fact]
    public async Task An_existing_database_with_no_tables_is_refused()
    {
        await using (var raw = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Db};Pooling=False"))
        {
            await raw.OpenAsync(Ct);
            await using var command = raw.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=WAL; CREATE TABLE t (x); DROP TABLE t;";
            await command.ExecuteNonQueryAsync(Ct);
        }

        File.SetLastWriteTimeUtc(Db, DateTime.UtcNow.AddHours(-1));
        var length = new FileInfo(Db).Length;
        var e = await Assert.ThrowsAsync<StoreException>(() => ComityStores.OpenAsync("sqlite:" + Db, cancellationToken: Ct));
        Assert.True(e.IsCorruption);
        Assert.Contains("holds no tables", e.Message, StringComparison.Ordinal);
        Assert.Contains("-wal", e.Message, StringComparison.Ordinal);
        Assert.Equal(length, new FileInfo(Db).Length);
    }

    [Fact]
    public async Task A_file_of_random_bytes_is_refused()
    {
        var bytes = new byte[64 * 1024];
        new Random(6).NextBytes(bytes);
        await File.WriteAllBytesAsync(Db, bytes, Ct);
        var e = await Assert.ThrowsAsync<StoreException>(() => ComityStores.OpenAsync("sqlite:" + Db, cancellationToken: Ct));
        Assert.True(e.IsCorruption);
        Assert.Contains("not a SQLite database", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_truncated_database_is_refused()
    {
        var length = await WriteRealStoreAsync();
        await using (var f = new FileStream(Db, FileMode.Open, FileAccess.ReadWrite))
        {
            f.SetLength(length / 2);
        }

        var e = await Assert.ThrowsAsync<StoreException>(() => ComityStores.OpenAsync("sqlite:" + Db, cancellationToken: Ct));
        Assert.True(e.IsCorruption, e.Message);
    }

    [Fact]
    public async Task A_database_with_an_intact_header_and_garbled_pages_is_refused()
    {
        var length = await WriteRealStoreAsync();
        var garbage = new byte[length - 8192];
        new Random(7).NextBytes(garbage);
        await using (var f = new FileStream(Db, FileMode.Open, FileAccess.ReadWrite))
        {
            f.Position = 8192;
            await f.WriteAsync(garbage, Ct);
        }

        Assert.Equal("SQLite format 3\0"u8.ToArray(), (await File.ReadAllBytesAsync(Db, Ct))[..16]);
        var e = await Assert.ThrowsAsync<StoreException>(() => ComityStores.OpenAsync("sqlite:" + Db, cancellationToken: Ct));
        Assert.True(e.IsCorruption, e.Message);
        Assert.Contains(Db, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_missing_a_table_is_refused()
    {
        await WriteRealStoreAsync();
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Db};Pooling=False"))
        {
            await connection.OpenAsync(Ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "DROP TABLE reviews";
            await command.ExecuteNonQueryAsync(Ct);
        }

        var e = await Assert.ThrowsAsync<StoreException>(() => ComityStores.OpenAsync("sqlite:" + Db, cancellationToken: Ct));
        Assert.True(e.IsCorruption);
        Assert.Contains("reviews", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_foreign_sqlite_database_is_refused()
    {
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Db};Pooling=False"))
        {
            await connection.OpenAsync(Ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)";
            await command.ExecuteNonQueryAsync(Ct);
        }

        var e = await Assert.ThrowsAsync<StoreException>(() => ComityStores.OpenAsync("sqlite:" + Db, cancellationToken: Ct));
        Assert.True(e.IsCorruption);
        Assert.Contains("not a Comity database", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_database_file_is_readable_by_its_owner_only_and_reopens()
    {
        await WriteRealStoreAsync();
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Db));
        }

        await using var store = await ComityStores.OpenAsync("sqlite:" + Db, cancellationToken: Ct);
        var v = await store.VerifyAuditAsync(Ct);
        Assert.True(v.IsValid);
        Assert.Equal(200, v.RecordsChecked);
    }

    /// <summary>A real store of 200 audit records (several pages), closed; returns the file's length.</summary>
    private async Task<long> WriteRealStoreAsync()
    {
        await using (var store = await ComityStores.OpenAsync("sqlite:" + Db, cancellationToken: Ct))
        {
            for (var i = 0; i < 200; i++)
            {
                await store.AppendAuditAsync(new AuditEntry("admin", "corpus.reloaded", $"corpus-{i}", $$"""{"n":{{i}},"pad":"{{new string('x', 200)}}"}"""), Ct);
            }
        }

        Assert.False(File.Exists(Db + "-wal") && new FileInfo(Db + "-wal").Length > 0, "the WAL was not checkpointed on close");
        return new FileInfo(Db).Length;
    }
}
