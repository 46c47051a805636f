namespace Comity.Storage.Monitoring;

/// <summary>Durable state of continuous monitoring: portfolios and their subjects, the hits and alerts monitoring
/// keeps, the event feed, webhooks and deliveries, the re-screen work queue. Safe to share between threads and between
/// processes on one database; every state change appends its audit record in the same transaction.</summary>
public interface IMonitorStore
{
    /// <summary>Creates the portfolio, or returns the existing one when its profile, threshold and shard size are the
    /// same; a different setting is a <see cref="StoreException"/> naming it.</summary>
    Task<Portfolio> EnsurePortfolioAsync(NewPortfolio portfolio, string actor, CancellationToken cancellationToken = default);

    Task<Portfolio?> GetPortfolioAsync(string name, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Portfolio>> ListPortfoliosAsync(CancellationToken cancellationToken = default);

    Task<IReadOnlyList<PortfolioShard>> GetShardsAsync(string portfolio, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<StoredSubject>> GetSubjectsAsync(string portfolio, IReadOnlyCollection<string> subjectIds, CancellationToken cancellationToken = default);

    /// <summary>Subjects with seq in [<paramref name="fromSeq"/>, <paramref name="toSeq"/>), by seq.</summary>
    Task<IReadOnlyList<StoredSubject>> ListSubjectsAsync(string portfolio, long fromSeq, long toSeq, SubjectSelection selection, CancellationToken cancellationToken = default);

    /// <summary>Ids of the subjects with seq in the range that keep a hit scoring within <paramref name="within"/> of the
    /// threshold.</summary>
    Task<IReadOnlyList<string>> ListNearAsync(string portfolio, long fromSeq, long toSeq, double within, CancellationToken cancellationToken = default);

    /// <summary>Ids of the subjects with seq in the range that keep any hit (whatever its score), by seq; read from an
    /// index of those subjects by seq, whatever the size of the portfolio.</summary>
    Task<IReadOnlyList<string>> ListKeptAsync(string portfolio, long fromSeq, long toSeq, CancellationToken cancellationToken = default);

    /// <summary>Ids of the subjects with seq in the range that have a live monitoring alert closed as a false positive
    /// (decision memory holds their hit), by id.</summary>
    Task<IReadOnlyList<string>> ListClearedAsync(string portfolio, long fromSeq, long toSeq, CancellationToken cancellationToken = default);

    /// <summary>One page of subjects by seq and the total.</summary>
    Task<(IReadOnlyList<StoredSubject> Items, long Total)> PageSubjectsAsync(string portfolio, int offset, int limit, CancellationToken cancellationToken = default);

    /// <summary>Ids of the subjects with seq in the range whose current hits involve any of <paramref name="entityIds"/>.</summary>
    Task<IReadOnlyList<string>> SubjectsInvolvingAsync(string portfolio, IReadOnlyCollection<string> entityIds, long fromSeq, long toSeq, CancellationToken cancellationToken = default);

    /// <summary>Every monitoring alert of these subjects (live or not), oldest first, with the alerts' statuses.</summary>
    Task<IReadOnlyList<MonitorPair>> GetPairsAsync(string portfolio, IReadOnlyCollection<string> subjectIds, CancellationToken cancellationToken = default);

    /// <summary>Applies one monitoring step in one transaction (see <see cref="MonitorWrite"/>).</summary>
    Task<MonitorWriteResult> WriteAsync(MonitorWrite write, CancellationToken cancellationToken = default);

    /// <summary>Removes subjects (their states and hit index; their alerts stay, no longer live) and appends
    /// <paramref name="removed"/> to the feed; returns how many were removed.</summary>
    Task<int> RemoveSubjectsAsync(string portfolio, IReadOnlyCollection<string> subjectIds, string actor, NewMonitorEvent removed, CancellationToken cancellationToken = default);

    /// <summary>Events with seq greater than <paramref name="after"/>, ascending; of one portfolio when given.</summary>
    Task<IReadOnlyList<MonitorEvent>> ReadEventsAsync(long after, int limit, string? portfolio = null, CancellationToken cancellationToken = default);

    /// <summary>Events with seq less than <paramref name="before"/>, newest first (a page of the feed read backwards);
    /// of one portfolio when given.</summary>
    Task<IReadOnlyList<MonitorEvent>> ReadEventsBeforeAsync(long before, int limit, string? portfolio = null, CancellationToken cancellationToken = default);

    Task<Webhook> AddWebhookAsync(string portfolio, string url, string secret, int maxAttempts, string actor, CancellationToken cancellationToken = default);

    /// <summary>The portfolio's webhooks (removed ones too), each with its delivery counts by status.</summary>
    Task<IReadOnlyList<Webhook>> ListWebhooksAsync(string portfolio, CancellationToken cancellationToken = default);

    /// <summary>Stops a webhook (its pending deliveries are not attempted again); false when there is none.</summary>
    Task<bool> RemoveWebhookAsync(string portfolio, string webhookId, string actor, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<WebhookDelivery>> ListDeliveriesAsync(string webhookId, DeliveryStatus? status, int limit, CancellationToken cancellationToken = default);

    /// <summary>Takes up to <paramref name="limit"/> pending deliveries that are due, leasing them to
    /// <paramref name="owner"/> (another taker skips them until the lease ends).</summary>
    Task<IReadOnlyList<DueDelivery>> TakeDueDeliveriesAsync(string owner, TimeSpan lease, int limit, CancellationToken cancellationToken = default);

    /// <summary>Records one attempt of a leased delivery: delivered, retried at <see cref="DeliveryAttempt.RetryAt"/>,
    /// or dead after the webhook's last attempt. False when <paramref name="owner"/> no longer holds the lease.</summary>
    Task<bool> RecordDeliveryAttemptAsync(long deliveryId, string owner, DeliveryAttempt attempt, CancellationToken cancellationToken = default);

    Task<CorpusChange?> GetCorpusChangeAsync(string fromVersion, string toVersion, CancellationToken cancellationToken = default);

    /// <summary>Records what changed between two versions, once; returns the stored record (the first one when two
    /// nodes record the same change).</summary>
    Task<CorpusChange> RecordCorpusChangeAsync(string fromVersion, string toVersion, string deltaJson, CancellationToken cancellationToken = default);

    /// <summary>Enqueues jobs; a job whose portfolio, shard, version and plan already exist is not added again.
    /// Returns how many were added.</summary>
    Task<int> EnqueueJobsAsync(IReadOnlyList<NewMonitorJob> jobs, string actor, CancellationToken cancellationToken = default);

    /// <summary>Takes the oldest job for one of <paramref name="versions"/> that is queued, or running with an expired
    /// lease (a worker that died), and leases it to <paramref name="owner"/>; null when there is none. Concurrent takers
    /// never take the same job (PostgreSQL: <c>FOR UPDATE SKIP LOCKED</c>).</summary>
    Task<MonitorJob?> TakeJobAsync(string owner, TimeSpan lease, IReadOnlyCollection<string> versions, CancellationToken cancellationToken = default);

    /// <summary>Extends the lease; false when <paramref name="owner"/> lost it.</summary>
    Task<bool> RenewJobLeaseAsync(string jobId, string owner, TimeSpan lease, CancellationToken cancellationToken = default);

    /// <summary>Gives a job back (queued again, or failed after its last attempt) with the error.</summary>
    Task FailJobAsync(string jobId, string owner, string error, int maxAttempts, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<MonitorJob>> ListJobsAsync(JobStatus? status, string? portfolio, int limit, CancellationToken cancellationToken = default);

    /// <summary>A lock held across processes until disposed (PostgreSQL: a session advisory lock), or null when
    /// another holder has it. SQLite (one node) always grants it.</summary>
    Task<IAsyncDisposable?> TryLockAsync(string name, CancellationToken cancellationToken = default);

    Task<ListUpdateRecord?> LastListUpdateAsync(CancellationToken cancellationToken = default);

    Task<ListUpdateRecord> RecordListUpdateAsync(string node, DateTimeOffset startedAt, string outcome, string reportJson, CancellationToken cancellationToken = default);
}
