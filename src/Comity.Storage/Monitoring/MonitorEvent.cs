namespace Comity.Storage.Monitoring;

/// <summary>An event to append to the feed (and to deliver to the portfolio's webhooks).</summary>
/// <param name="Id">Unique id (for de-duplication by receivers).</param>
/// <param name="Type"><c>alert.created</c>, <c>alert.reopened</c>, <c>alert.closed</c>, <c>decision.changed</c>,
/// <c>subjects.added</c>, <c>subjects.removed</c>, <c>rescreen.completed</c>.</param>
public sealed record NewMonitorEvent(string Id, string? Portfolio, string Type, string? SubjectId, string? AlertId, string PayloadJson);

/// <summary>A stored event; <paramref name="Seq"/> orders the feed (commit order).</summary>
public sealed record MonitorEvent(long Seq, string Id, string? Portfolio, string Type, string? SubjectId, string? AlertId, string PayloadJson, DateTimeOffset CreatedAt);
