using Comity.Storage;
using Comity.Storage.Audit;
using Microsoft.Data.Sqlite;

namespace Comity.Cli.Tests;

/// <summary>Issue 10, findings 6 and 7 through the real <c>comity</c> program: signed checkpoints catch a forged and
/// re-hashed audit log that the unkeyed verify accepts; a keyed verify catches it too; a damaged database is
/// reported as corruption (exit 1), never a crash.</summary>
public sealed class AuditCommandTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "comity-cli-tests", Guid.NewGuid().ToString("N"));

    public AuditCommandTests() => Directory.CreateDirectory(_dir);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string DbPath => Path.Combine(_dir, "comity.db");

    private string Db => "sqlite:" + DbPath;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task A_checkpoint_and_the_audit_key_catch_a_forged_rehashed_log()
    {
        var keyFile = Path.Combine(_dir, "audit.key");
        await File.WriteAllTextAsync(keyFile, "audit-key-kept-off-the-database-host-42\n", Ct);
        await using (var store = await ComityStores.OpenAsync(Db, new StoreOptions { AuditKey = await File.ReadAllTextAsync(keyFile, Ct) is var k ? k.Trim() : null }, Ct))
        {
            for (var i = 0; i < 8; i++)
            {
                await store.AppendAuditAsync(new AuditEntry("analyst", "alert.reviewed", $"alert-{i}", $$"""{"outcome":"false_positive","n":{{i}}}"""), Ct);
            }
        }

        var signing = Path.Combine(_dir, "signing.pem");
        var checkpoint = Path.Combine(_dir, "checkpoint.json");
        var made = ComityProcess.Run("audit", "checkpoint", "--db", Db, "--audit-key-file", keyFile, "--out", checkpoint, "--signing-key", signing);
        Assert.True(made.Exit == 0, made.Out + made.Err);
        Assert.Contains("created signing key", made.Out, StringComparison.Ordinal);
        Assert.Equal(8, AuditCheckpoint.Parse(await File.ReadAllTextAsync(checkpoint, Ct), checkpoint).Records);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(signing));
        }

        var ok = ComityProcess.Run("audit", "verify", "--db", Db, "--audit-key-file", keyFile, "--checkpoint", checkpoint, "--public-key", signing);
        Assert.True(ok.Exit == 0, ok.Out + ok.Err);
        Assert.Contains("checkpoint OK: records 1..8", ok.Out, StringComparison.Ordinal);

        await ForgeAsync(rewrite: 3);

        var unkeyed = ComityProcess.Run("audit", "verify", "--db", Db);
        Assert.True(unkeyed.Exit == 0, "the forgery defeats the unkeyed chain: " + unkeyed.Out + unkeyed.Err);

        var anchored = ComityProcess.Run("audit", "verify", "--db", Db, "--checkpoint", checkpoint, "--public-key", signing);
        Assert.Equal(1, anchored.Exit);
        Assert.Contains("checkpoint", anchored.Out, StringComparison.Ordinal);
        Assert.Contains("FAILED", anchored.Out, StringComparison.Ordinal);

        // The forger signs a fresh checkpoint of the forged chain with a key of their own: without a pinned key that
        // would "verify", so a checkpoint is only checked against the key the verifier names.
        var forgerKey = Path.Combine(_dir, "forger.pem");
        var forged = Path.Combine(_dir, "forged.json");
        Assert.Equal(0, ComityProcess.Run("audit", "checkpoint", "--db", Db, "--out", forged, "--signing-key", forgerKey).Exit);
        var unpinned = ComityProcess.Run("audit", "verify", "--db", Db, "--checkpoint", forged);
        Assert.Equal(2, unpinned.Exit);
        Assert.Contains("needs --public-key", unpinned.Out, StringComparison.Ordinal);
        var pinnedToOurs = ComityProcess.Run("audit", "verify", "--db", Db, "--checkpoint", forged, "--public-key", signing);
        Assert.Equal(1, pinnedToOurs.Exit);
        Assert.Contains("not by the key of", pinnedToOurs.Out, StringComparison.Ordinal);

        var missing = ComityProcess.Run("audit", "verify", "--db", Db, "--checkpoint", Path.Combine(_dir, "nope.json"), "--public-key", signing);
        Assert.Equal(2, missing.Exit);
        Assert.Contains("--checkpoint " + Path.Combine(_dir, "nope.json") + ": no such file", missing.Out, StringComparison.Ordinal);
        var notPem = Path.Combine(_dir, "not.pem");
        await File.WriteAllTextAsync(notPem, "hello", Ct);
        var badKey = ComityProcess.Run("audit", "verify", "--db", Db, "--checkpoint", checkpoint, "--public-key", notPem);
        Assert.Equal(2, badKey.Exit);
        Assert.Contains("--public-key " + notPem + ": not a PEM-encoded ECDSA key", badKey.Out, StringComparison.Ordinal);

        var keyed = ComityProcess.Run("audit", "verify", "--db", Db, "--audit-key-file", keyFile);
        Assert.Equal(1, keyed.Exit);
        Assert.Contains("BROKEN at record 3", keyed.Out, StringComparison.Ordinal);
        Assert.Contains("MAC", keyed.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_reports_an_empty_or_garbled_database_as_corruption()
    {
        await File.WriteAllBytesAsync(DbPath, [], Ct);
        var empty = ComityProcess.Run("audit", "verify", "--db", Db);
        Assert.Equal(1, empty.Exit);
        Assert.Contains("CORRUPT", empty.Out, StringComparison.Ordinal);
        Assert.Equal(0, new FileInfo(DbPath).Length);

        File.Delete(DbPath);
        await using (var store = await ComityStores.OpenAsync(Db, cancellationToken: Ct))
        {
            for (var i = 0; i < 100; i++)
            {
                await store.AppendAuditAsync(new AuditEntry("admin", "corpus.reloaded", $"c-{i}", $$"""{"pad":"{{new string('y', 300)}}"}"""), Ct);
            }
        }

        var bytes = await File.ReadAllBytesAsync(DbPath, Ct);
        new Random(11).NextBytes(bytes.AsSpan(4096));
        await File.WriteAllBytesAsync(DbPath, bytes, Ct);
        var garbled = ComityProcess.Run("audit", "verify", "--db", Db);
        Assert.Equal(1, garbled.Exit);
        Assert.Contains("CORRUPT", garbled.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", garbled.Err, StringComparison.Ordinal);
    }

    /// <summary>Rewrites one record's payload and recomputes every hash from it on, as an attacker with write access.</summary>
    private async Task ForgeAsync(long rewrite)
    {
        await using var connection = new SqliteConnection($"Data Source={DbPath};Pooling=False");
        await connection.OpenAsync(Ct);
        var rows = new List<AuditRecord>();
        await using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT seq, at, actor, action, subject, payload FROM audit_log ORDER BY seq";
            await using var reader = await read.ExecuteReaderAsync(Ct);
            while (await reader.ReadAsync(Ct))
            {
                var at = DateTimeOffset.Parse(reader.GetString(1), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);
                var payload = reader.GetInt64(0) == rewrite ? """{"outcome":"true_match"}""" : reader.GetString(5);
                rows.Add(new AuditRecord(reader.GetInt64(0), at, reader.GetString(2), reader.GetString(3), reader.GetString(4), payload, string.Empty, string.Empty));
            }
        }

        var sql = new System.Text.StringBuilder("DROP TRIGGER audit_log_no_update;");
        var previous = AuditChain.GenesisHash;
        foreach (var r in rows)
        {
            var hash = AuditChain.ComputeHash(r with { PreviousHash = previous });
            sql.Append(System.Globalization.CultureInfo.InvariantCulture, $"UPDATE audit_log SET payload = '{r.PayloadJson}', prev_hash = '{previous}', hash = '{hash}' WHERE seq = {r.Sequence};");
            previous = hash;
        }

        sql.Append(System.Globalization.CultureInfo.InvariantCulture, $"UPDATE audit_head SET hash = '{previous}';");
        await using var write = connection.CreateCommand();
        write.CommandText = sql.ToString();
        await write.ExecuteNonQueryAsync(Ct);
    }
}
