using Comity.Storage.Keys;

namespace Comity.Storage.Tests.Contract;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task Issued_keys_verify_with_their_role_and_stop_when_revoked()
    {
        var store = await OpenAsync();
        var screener = await store.IssueApiKeyAsync("bank-gateway", ApiRole.Screener, "admin", Ct);
        var analyst = await store.IssueApiKeyAsync("alice", ApiRole.Analyst, "admin", Ct);
        var admin = await store.IssueApiKeyAsync("ops", ApiRole.Admin, "admin", Ct);

        Assert.StartsWith("cmk_" + screener.Info.Id + "_", screener.Key, StringComparison.Ordinal);
        Assert.Equal(screener.Info, await store.VerifyApiKeyAsync(screener.Key, Ct));
        Assert.Equal(ApiRole.Analyst, (await store.VerifyApiKeyAsync(analyst.Key, Ct))!.Role);
        Assert.Equal(ApiRole.Admin, (await store.VerifyApiKeyAsync(admin.Key, Ct))!.Role);
        Assert.Equal("alice", (await store.VerifyApiKeyAsync(analyst.Key, Ct))!.Name);

        var lastChar = screener.Key[^1] == 'A' ? 'B' : 'A';
        Assert.Null(await store.VerifyApiKeyAsync(screener.Key[..^1] + lastChar, Ct));
        Assert.Null(await store.VerifyApiKeyAsync("cmk_" + analyst.Info.Id + screener.Key[(4 + 16)..], Ct));
        Assert.Null(await store.VerifyApiKeyAsync("", Ct));
        Assert.Null(await store.VerifyApiKeyAsync("not-a-key", Ct));

        foreach (var key in new[] { screener.Key, analyst.Key, admin.Key })
        {
            var secret = key[(4 + 17)..];
            Assert.Equal(0, await ScalarRawAsync($"SELECT COUNT(*) FROM api_keys WHERE hash LIKE '%{secret}%' OR salt LIKE '%{secret}%'"));
        }

        Assert.True(await store.RevokeApiKeyAsync(screener.Info.Id, "admin", Ct));
        Assert.False(await store.RevokeApiKeyAsync(screener.Info.Id, "admin", Ct));
        Assert.Null(await store.VerifyApiKeyAsync(screener.Key, Ct));
        var listed = await store.ListApiKeysAsync(Ct);
        Assert.Equal(["alice", "bank-gateway", "ops"], listed.Select(k => k.Name));
        Assert.Equal([null, Start, null], listed.Select(k => k.RevokedAt));
        Assert.Equal(
            ["api_key.issued", "api_key.issued", "api_key.issued", "api_key.revoked"],
            (await store.ReadAuditAsync(0, 100, Ct)).Select(r => r.Action));
    }

    [Fact]
    public async Task Imported_keys_verify_and_reimport_is_idempotent_or_rotates()
    {
        var store = await OpenAsync();
        var info = await store.ImportApiKeyAsync("ci-screener", "s3cret-from-config-0001", ApiRole.Screener, "config", Ct);
        Assert.Equal(info, await store.VerifyApiKeyAsync("s3cret-from-config-0001", Ct));
        Assert.Null(await store.VerifyApiKeyAsync("s3cret-from-config-0002", Ct));

        var again = await store.ImportApiKeyAsync("ci-screener", "s3cret-from-config-0001", ApiRole.Screener, "config", Ct);
        Assert.Equal(info, again);
        Assert.Single(await store.ReadAuditAsync(0, 100, Ct));

        var rotated = await store.ImportApiKeyAsync("ci-screener", "s3cret-from-config-0002", ApiRole.Analyst, "config", Ct);
        Assert.Null(await store.VerifyApiKeyAsync("s3cret-from-config-0001", Ct));
        Assert.Equal(rotated, await store.VerifyApiKeyAsync("s3cret-from-config-0002", Ct));
        Assert.Equal(ApiRole.Analyst, rotated.Role);
        Assert.Single(await store.ListApiKeysAsync(Ct));
        Assert.Equal(0, await ScalarRawAsync("SELECT COUNT(*) FROM api_keys WHERE hash LIKE '%s3cret%' OR salt LIKE '%s3cret%'"));
    }
}
