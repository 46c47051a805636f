using System.Collections.Immutable;
using Comity.Core.Model;

namespace Comity.Application.Linking;

/// <summary>One listing of a subject: which list names it, under which programmes, since when.</summary>
internal sealed record SubjectListing(string Source, string SourceId, string EntityId, ImmutableArray<string> Programs, PartialDate? ListedOn, string LinkedBy);

/// <summary>A real-world subject: every listing, across lists, that names the same person, organisation or vessel.</summary>
internal sealed record Subject(int Id, ImmutableArray<Entity> Entities)
{
    /// <summary>Every listing, the given entity's first.</summary>
    public ImmutableArray<SubjectListing> ListingsFor(Entity primary, IReadOnlyDictionary<string, string> linkedBy) =>
        [.. Entities.OrderBy(e => e.Id == primary.Id ? 0 : 1).ThenBy(e => e.Source, StringComparer.Ordinal).ThenBy(e => e.SourceId, StringComparer.Ordinal)
            .Select(e => new SubjectListing(e.Source, e.SourceId, e.Id, e.Programs, e.ListedOn, e.Id == primary.Id ? "self" : linkedBy.GetValueOrDefault(e.Id, "link")))];
}
