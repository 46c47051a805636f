using System.Security.Cryptography;
using Comity.Storage.Audit;
using Microsoft.Data.Sqlite;

namespace Comity.Storage.Tests.Audit;

/// <summary>Issue 10, finding 7: anyone who can write the database can rewrite a record and recompute every later
/// hash, and the unkeyed chain still verifies. The keyed chain (MACs under a key held outside the database) and a
/// signed checkpoint kept elsewhere both catch that forgery.</summary>
public sealed class KeyedAuditTests : IDisposable
{
    private const string Key = "k3y-held-outside-the-database-0123456789";

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "comity-storage-tests", Guid.NewGuid().ToString("N"));

    public KeyedAuditTests() => Directory.CreateDirectory(_dir);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string Spec => "sqlite:" + Path.Combine(_dir, "comity.db");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Forging_a_record_and_recomputing_the_chain_passes_unkeyed_verify_but_fails_keyed_verify_and_the_checkpoint()
    {
        await AppendAsync(10, Key);
        using var signing = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        AuditCheckpoint checkpoint;
        await using (var store = await ComityStores.OpenAsync(Spec, new StoreOptions { AuditKey = Key }, Ct))
        {
            var v = await store.VerifyAuditAsync(Ct);
            Assert.True(v.IsValid, v.Problem);
            checkpoint = AuditCheckpoint.Create(v.RecordsChecked, v.HeadHash, DateTimeOffset.UnixEpoch.AddDays(20_000), signing);
            Assert.Null(await checkpoint.CheckAsync(store, Key, Ct));
        }

        // The checkpoint survives its file round trip.
        checkpoint = AuditCheckpoint.Parse(checkpoint.ToJson(), "checkpoint.json");
        Assert.True(checkpoint.HasValidSignature());

        await ForgeAsync(rewrite: 4);

        await using (var unkeyed = await ComityStores.OpenAsync(Spec, cancellationToken: Ct))
        {
            // The attack works on the unkeyed chain ...
            Assert.True((await unkeyed.VerifyAuditAsync(Ct)).IsValid);

            // ... but not against the checkpoint kept elsewhere.
            var problem = await checkpoint.CheckAsync(unkeyed, null, Ct);
            Assert.NotNull(problem);
            Assert.Contains("was changed", problem, StringComparison.Ordinal);
        }

        await using var keyed = await ComityStores.OpenAsync(Spec, new StoreOptions { AuditKey = Key }, Ct);
        var broken = await keyed.VerifyAuditAsync(Ct);
        Assert.False(broken.IsValid);
        Assert.Equal(4, broken.FirstBrokenSequence);
        Assert.Contains("MAC", broken.Problem, StringComparison.Ordinal);
        Assert.Contains("record 4", await checkpoint.CheckAsync(keyed, Key, Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Removing_the_last_records_fails_the_checkpoint()
    {
        await AppendAsync(6, key: null);
        using var signing = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        AuditCheckpoint checkpoint;
        await using (var store = await ComityStores.OpenAsync(Spec, cancellationToken: Ct))
        {
            var v = await store.VerifyAuditAsync(Ct);
            checkpoint = AuditCheckpoint.Create(v.RecordsChecked, v.HeadHash, DateTimeOffset.UnixEpoch, signing);
        }

        await RawAsync("DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE seq > 4; UPDATE audit_head SET seq = 4, hash = (SELECT hash FROM audit_log WHERE seq = 4);");
        await using var truncated = await ComityStores.OpenAsync(Spec, cancellationToken: Ct);
        Assert.True((await truncated.VerifyAuditAsync(Ct)).IsValid);
        Assert.Contains("record 5 is missing", await checkpoint.CheckAsync(truncated, null, Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_altered_checkpoint_does_not_verify()
    {
        using var signing = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var checkpoint = AuditCheckpoint.Create(10, new string('a', 64), DateTimeOffset.UnixEpoch, signing);
        Assert.True(checkpoint.HasValidSignature());
        Assert.False((checkpoint with { Records = 9 }).HasValidSignature());
        Assert.False((checkpoint with { HeadHash = new string('b', 64) }).HasValidSignature());
        await AppendAsync(1, null);
        await using var store = await ComityStores.OpenAsync(Spec, cancellationToken: Ct);
        Assert.Contains("signature", await (checkpoint with { Records = 1 }).CheckAsync(store, null, Ct), StringComparison.Ordinal);
        Assert.Throws<StoreException>(() => AuditCheckpoint.Parse("""{"format": "comity-audit-checkpoint-v1", "records": "x"}""", "cp.json"));
    }

    [Fact]
    public async Task Records_without_a_mac_fail_keyed_verification()
    {
        await AppendAsync(3, key: null);
        await using var keyed = await ComityStores.OpenAsync(Spec, new StoreOptions { AuditKey = Key }, Ct);
        var v = await keyed.VerifyAuditAsync(Ct);
        Assert.Equal(1, v.FirstBrokenSequence);
        Assert.Contains("no MAC", v.Problem, StringComparison.Ordinal);
        await using var other = await ComityStores.OpenAsync(Spec, new StoreOptions { AuditKey = Key + "-other" }, Ct);
        Assert.False((await other.VerifyAuditAsync(Ct)).IsValid);
    }

    private async Task AppendAsync(int count, string? key)
    {
        await using var store = await ComityStores.OpenAsync(Spec, new StoreOptions { AuditKey = key }, Ct);
        for (var i = 0; i < count; i++)
        {
            await store.AppendAuditAsync(new AuditEntry("analyst", "alert.reviewed", $"alert-{i}", $$"""{"outcome":"false_positive","n":{{i}}}"""), Ct);
        }
    }

    /// <summary>What an attacker with write access does: rewrite one record's payload and recompute its hash and
    /// every later one (prev_hash links included) and the head; MACs cannot be recomputed without the key.</summary>
    private async Task ForgeAsync(long rewrite)
    {
        await using var connection = new SqliteConnection("Data Source=" + Spec["sqlite:".Length..] + ";Pooling=False");
        await connection.OpenAsync(Ct);
        var records = new List<AuditRecord>();
        await using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT seq, at, actor, action, subject, payload FROM audit_log ORDER BY seq";
            await using var reader = await read.ExecuteReaderAsync(Ct);
            while (await reader.ReadAsync(Ct))
            {
                var at = DateTimeOffset.Parse(reader.GetString(1), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);
                var payload = reader.GetInt64(0) == rewrite ? """{"outcome":"true_match","n":3}""" : reader.GetString(5);
                records.Add(new AuditRecord(reader.GetInt64(0), at, reader.GetString(2), reader.GetString(3), reader.GetString(4), payload, string.Empty, string.Empty));
            }
        }

        var sql = new System.Text.StringBuilder("DROP TRIGGER audit_log_no_update;");
        var previous = AuditChain.GenesisHash;
        foreach (var r in records)
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

    private async Task RawAsync(string sql)
    {
        await using var connection = new SqliteConnection("Data Source=" + Spec["sqlite:".Length..] + ";Pooling=False");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(Ct);
    }
}
