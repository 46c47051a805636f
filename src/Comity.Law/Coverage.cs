namespace Comity.Law;

/// <summary>What the corpus holds of one dataset, as the law engine needs it to judge coverage.</summary>
/// <param name="Source">Dataset name (<c>eu-fsf</c>).</param>
/// <param name="Loaded">False: the dataset is expected (it has an official source) but not in the corpus.</param>
/// <param name="DataDate">The list's data date, if known.</param>
/// <param name="Entities">Entities loaded.</param>
/// <param name="MinEntities">Fewer entities than this is a sample or excerpt (null: no minimum known).</param>
/// <param name="MaxAgeDays">Older than this on the as-of date is stale (null: no maximum known).</param>
public sealed record ListCoverage(string Source, bool Loaded, DateOnly? DataDate, int Entities, int? MinEntities, int? MaxAgeDays);

/// <summary>Why a regime that binds the screener was not fully seen.</summary>
public enum CoverageReason
{
    /// <summary><c>not_loaded</c>: the regime's list is not in the corpus.</summary>
    NotLoaded,

    /// <summary><c>incomplete</c>: a sample or excerpt (fewer entities than a genuine publication holds).</summary>
    Incomplete,

    /// <summary><c>stale</c>: older than its maximum age on the as-of date.</summary>
    Stale,

    /// <summary><c>undated</c>: a maximum age applies but the list's data date is unknown.</summary>
    Undated,
}

/// <summary>One coverage gap: a regime that binds the screener, the list that would show its listings, and why that
/// list cannot be relied on.</summary>
public sealed record CoverageGap(string Regime, string Source, CoverageReason Reason, string Detail)
{
    /// <summary>Wire name of <see cref="Reason"/>.</summary>
    public string ReasonName => Reason switch
    {
        CoverageReason.NotLoaded => "not_loaded",
        CoverageReason.Incomplete => "incomplete",
        CoverageReason.Stale => "stale",
        _ => "undated",
    };

    public override string ToString() => $"{Regime} ({Source}): {ReasonName}: {Detail}";
}
