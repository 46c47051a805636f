namespace Comity.Storage.Audit;

/// <summary>A stored audit record; <see cref="Hash"/> covers every other field, including <see cref="PreviousHash"/>.</summary>
public sealed record AuditRecord(
    long Sequence,
    DateTimeOffset At,
    string Actor,
    string Action,
    string Subject,
    string PayloadJson,
    string PreviousHash,
    string Hash)
{
    /// <summary>HMAC-SHA256 of <see cref="Hash"/> under the audit key (lowercase hex), or null when the record was
    /// appended without one.</summary>
    public string? Mac { get; init; }
}
