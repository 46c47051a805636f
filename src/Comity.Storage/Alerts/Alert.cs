namespace Comity.Storage.Alerts;

/// <summary>A stored alert and its current status.</summary>
public sealed record Alert(
    string Id,
    string RunId,
    string? IdempotencyKey,
    int Ordinal,
    string QueryId,
    string QueryHash,
    string QueryJson,
    string EntityId,
    string Source,
    string SourceId,
    double Score,
    string DecisionJson,
    string CorpusVersion,
    string ProvenanceJson,
    AlertStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
