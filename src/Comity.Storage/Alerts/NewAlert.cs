namespace Comity.Storage.Alerts;

/// <summary>One hit to be kept for review.</summary>
/// <param name="QueryId">The caller's id of the screened subject (row number, customer id).</param>
/// <param name="QueryHash">SHA-256 of the canonical query (see <see cref="StorageHash"/>); what audit records show.</param>
/// <param name="QueryJson">The query itself, for the analyst; it is kept in the alert row only, never in the audit log.</param>
/// <param name="EntityId">Listed entity id, "{source}:{source_id}".</param>
/// <param name="Score">Match score in [0, 1].</param>
/// <param name="DecisionJson">Decision summary (outcome, legal basis) as JSON.</param>
/// <param name="CorpusVersion">Corpus version that produced the hit.</param>
/// <param name="ProvenanceJson">List provenance (datasets, files, sha256) as JSON.</param>
public sealed record NewAlert(
    string QueryId,
    string QueryHash,
    string QueryJson,
    string EntityId,
    string Source,
    string SourceId,
    double Score,
    string DecisionJson,
    string CorpusVersion,
    string ProvenanceJson);
