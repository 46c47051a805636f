namespace Comity.Application.Corpus;

/// <summary>What one load attempt did (shown by <c>GET /v1/lists</c>, recorded in the audit log).</summary>
internal sealed record ReloadAttempt(DateTimeOffset StartedAt, DateTimeOffset FinishedAt, string Trigger, bool Succeeded, string? Error, string? Version)
{
    /// <summary>True when the load failed for a reason that is not the data's or the file system's fault (a bug).</summary>
    public bool InternalError { get; init; }

    /// <summary>How long the attempt took.</summary>
    public TimeSpan Elapsed => FinishedAt - StartedAt;
}
