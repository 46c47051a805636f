using Comity.Storage.Audit;

namespace Comity.Storage.Tests.Contract;

public abstract partial class StoreContractTests
{
    private async Task<IComityStore> StoreWithAuditAsync(int records)
    {
        var store = await OpenAsync();
        for (var i = 1; i <= records; i++)
        {
            await store.AppendAuditAsync(new AuditEntry("admin", "corpus.reloaded", $"corpus-{i}", $$"""{"n":{{i}}}"""), Ct);
            Clock.Advance(TimeSpan.FromMilliseconds(1.5));
        }

        return store;
    }

    [Fact]
    public async Task Audit_records_chain_by_hash_and_read_in_pages()
    {
        var store = await StoreWithAuditAsync(5);
        var all = await store.ReadAuditAsync(0, 100, Ct);
        Assert.Equal([1L, 2, 3, 4, 5], all.Select(r => r.Sequence));
        Assert.Equal(AuditChain.GenesisHash, all[0].PreviousHash);
        for (var i = 0; i < all.Count; i++)
        {
            Assert.Equal(AuditChain.ComputeHash(all[i]), all[i].Hash);
            Assert.Equal(Start.AddMilliseconds(1.5 * i), all[i].At);
            Assert.Equal($"corpus-{i + 1}", all[i].Subject);
            Assert.Equal($$"""{"n":{{i + 1}}}""", all[i].PayloadJson);
            if (i > 0)
            {
                Assert.Equal(all[i - 1].Hash, all[i].PreviousHash);
            }
        }

        Assert.Equal(all.Skip(2).Take(2), await store.ReadAuditAsync(2, 2, Ct));
        var verification = await store.VerifyAuditAsync(Ct);
        Assert.True(verification.IsValid);
        Assert.Equal(5, verification.RecordsChecked);
        Assert.Equal(all[^1].Hash, verification.HeadHash);
        await Assert.ThrowsAsync<ArgumentException>(() => store.AppendAuditAsync(new AuditEntry("a", "x", "s", "not json"), Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => store.AppendAuditAsync(new AuditEntry("a", "x", "s", "[1]"), Ct));
    }

    [Fact]
    public async Task Audit_log_refuses_updates_and_deletes()
    {
        await StoreWithAuditAsync(2);
        await Assert.ThrowsAnyAsync<Exception>(() => ExecuteRawAsync("UPDATE audit_log SET actor = 'mallory' WHERE seq = 1"));
        await Assert.ThrowsAnyAsync<Exception>(() => ExecuteRawAsync("DELETE FROM audit_log WHERE seq = 2"));
        Assert.Equal(2, await ScalarRawAsync("SELECT COUNT(*) FROM audit_log WHERE actor = 'admin'"));
    }

    [Fact]
    public async Task Verify_names_the_record_modified_with_raw_sql()
    {
        var store = await StoreWithAuditAsync(6);
        await ExecuteRawAsync(DisableAuditTriggersSql);
        Assert.Equal(1, await ExecuteRawAsync("""UPDATE audit_log SET payload = '{"n":99}' WHERE seq = 4"""));

        var verification = await store.VerifyAuditAsync(Ct);
        Assert.False(verification.IsValid);
        Assert.Equal(4, verification.FirstBrokenSequence);
        Assert.Equal(4, verification.RecordsChecked);
        Assert.Contains("modified", verification.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_names_a_deleted_record()
    {
        var store = await StoreWithAuditAsync(5);
        await ExecuteRawAsync(DisableAuditTriggersSql);
        await ExecuteRawAsync("DELETE FROM audit_log WHERE seq = 2");
        var deleted = await store.VerifyAuditAsync(Ct);
        Assert.Equal(2, deleted.FirstBrokenSequence);
        Assert.Contains("missing", deleted.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_names_a_forged_record_whose_successor_no_longer_links()
    {
        var store = await StoreWithAuditAsync(5);
        await ExecuteRawAsync(DisableAuditTriggersSql);
        var records = await store.ReadAuditAsync(0, 10, Ct);
        var forged = records[2] with { Actor = "mallory" };
        await ExecuteRawAsync($"UPDATE audit_log SET actor = 'mallory', hash = '{AuditChain.ComputeHash(forged)}' WHERE seq = 3");

        var verification = await store.VerifyAuditAsync(Ct);
        Assert.Equal(4, verification.FirstBrokenSequence);
        Assert.Contains("previous hash", verification.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_detects_a_truncated_tail()
    {
        var store = await StoreWithAuditAsync(5);
        await ExecuteRawAsync(DisableAuditTriggersSql);
        await ExecuteRawAsync("DELETE FROM audit_log WHERE seq = 5");
        var verification = await store.VerifyAuditAsync(Ct);
        Assert.Equal(5, verification.FirstBrokenSequence);
        Assert.Equal(4, verification.RecordsChecked);
    }
}
