using System.Collections.Frozen;
using Comity.Core.Model;

namespace Comity.Application.Screening;

/// <summary>Which listed entities may be candidates of a query: dataset scope (include/exclude already resolved to
/// a set of sources), schemata, excluded entities, topics, changed-since. Immutable.</summary>
internal sealed record CandidateScope
{
    /// <summary>Every loaded entity.</summary>
    public static CandidateScope All { get; } = new();

    /// <summary>Sources (datasets) whose entities may match; null: every loaded source.</summary>
    public IReadOnlySet<string>? Sources { get; init; }

    /// <summary>Candidate schemata allowed; null: any the query's schema is compatible with.</summary>
    public IReadOnlySet<Schema>? Schemata { get; init; }

    /// <summary>The query schemata run through the index (a query for any "Thing" runs as a legal entity, a vessel
    /// and an aircraft); null: the query's own schema.</summary>
    public IReadOnlyList<Schema>? QuerySchemata { get; init; }

    /// <summary>Entity ids never returned; excluding one listing of a subject excludes the subject.</summary>
    public IReadOnlySet<string> ExcludeEntityIds { get; init; } = FrozenSet<string>.Empty;

    /// <summary>When not empty, only entities carrying one of these topics.</summary>
    public IReadOnlySet<string> Topics { get; init; } = FrozenSet<string>.Empty;

    /// <summary>Only entities whose dataset's data date is after this instant.</summary>
    public DateTime? ChangedSince { get; init; }

    /// <summary>True when nothing is filtered out (the candidate pool can stay small).</summary>
    public bool IsUnfiltered => Sources is null && Schemata is null && ExcludeEntityIds.Count == 0 && Topics.Count == 0 && ChangedSince is null;
}
