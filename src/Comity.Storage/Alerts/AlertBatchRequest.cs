namespace Comity.Storage.Alerts;

/// <summary>The alerts of one screening request.</summary>
/// <param name="RunId">Run that produced them (must exist).</param>
/// <param name="Actor">Who asked (for the audit record).</param>
/// <param name="Alerts">Alerts in request order (may be empty: the key is still recorded).</param>
public sealed record AlertBatchRequest(string RunId, string Actor, IReadOnlyList<NewAlert> Alerts)
{
    /// <summary>Client-chosen key; a retried request with the same key (in the same <see cref="IdempotencyScope"/>,
    /// with the same <see cref="RequestHash"/>, before it expires) creates nothing new.</summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>Whose key it is (the API key's name, or the caller's identity without keys); keys of different
    /// scopes never meet. Null is the empty scope.</summary>
    public string? IdempotencyScope { get; init; }

    /// <summary>SHA-256 (hex) of the canonical request the key was sent with; the same key with another hash is a
    /// <see cref="AlertBatch.Conflict"/>. Null only matches null.</summary>
    public string? RequestHash { get; init; }

    /// <summary>Every subject the run screened with its hits (proof of screening, for replay); stored in the same
    /// transaction, and not again when the request is a replay.</summary>
    public IReadOnlyList<Runs.RunSubject> Subjects { get; init; } = [];
}
