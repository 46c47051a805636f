namespace Comity.Law;

/// <summary>What one listing means under one regime or blocking statute for this screener.</summary>
public sealed record DecisionEntry
{
    /// <summary><c>{source}:{source_id}</c> of the listing.</summary>
    public required string ListingId { get; init; }

    /// <summary>Regime (<c>UN</c>, <c>EU</c>, <c>UK</c>, <c>US-OFAC</c>, <c>CA</c>, <c>AU</c>, <c>CH</c>, <c>ICC</c>, ...) or
    /// blocking statute (<c>eu-2271-96</c>, <c>gb-retained-2271-96</c>, <c>ca-fema-1992</c>).</summary>
    public required string Regime { get; init; }

    /// <summary>Programme tag(s) or ICC warrant id.</summary>
    public string? Programme { get; init; }

    public required LawAction Action { get; init; }

    /// <summary>Instrument and article.</summary>
    public required string Basis { get; init; }

    public ReportDuty? Report { get; init; }

    /// <summary>The action relies on unconfirmed data (see <see cref="Reason"/>).</summary>
    public bool Unconfirmed { get; init; }

    public string? Reason { get; init; }

    public required string Explanation { get; init; }

    public string? WhatWouldChange { get; init; }

    /// <summary>Flags for the reviewer: "Art 127(2)", "Art 98(2)", "review", "hypothetical:...".</summary>
    public IReadOnlyList<string> Flags { get; init; } = [];
}
