using System.Collections.Frozen;
using Comity.Application.Screening;
using Comity.Core.Model;

namespace Comity.Server.Yente;

/// <summary>The answer to one example: the shared pipeline's result for it.</summary>
internal sealed record MatchAnswer(ExampleEntity Example, ScreeningResult Result)
{
    public IReadOnlyList<Hit> Results => Result.Hits;

    public int Total => Result.Total;
}

/// <summary>Maps a <c>/match</c> request onto the one screening pipeline: dataset scope, include/exclude, schemata,
/// excluded ids, topics, changed-since, weights, threshold, cutoff and limit become <see cref="ScreeningOptions"/>;
/// the <see cref="Screener"/> does the rest.</summary>
internal static class YenteMatcher
{
    public static MatchAnswer Answer(CorpusSnapshot snapshot, IReadOnlySet<string> scope, MatchRequest request, ExampleEntity example, CancellationToken cancellationToken)
    {
        var options = Options(snapshot, scope, request, example.Schema);
        if (options is null || example.Query.Names.IsDefaultOrEmpty)
        {
            return new MatchAnswer(example, new ScreeningResult(example.Query, []));
        }

        return new MatchAnswer(example, new Screener(snapshot.Corpus, options).ScreenCancellable(example.Query, cancellationToken));
    }

    /// <summary>The pipeline options of a request for an example of this FtM schema; null when nothing can match
    /// (no dataset left in scope, or a schema that is not matchable).</summary>
    public static ScreeningOptions? Options(CorpusSnapshot snapshot, IReadOnlySet<string> scope, MatchRequest request, string ftmSchema)
    {
        FtmSchemas.TryMatchable(ftmSchema, out var allowed);
        var sources = scope.Where(s =>
                (request.IncludeDatasets.Count == 0 || request.IncludeDatasets.Contains(s, StringComparer.Ordinal))
                && !request.ExcludeDatasets.Contains(s, StringComparer.Ordinal))
            .ToFrozenSet(StringComparer.Ordinal);
        if (sources.Count == 0 || allowed is not { Length: > 0 })
        {
            return null;
        }

        var querySchemata = FtmSchemas.IndexSchemata(ftmSchema);
        IReadOnlySet<Schema>? schemata = null;
        if (request.ExcludeSchemata.Count > 0)
        {
            schemata = allowed.Where(a => !request.ExcludeSchemata.Any(x => FtmSchemas.IsA(a, x))).ToFrozenSet();
        }

        var candidateScope = new CandidateScope
        {
            Sources = sources.Count == snapshot.AllSources.Count && sources.SetEquals(snapshot.AllSources) ? null : sources,
            Schemata = schemata,
            QuerySchemata = querySchemata.Length > 1 ? querySchemata : null,
            ExcludeEntityIds = request.ExcludeEntityIds,
            Topics = request.Topics.ToFrozenSet(StringComparer.Ordinal),
            ChangedSince = request.ChangedSince,
        };
        return new ScreeningOptions
        {
            Threshold = request.Threshold,
            MinScore = request.Cutoff,
            Limit = request.Limit,
            Scope = candidateScope,
            Weights = request.Weights,
            Qualifiers = request.Qualifiers,
        };
    }
}
