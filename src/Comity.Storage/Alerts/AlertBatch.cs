namespace Comity.Storage.Alerts;

/// <summary>Result of <see cref="IComityStore.CreateAlertsAsync"/>.</summary>
/// <param name="Alerts">The alerts of the request, in request order.</param>
/// <param name="Replayed">True when the idempotency key had been used and nothing was created.</param>
public sealed record AlertBatch(IReadOnlyList<Alert> Alerts, bool Replayed);
