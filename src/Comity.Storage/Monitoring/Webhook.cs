namespace Comity.Storage.Monitoring;

/// <summary>A webhook of a portfolio: every event of the portfolio is POSTed to <paramref name="Url"/>, signed with
/// <paramref name="Secret"/> (HMAC-SHA256), retried until delivered or <paramref name="MaxAttempts"/> tries.</summary>
public sealed record Webhook(string Id, string Portfolio, string Url, string Secret, int MaxAttempts, DateTimeOffset CreatedAt, DateTimeOffset? RemovedAt)
{
    /// <summary>Deliveries by status (pending, delivered, dead), when listed.</summary>
    public IReadOnlyDictionary<string, long> Deliveries { get; init; } = new Dictionary<string, long>(StringComparer.Ordinal);
}

/// <summary>Life cycle of one delivery of one event to one webhook.</summary>
public enum DeliveryStatus
{
    Pending,
    Delivered,

    /// <summary>Dead letter: every attempt failed.</summary>
    Dead,
}

/// <summary>One event to deliver to one webhook, with its attempts so far.</summary>
public sealed record WebhookDelivery(
    long Id, string WebhookId, long EventSeq, DeliveryStatus Status, int Attempts, DateTimeOffset NextAttemptAt, int? LastStatus, string? LastError,
    DateTimeOffset? DeliveredAt, DateTimeOffset CreatedAt);

/// <summary>A delivery taken for an attempt: the delivery, its webhook and its event.</summary>
public sealed record DueDelivery(WebhookDelivery Delivery, Webhook Webhook, MonitorEvent Event);

/// <summary>The outcome of one attempt: delivered, or failed with the HTTP status (if any) and error; a failed attempt
/// is retried at <paramref name="RetryAt"/> unless it was the last.</summary>
public sealed record DeliveryAttempt(bool Delivered, int? HttpStatus, string? Error, DateTimeOffset RetryAt);
