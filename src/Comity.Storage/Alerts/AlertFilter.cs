namespace Comity.Storage.Alerts;

/// <summary>Filters and page of an alert listing; null filters match everything.</summary>
public sealed record AlertFilter
{
    public const int MaxLimit = 1000;

    /// <summary>The <see cref="Action"/> value that matches alerts without a decision.</summary>
    public const string NoAction = "none";

    public AlertStatus? Status { get; init; }

    /// <summary>Dataset name of the listed entity, e.g. "us-ofac-sdn".</summary>
    public string? Source { get; init; }

    public string? RunId { get; init; }

    /// <summary>Inclusive lower bound of created_at.</summary>
    public DateTimeOffset? CreatedFrom { get; init; }

    /// <summary>Exclusive upper bound of created_at.</summary>
    public DateTimeOffset? CreatedTo { get; init; }

    /// <summary>Overall action of the decision recorded with the alert (wire name, e.g. <c>freeze</c>); <see cref="NoAction"/>
    /// matches alerts recorded without a decision (no screener profile).</summary>
    public string? Action { get; init; }

    /// <summary>Only alerts that this reviewer has reviewed at least once.</summary>
    public string? Reviewer { get; init; }

    /// <summary>Only alerts that monitoring raised for a subject of this portfolio.</summary>
    public string? Portfolio { get; init; }

    /// <summary>Order of the page (newest first by default).</summary>
    public AlertSort Sort { get; init; } = AlertSort.Newest;

    public int Offset { get; init; }

    /// <summary>Page size, 1..<see cref="MaxLimit"/>.</summary>
    public int Limit { get; init; } = 100;
}
