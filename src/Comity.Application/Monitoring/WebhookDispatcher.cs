using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Comity.Storage.Monitoring;

namespace Comity.Application.Monitoring;

/// <summary>Delivers due webhook deliveries: POSTs each event's JSON to its webhook's URL with the signature, the
/// timestamp and the event id (see <see cref="WebhookSignature"/>). A 2xx answer delivers it; anything else (another
/// status, a time-out, a refused connection) is retried with exponential backoff (<see cref="MonitorOptions.WebhookBackoff"/>
/// doubled per attempt, at most <see cref="MonitorOptions.WebhookBackoffCap"/>), until the webhook's last attempt makes
/// it a dead letter, visible in the API. Deliveries are leased, so several nodes can dispatch at once; a node that
/// dies mid-attempt leaves the delivery to be attempted again (at least once).</summary>
internal sealed class WebhookDispatcher(IMonitorStore store, HttpClient http, TimeProvider clock, MonitorOptions options, string owner)
{
    /// <summary>Raised with one line per failed attempt (for logs).</summary>
    public event Action<string>? Log;

    /// <summary>Attempts every due delivery (up to <paramref name="limit"/>); returns how many were attempted.</summary>
    public async Task<int> DeliverDueAsync(int limit = 50, CancellationToken cancellationToken = default)
    {
        var due = await store.TakeDueDeliveriesAsync(owner, options.WebhookLease, limit, cancellationToken).ConfigureAwait(false);
        foreach (var d in due)
        {
            var attempt = await AttemptAsync(d, cancellationToken).ConfigureAwait(false);
            await store.RecordDeliveryAttemptAsync(d.Delivery.Id, owner, attempt, cancellationToken).ConfigureAwait(false);
        }

        return due.Count;
    }

    /// <summary>The delay before the attempt after attempt number <paramref name="attempt"/> (1-based).</summary>
    public static TimeSpan Backoff(MonitorOptions options, int attempt)
    {
        ArgumentNullException.ThrowIfNull(options);
        var factor = Math.Pow(2, Math.Max(0, attempt - 1));
        var delay = TimeSpan.FromTicks((long)Math.Min(options.WebhookBackoff.Ticks * factor, options.WebhookBackoffCap.Ticks));
        return delay;
    }

    private async Task<DeliveryAttempt> AttemptAsync(DueDelivery d, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes(d.Event.PayloadJson.Length > 0 ? Envelope(d.Event) : "{}");
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        var retryAt = clock.GetUtcNow() + Backoff(options, d.Delivery.Attempts + 1);
        using var request = new HttpRequestMessage(HttpMethod.Post, d.Webhook.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.TryAddWithoutValidation(WebhookSignature.EventIdHeader, d.Event.Id);
        request.Headers.TryAddWithoutValidation(WebhookSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.TryAddWithoutValidation(WebhookSignature.SignatureHeader, WebhookSignature.Sign(d.Webhook.Secret, timestamp, body));
        request.Headers.TryAddWithoutValidation("Comity-Delivery-Attempt", (d.Delivery.Attempts + 1).ToString(CultureInfo.InvariantCulture));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.WebhookTimeout);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                return new DeliveryAttempt(true, status, null, retryAt);
            }

            Log?.Invoke($"webhook {d.Webhook.Id}: event {d.Event.Id}: HTTP {status} (attempt {d.Delivery.Attempts + 1} of {d.Webhook.MaxAttempts})");
            return new DeliveryAttempt(false, status, $"HTTP {status} {response.ReasonPhrase}", retryAt);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Failed(d, $"timed out after {options.WebhookTimeout.TotalSeconds:0.#} s", retryAt);
        }
        catch (HttpRequestException e)
        {
            return Failed(d, e.Message, retryAt);
        }
    }

    private DeliveryAttempt Failed(DueDelivery d, string error, DateTimeOffset retryAt)
    {
        Log?.Invoke($"webhook {d.Webhook.Id}: event {d.Event.Id}: {error} (attempt {d.Delivery.Attempts + 1} of {d.Webhook.MaxAttempts})");
        return new DeliveryAttempt(false, null, error, retryAt);
    }

    /// <summary>The body sent: the event's payload with its seq, type and time.</summary>
    public static string Envelope(MonitorEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var o = System.Text.Json.Nodes.JsonNode.Parse(e.PayloadJson)!.AsObject();
        o["seq"] = e.Seq;
        o["type"] = e.Type;
        o["created_at"] = e.CreatedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture);
        return o.ToJsonString();
    }
}
