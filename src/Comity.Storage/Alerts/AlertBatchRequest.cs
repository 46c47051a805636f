namespace Comity.Storage.Alerts;

/// <summary>The alerts of one screening request.</summary>
/// <param name="RunId">Run that produced them (must exist).</param>
/// <param name="Actor">Who asked (for the audit record).</param>
/// <param name="Alerts">Alerts in request order (may be empty: the key is still recorded).</param>
public sealed record AlertBatchRequest(string RunId, string Actor, IReadOnlyList<NewAlert> Alerts)
{
    /// <summary>Client-chosen key; a retried request with the same key creates nothing new.</summary>
    public string? IdempotencyKey { get; init; }
}
