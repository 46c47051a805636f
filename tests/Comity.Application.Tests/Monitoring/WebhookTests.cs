using System.Text.Json;
using Comity.Application.Monitoring;
using Comity.Core.Model;
using Comity.Storage.Monitoring;
using Microsoft.Extensions.Time.Testing;

namespace Comity.Application.Tests.Monitoring;

/// <summary>Webhooks against a real HTTP receiver on 127.0.0.1: every event POSTed with an HMAC-SHA256 signature over
/// the timestamp and the body, the timestamp and the event id; a failed attempt retried after an exponentially growing
/// delay (on the fake clock: nothing is attempted early); delivered at least once (the same event id on every
/// attempt); a delivery that keeps failing becomes a dead letter, listed by the store and recorded in the audit log.</summary>
public sealed class WebhookTests
{
    private const string Secret = "0123456789abcdef-test-secret";

    [Fact]
    public async Task Deliveries_are_signed_retried_with_exponential_backoff_and_end_delivered_or_dead()
    {
        var ct = TestContext.Current.CancellationToken;
        using var flaky = new WebhookReceiver(500, 500, 503, 503, 200);
        using var down = new WebhookReceiver(500);
        var clock = new FakeTimeProvider(MonitorWorld.Day1);
        var options = new MonitorOptions { WebhookBackoff = TimeSpan.FromSeconds(10), WebhookBackoffCap = TimeSpan.FromMinutes(5) };
        var un = MonitorWorld.Sdn2024.Entities.Where(e => e.Source == "un-sc").ToList();
        var corpus = MonitorWorld.FromEntities(un, "un");
        await using var store = await MonitorWorld.OpenAsync(MonitorWorld.TempDb(), clock);
        var service = MonitorWorld.Service(store, () => corpus, clock, options);
        await service.EnsurePortfolioAsync("hooks", PortfolioProfile.None, null, null, "test", ct);
        var good = await store.Monitoring.AddWebhookAsync("hooks", flaky.Url, Secret, 5, "test", ct);
        var dead = await store.Monitoring.AddWebhookAsync("hooks", down.Url, Secret, 3, "test", ct);
        var target = un.First(e => e.Schema == Schema.Person);
        await service.AddAsync("hooks", [new SubjectInput("c1", new Query { Schema = Schema.Person, Names = [target.Caption] }, null)], "test", cancellationToken: ct);
        var events = await store.Monitoring.ReadEventsAsync(0, 100, "hooks", ct);
        Assert.Equal(["alert.created", "subjects.added"], events.Select(e => e.Type).Order(StringComparer.Ordinal));

        using var http = new HttpClient();
        var dispatcher = new WebhookDispatcher(store.Monitoring, http, clock, options, "node-a");

        // Attempt 1 of both deliveries to each hook (2 events x 2 hooks): every one fails.
        Assert.Equal(4, await dispatcher.DeliverDueAsync(50, ct));
        Assert.Equal(0, await dispatcher.DeliverDueAsync(50, ct));
        clock.Advance(TimeSpan.FromSeconds(9));
        Assert.Equal(0, await dispatcher.DeliverDueAsync(50, ct));

        // Attempt 2 after 10 s; attempt 3 only after 20 s more (the delay doubles).
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(4, await dispatcher.DeliverDueAsync(50, ct));
        clock.Advance(TimeSpan.FromSeconds(19));
        Assert.Equal(0, await dispatcher.DeliverDueAsync(50, ct));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(4, await dispatcher.DeliverDueAsync(50, ct));
        clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(0, await dispatcher.DeliverDueAsync(50, ct));

        // The flaky receiver failed each delivery twice (500, then 503) and accepted the third attempt: delivered.
        var delivered = await store.Monitoring.ListDeliveriesAsync(good.Id, DeliveryStatus.Delivered, 10, ct);
        Assert.Equal(2, delivered.Count);
        Assert.All(delivered, d => Assert.NotNull(d.DeliveredAt));
        Assert.All(delivered, d => Assert.Equal((3, 200), (d.Attempts, d.LastStatus!.Value)));

        // Every request: signed over "timestamp.body" with the secret, the event id header equals the body's id,
        // and retries repeat the same event id (at least once: receivers de-duplicate by it).
        var requests = flaky.Received.ToList();
        Assert.True(requests.Count >= 4);
        foreach (var (headers, body, _) in requests)
        {
            var timestamp = long.Parse(headers[WebhookSignature.TimestampHeader], System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(WebhookSignature.Verify(Secret, timestamp, body, headers[WebhookSignature.SignatureHeader]));
            Assert.False(WebhookSignature.Verify(Secret + "x", timestamp, body, headers[WebhookSignature.SignatureHeader]));
            Assert.False(WebhookSignature.Verify(Secret, timestamp + 1, body, headers[WebhookSignature.SignatureHeader]));
            using var doc = JsonDocument.Parse(body);
            Assert.Equal(headers[WebhookSignature.EventIdHeader], doc.RootElement.GetProperty("id").GetString());
            Assert.StartsWith("application/json", headers["Content-Type"], StringComparison.Ordinal);
        }

        var alertEvent = events.Single(e => e.Type == "alert.created");
        var forAlert = requests.Where(r => r.Headers[WebhookSignature.EventIdHeader] == alertEvent.Id).ToList();
        Assert.True(forAlert.Count >= 1);
        Assert.Contains(forAlert, r => r.Answered == 200);
        using (var body = JsonDocument.Parse(forAlert[0].Body))
        {
            Assert.Equal("alert.created", body.RootElement.GetProperty("type").GetString());
            Assert.Equal(target.Id, body.RootElement.GetProperty("entity_id").GetString());
            Assert.Equal(alertEvent.Seq, body.RootElement.GetProperty("seq").GetInt64());
        }

        // The receiver that always fails: after its 3 attempts both deliveries are dead letters, visible and audited.
        var letters = await store.Monitoring.ListDeliveriesAsync(dead.Id, DeliveryStatus.Dead, 10, ct);
        Assert.Equal(2, letters.Count);
        Assert.All(letters, d => Assert.Equal((3, 500), (d.Attempts, d.LastStatus!.Value)));
        Assert.Equal(6, down.Received.Count);
        var hooks = await store.Monitoring.ListWebhooksAsync("hooks", ct);
        Assert.Equal(2, hooks.Single(h => h.Id == dead.Id).Deliveries["dead"]);
        Assert.Equal(2, hooks.Single(h => h.Id == good.Id).Deliveries["delivered"]);
        var audit = await store.ReadAuditAsync(0, 1000, ct);
        Assert.Equal(2, audit.Count(a => a.Action == "webhook.dead_letter" && a.Subject == dead.Id));
        Assert.True((await store.VerifyAuditAsync(ct)).IsValid);

        // A removed webhook gets no further deliveries.
        Assert.True(await store.Monitoring.RemoveWebhookAsync("hooks", good.Id, "test", ct));
        await service.AddAsync("hooks", [new SubjectInput("c2", new Query { Names = ["Nobody Particular Zyx"] }, null)], "test", cancellationToken: ct);
        clock.Advance(TimeSpan.FromSeconds(1));
        var before = flaky.Received.Count;
        await dispatcher.DeliverDueAsync(50, ct);
        Assert.Equal(before, flaky.Received.Count);
    }

    [Fact]
    public void The_backoff_doubles_from_the_first_delay_up_to_the_cap()
    {
        var o = new MonitorOptions { WebhookBackoff = TimeSpan.FromSeconds(5), WebhookBackoffCap = TimeSpan.FromSeconds(60) };
        Assert.Equal([5, 10, 20, 40, 60, 60], Enumerable.Range(1, 6).Select(a => WebhookDispatcher.Backoff(o, a).TotalSeconds));
    }
}
