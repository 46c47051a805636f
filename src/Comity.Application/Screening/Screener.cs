using System.Collections.Immutable;
using Comity.Application.Corpus;
using Comity.Application.Linking;
using Comity.Core.Matching;
using Comity.Core.Model;
using Comity.Law;

namespace Comity.Application.Screening;

/// <summary>The one screening pipeline, shared by every front end: candidate retrieval from the index, scope
/// filtering, weight overrides, one result per subject (its best listing, with every other listing), threshold,
/// ordering, decisions on matches. Thread-safe.</summary>
public sealed class Screener(ScreeningCorpus corpus, ScreeningOptions options, LawContext? law = null)
{
    /// <summary>When set, every matching hit carries the decision the law requires of this screener.</summary>
    public LawContext? Law { get; } = law?.For(corpus);

    public ScreeningCorpus Corpus { get; } = corpus;

    public ScreeningOptions Options { get; } = options;

    /// <summary>Screens one query.</summary>
    public ScreeningResult Screen(Query query) => ScreenCancellable(query, CancellationToken.None);

    /// <summary>As <see cref="Screen(Query)"/> (a distinct name, like <see cref="MatchIndex.MatchCancellable(Query, int, double, CancellationToken)"/>),
    /// stopping with <see cref="OperationCanceledException"/> soon after <paramref name="cancellationToken"/> is
    /// cancelled (the client went away, the request's time budget is spent): the index checks it while retrieving
    /// and before scoring each candidate.</summary>
    public ScreeningResult ScreenCancellable(Query query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        cancellationToken.ThrowIfCancellationRequested();
        var o = Options;
        var scope = o.Scope;
        if (query.Names.IsDefaultOrEmpty)
        {
            return new ScreeningResult(query, []) { Coverage = Law?.Gaps };
        }

        var q = o.Qualifiers ? query : NamesOnly(query);

        // Several listings of one subject may score, and filters drop some candidates after retrieval: ask the index
        // for a larger pool when anything is filtered or re-weighted.
        var plain = scope.IsUnfiltered && o.Weights.Count == 0;
        var pool = plain ? Math.Max(o.Limit, ScreeningOptions.DefaultLimit) * 3 : Math.Min(Math.Max(o.Limit * 10, 100), Math.Max(ScreeningOptions.MaxLimit, o.Limit));
        var indexMin = o.Weights.Count > 0 ? 0.0 : Math.Max(0.0, o.MinScore);
        var best = new Dictionary<int, (ScoredEntity Scored, double Score, Subject? Subject)>();
        var unlinked = new Dictionary<string, (ScoredEntity Scored, double Score)>(StringComparer.Ordinal);
        var schemata = scope.QuerySchemata is { Count: > 0 } qs ? qs : [q.Schema];
        foreach (var schema in schemata)
        {
            var asked = schema == q.Schema ? q : q with { Schema = schema };
            foreach (var s in Corpus.Index.MatchCancellable(asked, pool, indexMin, cancellationToken))
            {
                var e = s.Entity;
                var subject = Corpus.Links.SubjectOf(e.Id);
                if (!InScope(e, subject, scope))
                {
                    continue;
                }

                var score = Reweight(s, o.Weights);
                if (score < o.MinScore || (score <= 0 && o.MinScore >= 0))
                {
                    continue;
                }

                if (subject is null)
                {
                    if (!unlinked.TryGetValue(e.Id, out var prior) || prior.Score < score)
                    {
                        unlinked[e.Id] = (s, score);
                    }
                }
                else if (!best.TryGetValue(subject.Id, out var prior) || prior.Score < score
                    || (prior.Score == score && string.CompareOrdinal(e.Id, prior.Scored.Entity.Id) < 0))
                {
                    best[subject.Id] = (s, score, subject);
                }
            }
        }

        var ranked = new List<(ScoredEntity Scored, double Score, Subject? Subject)>(best.Count + unlinked.Count);
        ranked.AddRange(best.Values);
        foreach (var (s, score) in unlinked.Values)
        {
            ranked.Add((s, score, null));
        }

        ranked.Sort(static (a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : string.CompareOrdinal(a.Scored.Entity.Id, b.Scored.Entity.Id));
        var total = 0;
        foreach (var r in ranked)
        {
            if (r.Score >= o.Threshold)
            {
                total++;
            }
        }

        var hits = new List<Hit>(Math.Min(ranked.Count, o.Limit));
        List<Entity>? matched = null;
        foreach (var (s, score, subject) in ranked)
        {
            if (hits.Count == o.Limit)
            {
                break;
            }

            var match = score >= o.Threshold;
            var listings = subject is null
                ? [new SubjectListing(s.Entity.Source, s.Entity.SourceId, s.Entity.Id, s.Entity.Programs, s.Entity.ListedOn, "self")]
                : subject.ListingsFor(s.Entity, Corpus.Links.LinkReasons);
            Decision? decision = null;
            if (match && Law is not null)
            {
                var entities = subject is null ? [s.Entity] : subject.Entities;
                decision = Law.Decide(entities);
                (matched ??= []).AddRange(entities);
            }

            hits.Add(new Hit(s, score, match, listings, decision));
        }

        var overall = matched is null ? null : Law!.Decide(matched.DistinctBy(e => e.Id, StringComparer.Ordinal));
        return new ScreeningResult(query, hits, total, overall) { Coverage = Law?.Gaps };
    }

    /// <summary>Screens every subject of a request in parallel (results in input order).</summary>
    public IReadOnlyList<ScreeningResult> ScreenAll(IReadOnlyList<Query> subjects, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subjects);
        var results = new ScreeningResult[subjects.Count];
        Parallel.For(0, results.Length, new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
            results[i] = ScreenCancellable(subjects[i], cancellationToken));
        return results;
    }

    /// <summary>Screens a stream of items on every core, yielding results in input order as soon as each is ready
    /// (<see cref="OrderedPipeline{TItem, TResult}"/>: one reader, a worker per core, a bounded reorder window). Memory
    /// stays bounded by <paramref name="blockSize"/> items in flight; the output is the same as screening one by one.</summary>
    public IEnumerable<(T Item, ScreeningResult? Result)> ScreenMany<T>(IEnumerable<T> items, Func<T, Query?> query, int blockSize = 2048, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(query);
        var workers = Math.Max(1, Environment.ProcessorCount);
        return OrderedPipeline<T, ScreeningResult?>.Run(items, item => query(item) is { } q ? ScreenCancellable(q, cancellationToken) : null,
            workers, Math.Max(blockSize, workers), cancellationToken);
    }

    /// <summary>Applies weight overrides to the contributions (0 disables a feature), keeps the score in [0, 1] and
    /// rounds it to 4 decimals.</summary>
    public static double Reweight(ScoredEntity scored, IReadOnlyDictionary<string, double> weights)
    {
        ArgumentNullException.ThrowIfNull(scored);
        ArgumentNullException.ThrowIfNull(weights);
        var score = scored.Score;
        if (weights.Count > 0)
        {
            foreach (var f in scored.Explanation.Features)
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

    /// <summary>The query reduced to names and schema (qualifiers off).</summary>
    public static Query NamesOnly(Query query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return query with
        {
            BirthDates = ImmutableArray<FuzzyDate>.Empty,
            Countries = [],
            Gender = Gender.Unknown,
            Identifiers = [],
            PlaceOfBirth = null,
        };
    }

    private bool InScope(Entity e, Subject? subject, CandidateScope scope)
    {
        if (scope.IsUnfiltered)
        {
            return true;
        }

        if (scope.Sources is { } sources && !sources.Contains(e.Source))
        {
            return false;
        }

        if (scope.Schemata is { } schemata && !schemata.Contains(e.Schema))
        {
            return false;
        }

        if (scope.ExcludeEntityIds.Count > 0
            && (scope.ExcludeEntityIds.Contains(e.Id) || (subject is not null && subject.Entities.Any(x => scope.ExcludeEntityIds.Contains(x.Id)))))
        {
            return false;
        }

        if (scope.Topics.Count > 0 && !e.Topics.Any(scope.Topics.Contains))
        {
            return false;
        }

        return scope.ChangedSince is not { } since || Corpus.DataDate(e) > since;
    }
}
