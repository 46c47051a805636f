namespace Comity.Storage.Alerts;

/// <summary>Filters and page of an alert listing; null filters match everything.</summary>
public sealed record AlertFilter
{
    public const int MaxLimit = 1000;

    public AlertStatus? Status { get; init; }

    /// <summary>Dataset name of the listed entity, e.g. "us-ofac-sdn".</summary>
    public string? Source { get; init; }

    public string? RunId { get; init; }

    /// <summary>Inclusive lower bound of created_at.</summary>
    public DateTimeOffset? CreatedFrom { get; init; }

    /// <summary>Exclusive upper bound of created_at.</summary>
    public DateTimeOffset? CreatedTo { get; init; }

    public int Offset { get; init; }

    /// <summary>Page size, 1..<see cref="MaxLimit"/>.</summary>
    public int Limit { get; init; } = 100;
}
