using System.Collections.Immutable;
using Comity.Core.Model;

namespace Comity.Server.Yente;

/// <summary>A parsed example entity of a <c>/match</c> request: the query to screen and the cleaned properties to
/// echo.</summary>
internal sealed record ExampleEntity(string? Id, string Schema, Query Query, IReadOnlyList<KeyValuePair<string, List<string>>> Properties)
{
    /// <summary>The query reduced to names and schema (for name-only algorithms).</summary>
    public Query NamesOnly => Query with
    {
        BirthDates = ImmutableArray<FuzzyDate>.Empty,
        Countries = [],
        Gender = Gender.Unknown,
        Identifiers = [],
        PlaceOfBirth = null,
    };
}
