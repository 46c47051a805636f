namespace Comity.Storage.Monitoring;

/// <summary>Kinds of re-screen job.</summary>
public enum JobKind
{
    /// <summary>Re-screen only what the corpus change can have touched (subjects screened against another version are
    /// re-screened in full).</summary>
    Delta,

    /// <summary>Re-screen every subject of the shard.</summary>
    Full,
}

public enum JobStatus
{
    Queued,
    Running,
    Done,
    Failed,
}

/// <summary>One shard of one portfolio to re-screen against <paramref name="ToVersion"/>.</summary>
public sealed record MonitorJob(
    string Id, string Portfolio, int Shard, JobKind Kind, string Plan, string ToVersion, JobStatus Status, int Attempts, string? LeaseOwner,
    DateTimeOffset? LeaseUntil, DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, string? Error, string? ResultJson);

/// <summary>A job to enqueue (ignored when the same portfolio, shard, version and plan is already queued or done).</summary>
public sealed record NewMonitorJob(string Id, string Portfolio, int Shard, JobKind Kind, string Plan, string ToVersion);

/// <summary>What changed between two corpus versions: entity ids added, removed, changed and relinked, as JSON.</summary>
public sealed record CorpusChange(string Id, string FromVersion, string ToVersion, string DeltaJson, DateTimeOffset CreatedAt);

/// <summary>Ends a job in the same transaction as its results: applied only while <paramref name="Owner"/> still holds
/// the job's lease (else the whole write is rolled back and <see cref="StoreException"/> says the lease was lost).</summary>
public sealed record JobCompletion(string JobId, string Owner, string ResultJson);

/// <summary>One scheduled list update as recorded (which node ran it, when, with what outcome).</summary>
public sealed record ListUpdateRecord(long Id, string Node, DateTimeOffset StartedAt, DateTimeOffset FinishedAt, string Outcome, string ReportJson);
