namespace Comity.Storage.Alerts;

/// <summary>Result of <see cref="IComityStore.CreateAlertsAsync"/>.</summary>
/// <param name="Alerts">The alerts of the request, in request order.</param>
/// <param name="Replayed">True when the idempotency key had been used and nothing was created.</param>
public sealed record AlertBatch(IReadOnlyList<Alert> Alerts, bool Replayed)
{
    /// <summary>True when the idempotency key is live in its scope for a <em>different</em> request: nothing was
    /// created and nothing is replayed (<see cref="Alerts"/> is empty).</summary>
    public bool Conflict { get; init; }

    /// <summary>For a replay, the run that first used the key.</summary>
    public string? ReplayedRunId { get; init; }
}
