using Comity.Core.Matching;
using Comity.Core.Model;
using Comity.Server.Corpus;

namespace Comity.Server.Yente;

/// <summary>One scored result of a <c>/match</c> query (score after weight overrides, rounded).</summary>
internal sealed record MatchResult(ScoredEntity Scored, double Score, bool Match);

/// <summary>The answer to one example: results (best first, ties by id), the match count and the echo.</summary>
internal sealed record MatchAnswer(ExampleEntity Example, IReadOnlyList<MatchResult> Results, int Total);

/// <summary>Answers <c>/match</c> queries against one corpus snapshot: scope and filters, candidate retrieval from the
/// index, cutoff and threshold, ordering.</summary>
internal static class YenteMatcher
{
    public static MatchAnswer Answer(CorpusSnapshot snapshot, IReadOnlySet<string> scope, MatchRequest request, ExampleEntity example)
    {
        FtmSchemas.TryMatchable(example.Schema, out var allowed);
        var sources = scope.Where(s =>
                (request.IncludeDatasets.Count == 0 || request.IncludeDatasets.Contains(s, StringComparer.Ordinal))
                && !request.ExcludeDatasets.Contains(s, StringComparer.Ordinal))
            .ToHashSet(StringComparer.Ordinal);
        if (sources.Count == 0 || allowed.Length == 0 || example.Query.Names.IsDefaultOrEmpty)
        {
            return new MatchAnswer(example, [], 0);
        }

        var query = request.Qualifiers ? example.Query : example.NamesOnly;
        var pool = Math.Min(Math.Max(request.Limit * 10, 100), Math.Max(MatchRequest.MaxLimit, request.Limit));
        var minScore = request.Weights.Count > 0 ? 0.0 : Math.Max(0.0, request.Cutoff);
        var best = new Dictionary<string, MatchResult>(StringComparer.Ordinal);
        foreach (var schema in FtmSchemas.IndexSchemata(example.Schema))
        {
            foreach (var s in snapshot.Corpus.Index.Match(query with { Schema = schema }, pool, minScore))
            {
                var e = s.Entity;
                if (!Keep(snapshot, e, sources, allowed, request))
                {
                    continue;
                }

                var score = Reweight(s, request.Weights);
                if (score <= request.Cutoff)
                {
                    continue;
                }

                // One result per subject (yente merges a person's listings into one entity): its best-scoring listing,
                // with the others as referents.
                var key = snapshot.Corpus.Links.SubjectOf(e.Id) is { } subject ? "subject:" + subject.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) : e.Id;
                if (!best.TryGetValue(key, out var prior) || prior.Score < score
                    || (prior.Score == score && string.CompareOrdinal(e.Id, prior.Scored.Entity.Id) < 0))
                {
                    best[key] = new MatchResult(s, score, score >= request.Threshold);
                }
            }
        }

        var ordered = best.Values
            .OrderByDescending(r => r.Score)
            .ThenBy(r => r.Scored.Entity.Id, StringComparer.Ordinal)
            .ToList();
        var total = ordered.Count(r => r.Match);
        return new MatchAnswer(example, ordered.Take(request.Limit).ToList(), total);
    }

    private static bool Keep(CorpusSnapshot snapshot, Entity e, HashSet<string> sources, Schema[] allowed, MatchRequest request)
    {
        if (!sources.Contains(e.Source) || Array.IndexOf(allowed, e.Schema) < 0)
        {
            return false;
        }

        foreach (var x in request.ExcludeSchemata)
        {
            if (FtmSchemas.IsA(e.Schema, x))
            {
                return false;
            }
        }

        if (request.ExcludeEntityIds.Count > 0
            && (request.ExcludeEntityIds.Contains(e.Id)
                || (snapshot.Corpus.Links.SubjectOf(e.Id) is { } subject && subject.Entities.Any(x => request.ExcludeEntityIds.Contains(x.Id)))))
        {
            return false;
        }

        if (request.Topics.Count > 0 && !e.Topics.Any(t => request.Topics.Contains(t, StringComparer.Ordinal)))
        {
            return false;
        }

        return request.ChangedSince is not { } since || snapshot.DataDate(e) > since;
    }

    /// <summary>Applies weight overrides to the contributions (0 disables a feature), keeps the score in [0, 1],
    /// rounds it to 4 decimals (the wire precision, so <c>match</c> agrees with the score shown).</summary>
    public static double Reweight(ScoredEntity s, IReadOnlyDictionary<string, double> weights)
    {
        var score = s.Score;
        if (weights.Count > 0)
        {
            foreach (var f in s.Explanation.Features)
            {
                if (weights.TryGetValue(f.Feature, out var w))
                {
                    var changed = w == 0 ? 0 : f.Weight != 0 ? f.Contribution * (w / f.Weight) : f.Contribution;
                    score += changed - f.Contribution;
                }
            }
        }

        return Math.Round(Math.Clamp(score, 0, 1), 4, MidpointRounding.AwayFromZero);
    }
}
