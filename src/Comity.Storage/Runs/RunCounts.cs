namespace Comity.Storage.Runs;

/// <summary>Row counts of a finished run.</summary>
public sealed record RunCounts(long Queries, long Hits, long Alerts, long Errors)
{
    public static RunCounts Zero { get; } = new(0, 0, 0, 0);
}
