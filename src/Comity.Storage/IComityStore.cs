using Comity.Storage.Alerts;
using Comity.Storage.Audit;
using Comity.Storage.Keys;
using Comity.Storage.Monitoring;
using Comity.Storage.Reviews;
using Comity.Storage.Runs;

namespace Comity.Storage;

/// <summary>
/// Durable state of a Comity deployment: screening runs, alerts, four-eyes reviews, the hash-chained audit log
/// and API keys. Every implementation is safe to share between threads and between processes that open the
/// same database; every state change appends its audit record in the same transaction.
/// </summary>
public interface IComityStore : IAsyncDisposable
{
    /// <summary>"sqlite" or "postgres".</summary>
    string Provider { get; }

    /// <summary>Highest migration version applied to the database.</summary>
    Task<int> GetSchemaVersionAsync(CancellationToken cancellationToken = default);

    Task<ScreeningRun> StartRunAsync(NewScreeningRun run, CancellationToken cancellationToken = default);

    /// <summary>Records the end of a run and its counts; throws <see cref="StoreException"/> if the run is unknown.</summary>
    Task<ScreeningRun> FinishRunAsync(string runId, RunCounts counts, string actor, CancellationToken cancellationToken = default);

    Task<ScreeningRun?> GetRunAsync(string runId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates the alerts of one request. When <see cref="AlertBatchRequest.IdempotencyKey"/> is live in its
    /// <see cref="AlertBatchRequest.IdempotencyScope"/> (used less than <see cref="StoreOptions.IdempotencyLifetime"/>
    /// ago) with the same <see cref="AlertBatchRequest.RequestHash"/>, returns the alerts created then (possibly
    /// none) and creates nothing; with a different hash, creates nothing and answers <see cref="AlertBatch.Conflict"/>.
    /// A unique constraint enforces this across processes.
    /// </summary>
    Task<AlertBatch> CreateAlertsAsync(AlertBatchRequest request, CancellationToken cancellationToken = default);

    /// <summary>The live (unexpired) use of an idempotency key in a scope, or null.</summary>
    Task<IdempotencyClaim?> FindIdempotencyKeyAsync(string? scope, string key, CancellationToken cancellationToken = default);

    Task<Alert?> GetAlertAsync(string alertId, CancellationToken cancellationToken = default);

    /// <summary>Alerts matching the filter, newest first, one page at a time.</summary>
    Task<AlertPage> ListAlertsAsync(AlertFilter filter, CancellationToken cancellationToken = default);

    /// <summary>How many alerts match the filter in each status (the filter's <see cref="AlertFilter.Status"/>, paging
    /// and order are ignored); statuses with no alert are absent.</summary>
    Task<IReadOnlyDictionary<AlertStatus, long>> CountAlertsByStatusAsync(AlertFilter filter, CancellationToken cancellationToken = default);

    /// <summary>Applies one review under the four-eyes rules of <see cref="StoreOptions.ReviewPolicy"/>.</summary>
    Task<ReviewResult> ReviewAsync(string alertId, ReviewRequest review, CancellationToken cancellationToken = default);

    /// <summary>Reviews of an alert in the order they were made.</summary>
    Task<IReadOnlyList<Review>> GetReviewsAsync(string alertId, CancellationToken cancellationToken = default);

    /// <summary>Appends one record to the audit chain (serialised across processes).</summary>
    Task<AuditRecord> AppendAuditAsync(AuditEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Audit records with sequence numbers greater than <paramref name="afterSequence"/>, ascending.</summary>
    Task<IReadOnlyList<AuditRecord>> ReadAuditAsync(long afterSequence, int limit, CancellationToken cancellationToken = default);

    /// <summary>Audit records whose subject is one of <paramref name="subjects"/> (an alert id, a run id), ascending, at
    /// most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<AuditRecord>> ReadAuditForSubjectsAsync(IReadOnlyList<string> subjects, int limit, CancellationToken cancellationToken = default);

    /// <summary>Recomputes the whole chain and names the first record that does not verify.</summary>
    Task<AuditVerification> VerifyAuditAsync(CancellationToken cancellationToken = default);

    /// <summary>Creates a random key; its plain text is returned once and only its salted hash is stored.</summary>
    Task<IssuedApiKey> IssueApiKeyAsync(string name, ApiRole role, string actor, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores (salted and hashed) a key that comes from configuration; importing the same name again replaces it,
    /// so start-up can import its configured keys every time.
    /// </summary>
    Task<ApiKeyInfo> ImportApiKeyAsync(string name, string key, ApiRole role, string actor, CancellationToken cancellationToken = default);

    /// <summary>The active key that <paramref name="presentedKey"/> proves, or null.</summary>
    Task<ApiKeyInfo?> VerifyApiKeyAsync(string presentedKey, CancellationToken cancellationToken = default);

    /// <summary>Revokes a key by id; false when there is no active key with that id.</summary>
    Task<bool> RevokeApiKeyAsync(string keyId, string actor, CancellationToken cancellationToken = default);

    /// <summary>Every key (revoked ones too), by creation time then name; never the secrets.</summary>
    Task<IReadOnlyList<ApiKeyInfo>> ListApiKeysAsync(CancellationToken cancellationToken = default);

    /// <summary>Records the recipe of a corpus version the first time it is seen (later calls change nothing).</summary>
    Task RecordCorpusVersionAsync(string version, string corpusJson, CancellationToken cancellationToken = default);

    Task<CorpusVersionRecord?> GetCorpusVersionAsync(string version, CancellationToken cancellationToken = default);

    /// <summary>The subjects a run screened, by ordinal, with the hits it found.</summary>
    Task<IReadOnlyList<RunSubject>> ReadRunSubjectsAsync(string runId, long afterOrdinal, int limit, CancellationToken cancellationToken = default);

    /// <summary>Continuous monitoring's state (portfolios, subjects, alerts, events, webhooks, jobs).</summary>
    IMonitorStore Monitoring { get; }
}
