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
internal sealed class Screener(ScreeningCorpus corpus, ScreeningOptions options, LawContext? law = null)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Decision> _decisions = new(StringComparer.Ordinal);

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
        var best = new Dictionary<int, Candidate>();
        var unlinked = new Dictionary<string, Candidate>(StringComparer.Ordinal);
        var schemata = scope.QuerySchemata is { Count: > 0 } qs ? qs : [q.Schema];
        var runs = new List<RankedQuery>(schemata.Count);
        try
        {
            foreach (var schema in schemata)
            {
                var asked = schema == q.Schema ? q : q with { Schema = schema };
                var run = Corpus.Index.RankCancellable(asked, pool, indexMin, cancellationToken);
                runs.Add(run);
                for (var i = 0; i < run.Count; i++)
                {
                    var e = run.EntityAt(i);
                    var subject = Corpus.Links.SubjectOf(e.Id);
                    if (!InScope(e, subject, scope))
                    {
                        continue;
                    }

                    // Weight overrides re-weigh the explanation's features, so those candidates are explained now; without
                    // them the score is the index's, rounded, and only the hits reported are explained (below).
                    var explained = o.Weights.Count > 0 ? run.Explain(i) : null;
                    var score = explained is null ? Round(run.ScoreAt(i)) : Reweight(explained, o.Weights);
                    if (score < o.MinScore || (score <= 0 && o.MinScore >= 0))
                    {
                        continue;
                    }

                    var candidate = new Candidate(e, run, i, explained, score, subject);
                    if (subject is null)
                    {
                        if (!unlinked.TryGetValue(e.Id, out var prior) || prior.Score < score)
                        {
                            unlinked[e.Id] = candidate;
                        }
                    }
                    else if (!best.TryGetValue(subject.Id, out var prior) || prior.Score < score
                        || (prior.Score == score && string.CompareOrdinal(e.Id, prior.Entity.Id) < 0))
                    {
                        best[subject.Id] = candidate;
                    }
                }
            }

            var ranked = new List<Candidate>(best.Count + unlinked.Count);
            ranked.AddRange(best.Values);
            ranked.AddRange(unlinked.Values);
            ranked.Sort(static (a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : string.CompareOrdinal(a.Entity.Id, b.Entity.Id));
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
            Decision? single = null;
            var subjectsMatched = 0;
            foreach (var c in ranked)
            {
                if (hits.Count == o.Limit)
                {
                    break;
                }

                var s = c.Explained ?? c.Run.Explain(c.Rank);
                var match = c.Score >= o.Threshold;
                var listings = c.Subject is null
                    ? [new SubjectListing(s.Entity.Source, s.Entity.SourceId, s.Entity.Id, s.Entity.Programs, s.Entity.ListedOn, "self")]
                    : c.Subject.ListingsFor(s.Entity, Corpus.Links.LinkReasons);
                Decision? decision = null;
                if (match && Law is not null)
                {
                    ImmutableArray<Entity> entities = c.Subject is null ? [s.Entity] : c.Subject.Entities;
                    decision = DecisionFor(c.Subject is null ? "e:" + s.Entity.Id : "s:" + c.Subject.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), entities);
                    (matched ??= []).AddRange(entities);
                    single = decision;
                    subjectsMatched++;
                }

                hits.Add(new Hit(s, c.Score, match, listings, decision));
            }

            // One matching subject: its decision is the overall one (the same listings decided once).
            var overall = matched is null ? null
                : subjectsMatched == 1 && matched.Count == matched.DistinctBy(e => e.Id, StringComparer.Ordinal).Count() ? single
                : Law!.Decide(matched.DistinctBy(e => e.Id, StringComparer.Ordinal));
            return new ScreeningResult(query, hits, total, overall) { Coverage = Law?.Gaps };
        }
        finally
        {
            foreach (var run in runs)
            {
                run.Dispose();
            }
        }
    }

    /// <summary>The law's decision for one subject's listings, computed once per subject for this screener (the profile
    /// and the corpus are fixed, so it is the same for every query that matches the subject).</summary>
    private Decision DecisionFor(string key, ImmutableArray<Entity> entities) =>
        _decisions.GetOrAdd(key, static (_, arg) => arg.Law.Decide(arg.Entities), (Law: Law!, Entities: entities));

    private static double Round(double score) => Math.Round(Math.Clamp(score, 0, 1), 4, MidpointRounding.AwayFromZero);

    /// <summary>A candidate kept for ranking: where to explain it from, or its explanation when weights needed it.</summary>
    private sealed record Candidate(Entity Entity, RankedQuery Run, int Rank, ScoredEntity? Explained, double Score, Subject? Subject);

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
