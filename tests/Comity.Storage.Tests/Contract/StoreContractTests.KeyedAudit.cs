using Comity.Storage.Audit;

namespace Comity.Storage.Tests.Contract;

/// <summary>The keyed audit chain on every provider (issue 10, finding 7).</summary>
public abstract partial class StoreContractTests
{
    private const string AuditKey = "contract-audit-key-0123456789abcdef";

    private async Task<IComityStore> OpenKeyedAsync(string? key)
    {
        var store = await ComityStores.OpenAsync(Spec, new StoreOptions { TimeProvider = Clock, AuditKey = key }, Ct);
        lock (opened)
        {
            opened.Add(store);
        }

        return store;
    }

    [Fact]
    public async Task Keyed_records_carry_macs_that_only_the_key_verifies()
    {
        var keyed = await OpenKeyedAsync(AuditKey);
        for (var i = 1; i <= 4; i++)
        {
            var appended = await keyed.AppendAuditAsync(new AuditEntry("admin", "corpus.reloaded", $"corpus-{i}", $$"""{"n":{{i}}}"""), Ct);
            Assert.Equal(AuditChain.ComputeMac(AuditKey, appended.Hash), appended.Mac);
        }

        Assert.All(await keyed.ReadAuditAsync(0, 10, Ct), r => Assert.Equal(AuditChain.ComputeMac(AuditKey, r.Hash), r.Mac));
        Assert.True((await keyed.VerifyAuditAsync(Ct)).IsValid);
        Assert.True((await (await OpenKeyedAsync(null)).VerifyAuditAsync(Ct)).IsValid);
        var wrong = await (await OpenKeyedAsync(AuditKey + "x")).VerifyAuditAsync(Ct);
        Assert.Equal(1, wrong.FirstBrokenSequence);
        Assert.Contains("MAC", wrong.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rewritten_mac_fails_keyed_verification()
    {
        var keyed = await OpenKeyedAsync(AuditKey);
        for (var i = 1; i <= 3; i++)
        {
            await keyed.AppendAuditAsync(new AuditEntry("admin", "x.y", $"s-{i}", "{}"), Ct);
        }

        await ExecuteRawAsync(DisableAuditTriggersSql);
        await ExecuteRawAsync("UPDATE audit_log SET mac = NULL WHERE seq = 2");
        var v = await keyed.VerifyAuditAsync(Ct);
        Assert.Equal(2, v.FirstBrokenSequence);
        Assert.Contains("no MAC", v.Problem, StringComparison.Ordinal);
    }
}
