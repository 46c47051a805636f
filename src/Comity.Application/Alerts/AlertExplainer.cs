using System.Collections.Immutable;
using Comity.Application.Corpus;
using Comity.Application.Linking;
using Comity.Core.Matching;
using Comity.Core.Model;
using Comity.Storage.Alerts;

namespace Comity.Application.Alerts;

/// <summary>What an analyst needs beside a stored alert: the query read back, the listed entity and every listing of
/// its subject in the corpus now in force, and the score explained again by the matcher (the explanation is not
/// stored with the alert).</summary>
/// <param name="Query">The screened subject, or null when the stored query cannot be read back.</param>
/// <param name="Entity">The listed entity in the corpus in force, or null when it is no longer listed there.</param>
/// <param name="Listings">Every listing of the entity's subject, its own first (empty when the entity is gone).</param>
/// <param name="Rescored">The query scored against the entity now, with its explanation (null when either is missing).</param>
/// <param name="CorpusVersion">The corpus version now in force (null when none is loaded yet).</param>
/// <param name="SameCorpus">True when the alert was raised on the corpus now in force (the explanation is then the one
/// that produced the alert's score).</param>
internal sealed record AlertContext(Query? Query, Entity? Entity, ImmutableArray<SubjectListing> Listings, ScoredEntity? Rescored, string? CorpusVersion, bool SameCorpus);

/// <summary>Builds <see cref="AlertContext"/>.</summary>
internal static class AlertExplainer
{
    public static AlertContext Explain(CorpusSnapshot? snapshot, Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var query = StoredQuery.Parse(alert.QueryJson);
        if (snapshot is null)
        {
            return new AlertContext(query, null, [], null, null, false);
        }

        var corpus = snapshot.Corpus;
        var entity = corpus.Find(alert.EntityId);
        var listings = entity is null ? ImmutableArray<SubjectListing>.Empty
            : corpus.Links.SubjectOf(entity.Id) is { } subject ? subject.ListingsFor(entity, corpus.Links.LinkReasons)
            : [new SubjectListing(entity.Source, entity.SourceId, entity.Id, entity.Programs, entity.ListedOn, "self")];
        var rescored = entity is not null && query is not null ? corpus.Index.Score(query, entity) : null;
        return new AlertContext(query, entity, listings, rescored, corpus.Version, string.Equals(corpus.Version, alert.CorpusVersion, StringComparison.Ordinal));
    }
}
