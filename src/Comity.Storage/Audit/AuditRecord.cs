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
    string Hash);
