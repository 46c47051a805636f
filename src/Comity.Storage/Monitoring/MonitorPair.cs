using Comity.Storage.Alerts;

namespace Comity.Storage.Monitoring;

/// <summary>An alert monitoring raised for one subject and one listed entity, with what both sides looked like then
/// (decision memory) and the alert's current status.</summary>
/// <param name="Listings">Every listed entity id of the hit, space-separated.</param>
/// <param name="Reason"><c>new_hit</c>, <c>reopened</c> or <c>relisted</c>.</param>
/// <param name="Live">The hit is still there (at most one live alert per subject and listed entity).</param>
public sealed record MonitorPair(
    string AlertId, string Portfolio, string SubjectId, string EntityId, string Listings, string SubjectFacts, string EntityFacts, string Reason,
    string? Detail, bool Live, AlertStatus Status, DateTimeOffset CreatedAt, DateTimeOffset? EndedAt);

/// <summary>A new monitoring alert: the alert itself (with its id, chosen by the caller) and its pair record.</summary>
public sealed record NewMonitorAlert(
    string AlertId, string SubjectId, NewAlert Alert, string Listings, string SubjectFacts, string EntityFacts, string Reason, string? Detail);

/// <summary>A live pair whose hit disappeared: it stops being live and, when the alert is still open (open, pending
/// second review or escalated), the alert closes as <see cref="AlertStatus.ClosedDelisted"/>.</summary>
public sealed record PairEnd(string AlertId, bool CloseAlert);

/// <summary>A live pair's hit changed (its listings or decision): the pair's listings and the alert's decision are
/// brought up to date.</summary>
public sealed record PairUpdate(string AlertId, string Listings, string DecisionJson);
