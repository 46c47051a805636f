using Comity.Storage.Alerts;

namespace Comity.Storage.Tests.Contract;

/// <summary>Issue 10, finding 3: an idempotency key is scoped per caller, bound to its request's hash, and expires.</summary>
public abstract partial class StoreContractTests
{
    [Fact]
    public async Task The_same_key_with_a_different_request_hash_is_a_conflict_and_creates_nothing()
    {
        var store = await OpenAsync();
        var run = await StartRunAsync(store);
        var first = await store.CreateAlertsAsync(
            new AlertBatchRequest(run.Id, "screener-1", [])
            {
                IdempotencyKey = "retry-7",
                IdempotencyScope = "key:screener-1",
                RequestHash = StorageHash.Sha256Hex("""{"name":"Jane Doe"}"""),
            },
            Ct);
        Assert.False(first.Replayed);
        Assert.False(first.Conflict);

        // The attack: the same key, a different body whose subject really matches. Nothing may be replayed.
        var cuba = SampleAlert("0:", "BANCO NACIONAL DE CUBA", "us-ofac-sdn:306", 1.0);
        var second = await store.CreateAlertsAsync(
            new AlertBatchRequest(run.Id, "screener-1", [cuba])
            {
                IdempotencyKey = "retry-7",
                IdempotencyScope = "key:screener-1",
                RequestHash = StorageHash.Sha256Hex("""{"name":"BANCO NACIONAL DE CUBA"}"""),
            },
            Ct);
        Assert.True(second.Conflict);
        Assert.False(second.Replayed);
        Assert.Empty(second.Alerts);
        Assert.Equal(0, await ScalarRawAsync("SELECT COUNT(*) FROM alerts"));

        var claim = await store.FindIdempotencyKeyAsync("key:screener-1", "retry-7", Ct);
        Assert.NotNull(claim);
        Assert.Equal(run.Id, claim.RunId);
        Assert.Equal(StorageHash.Sha256Hex("""{"name":"Jane Doe"}"""), claim.RequestHash);
        Assert.Equal(Start + StoreOptions.DefaultIdempotencyLifetime, claim.ExpiresAt);

        // A fresh key for the new request: its alert is created.
        var fresh = await store.CreateAlertsAsync(
            new AlertBatchRequest(run.Id, "screener-1", [cuba]) { IdempotencyKey = "retry-8", IdempotencyScope = "key:screener-1", RequestHash = "h2" },
            Ct);
        Assert.False(fresh.Replayed);
        Assert.Single(fresh.Alerts);
        Assert.Equal("retry-8", (await store.GetAlertAsync(fresh.Alerts[0].Id, Ct))!.IdempotencyKey);
    }

    [Fact]
    public async Task Keys_of_different_scopes_never_meet()
    {
        var store = await OpenAsync();
        var runA = await StartRunAsync(store);
        var runB = await StartRunAsync(store);
        var alertA = SampleAlert("0:", "Viktor Bout", "us-ofac-sdn:36", 0.97);
        var alertB = SampleAlert("0:", "Viktor Bout", "us-ofac-sdn:36", 0.97);
        var a = await store.CreateAlertsAsync(
            new AlertBatchRequest(runA.Id, "screener-a", [alertA]) { IdempotencyKey = "shared", IdempotencyScope = "key:screener-a", RequestHash = "same" }, Ct);

        // A second screener sends the same key and even the same body: its own alert, not the first one's ids.
        var b = await store.CreateAlertsAsync(
            new AlertBatchRequest(runB.Id, "screener-b", [alertB]) { IdempotencyKey = "shared", IdempotencyScope = "key:screener-b", RequestHash = "same" }, Ct);
        Assert.False(b.Replayed);
        Assert.Single(b.Alerts);
        Assert.NotEqual(a.Alerts[0].Id, b.Alerts[0].Id);
        Assert.Equal(runB.Id, b.Alerts[0].RunId);
        Assert.Equal(2, await ScalarRawAsync("SELECT COUNT(*) FROM alerts"));

        // Each scope's retry replays its own alerts.
        var retryA = await store.CreateAlertsAsync(
            new AlertBatchRequest(runB.Id, "screener-a", [alertA]) { IdempotencyKey = "shared", IdempotencyScope = "key:screener-a", RequestHash = "same" }, Ct);
        var retryB = await store.CreateAlertsAsync(
            new AlertBatchRequest(runA.Id, "screener-b", [alertB]) { IdempotencyKey = "shared", IdempotencyScope = "key:screener-b", RequestHash = "same" }, Ct);
        Assert.True(retryA.Replayed);
        Assert.True(retryB.Replayed);
        Assert.Equal(a.Alerts, retryA.Alerts);
        Assert.Equal(b.Alerts, retryB.Alerts);
        Assert.Equal(runA.Id, retryA.ReplayedRunId);
        Assert.Equal(runB.Id, retryB.ReplayedRunId);
        Assert.Null(await store.FindIdempotencyKeyAsync("key:screener-c", "shared", Ct));
    }

    [Fact]
    public async Task A_key_expires_after_the_lifetime_and_then_creates_afresh()
    {
        var store = await OpenAsync();
        var run = await StartRunAsync(store);
        var alert = SampleAlert("0:", "Viktor Bout", "us-ofac-sdn:36", 0.97);
        var request = new AlertBatchRequest(run.Id, "s", [alert]) { IdempotencyKey = "daily", IdempotencyScope = "key:s", RequestHash = "h" };
        var first = await store.CreateAlertsAsync(request, Ct);

        Clock.Advance(StoreOptions.DefaultIdempotencyLifetime - TimeSpan.FromSeconds(1));
        var within = await store.CreateAlertsAsync(request, Ct);
        Assert.True(within.Replayed);
        Assert.Equal(first.Alerts, within.Alerts);

        Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(await store.FindIdempotencyKeyAsync("key:s", "daily", Ct));
        var after = await store.CreateAlertsAsync(request with { RequestHash = "another" }, Ct);
        Assert.False(after.Replayed);
        Assert.False(after.Conflict);
        Assert.Single(after.Alerts);
        Assert.NotEqual(first.Alerts[0].Id, after.Alerts[0].Id);

        // The expired use keeps its alert; both carry the client's key.
        Assert.Equal(2, await ScalarRawAsync("SELECT COUNT(*) FROM alerts"));
        Assert.Equal("daily", (await store.GetAlertAsync(first.Alerts[0].Id, Ct))!.IdempotencyKey);
        Assert.Equal("daily", (await store.GetAlertAsync(after.Alerts[0].Id, Ct))!.IdempotencyKey);
    }
}
