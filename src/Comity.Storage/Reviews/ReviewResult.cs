using Comity.Storage.Alerts;

namespace Comity.Storage.Reviews;

/// <summary>Either the stored review and the alert after it, or the refusal (and the alert as it stands).</summary>
public sealed record ReviewResult(Review? Review, Alert? Alert, ReviewRefusal? Refusal)
{
    public bool Accepted => Refusal is null;
}
