using System.Collections.Immutable;

namespace Comity.Core.Model;

/// <summary>What is screened: a customer, counterparty, vessel... Built from a CSV row or an API body.</summary>
public sealed record Query
{
    /// <summary>The caller's id, echoed back; never used to score.</summary>
    public string? Id { get; init; }

    /// <summary>The schema, if known; <see cref="Schema.LegalEntity"/> matches persons and organisations.</summary>
    public Schema Schema { get; init; } = Schema.LegalEntity;

    /// <summary>Full names to screen (at least one after composing parts).</summary>
    public ImmutableArray<string> Names { get; init; } = [];

    /// <summary>Structured parts when the caller gave them separately.</summary>
    public NameParts? Parts { get; init; }

    public ImmutableArray<FuzzyDate> BirthDates { get; init; } = [];

    public ImmutableArray<string> Countries { get; init; } = [];

    public Gender Gender { get; init; }

    public ImmutableArray<Identifier> Identifiers { get; init; } = [];

    public string? PlaceOfBirth { get; init; }
}
