namespace Comity.Storage.Alerts;

/// <summary>One page of alerts and the total number that match the filter.</summary>
public sealed record AlertPage(IReadOnlyList<Alert> Items, long Total, int Offset, int Limit);
