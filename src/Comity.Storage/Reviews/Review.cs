using Comity.Storage.Alerts;

namespace Comity.Storage.Reviews;

/// <summary>A stored review with the status change it caused.</summary>
public sealed record Review(
    long Id,
    string AlertId,
    string Reviewer,
    ReviewOutcome Outcome,
    string Reason,
    AlertStatus StatusBefore,
    AlertStatus StatusAfter,
    DateTimeOffset At);
