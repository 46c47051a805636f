using System.Collections.Frozen;
using Comity.Application.Corpus;
using Comity.Application.Input;
using Comity.Application.Linking;
using Comity.Application.Output;
using Comity.Application.Screening;
using Comity.Application.Tests.Corpus;
using Comity.Application.Tests.Law;
using Comity.Application.Tests.Measures;
using Comity.Core.Matching;
using Comity.Core.Model;
using Comity.Law;

namespace Comity.Application.Tests.Screening;

/// <summary>The screener explains only the hits it reports and decides each subject once; the reference below is the
/// pipeline as it was before (every candidate of the pool explained by the index, a decision per hit). Both must give
/// the same bytes of output for a fixed sample of queries, under several option sets.</summary>
public sealed class ScreenerReferenceTests
{
    public static TheoryData<string> Options => ["default", "limit-1", "limit-10-threshold-0.8", "sources", "weights", "names-only"];

    [Theory]
    [MemberData(nameof(Options))]
    public void The_optimised_pipeline_equals_the_reference_one(string name)
    {
        var corpus = EvalData.DefaultCorpus;
        var options = name switch
        {
            "limit-1" => new ScreeningOptions { Limit = 1 },
            "limit-10-threshold-0.8" => new ScreeningOptions { Limit = 10, Threshold = 0.8, MinScore = 0.6 },
            "sources" => new ScreeningOptions { Scope = CandidateScope.All with { Sources = new[] { "us-ofac-sdn", "un-sc", "gb-hmt-ofsi" }.ToFrozenSet(StringComparer.Ordinal) } },
            "weights" => new ScreeningOptions { Weights = new Dictionary<string, double> { ["country_mismatch"] = 0, ["dob_match"] = 0.05 }.ToFrozenDictionary(StringComparer.Ordinal) },
            "names-only" => new ScreeningOptions { Qualifiers = false },
            _ => new ScreeningOptions(),
        };
        var law = new LawContext(LawFixture.Engine, new ScreenerProfile("DE", Role.Financial, LawFixture.D("2026-10-01")));
        var screener = new Screener(corpus, options, law);
        var reference = new ReferenceScreener(corpus, options, screener.Law!);
        var queries = SnapshotRoundTripTests.Sample(corpus.Entities).Take(name == "default" ? 500 : 200).ToList();
        var matched = 0;
        foreach (var q in queries)
        {
            var expected = reference.Screen(q);
            var actual = screener.Screen(q);
            Assert.Equal(Output(expected), Output(actual));
            matched += actual.HasMatch ? 1 : 0;
        }

        Assert.True(matched > 20, $"{matched} matches: the sample does not exercise decisions");
    }

    private static string Output(ScreeningResult result)
    {
        using var buffer = new MemoryStream();
        using (var writer = new ScreeningWriter(buffer, OutputFormat.Jsonl))
        {
            writer.Write(new InputRow(1, 2, result.Query, null, []), result);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The screening pipeline before the optimisation, kept as the reference.</summary>
    private sealed class ReferenceScreener(ScreeningCorpus corpus, ScreeningOptions o, LawContext law)
    {
        public ScreeningResult Screen(Query query)
        {
            var scope = o.Scope;
            var q = o.Qualifiers ? query : Screener.NamesOnly(query);
            var plain = scope.IsUnfiltered && o.Weights.Count == 0;
            var pool = plain ? Math.Max(o.Limit, ScreeningOptions.DefaultLimit) * 3 : Math.Min(Math.Max(o.Limit * 10, 100), Math.Max(ScreeningOptions.MaxLimit, o.Limit));
            var indexMin = o.Weights.Count > 0 ? 0.0 : Math.Max(0.0, o.MinScore);
            var best = new Dictionary<int, (ScoredEntity Scored, double Score, Subject? Subject)>();
            var unlinked = new Dictionary<string, (ScoredEntity Scored, double Score)>(StringComparer.Ordinal);
            foreach (var s in corpus.Index.MatchCancellable(q, pool, indexMin, CancellationToken.None))
            {
                var e = s.Entity;
                var subject = corpus.Links.SubjectOf(e.Id);
                if (!InScope(e, subject))
                {
                    continue;
                }

                var score = Screener.Reweight(s, o.Weights);
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

            var ranked = new List<(ScoredEntity Scored, double Score, Subject? Subject)>(best.Values);
            foreach (var (s, score) in unlinked.Values)
            {
                ranked.Add((s, score, null));
            }

            ranked.Sort(static (a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : string.CompareOrdinal(a.Scored.Entity.Id, b.Scored.Entity.Id));
            var total = ranked.Count(r => r.Score >= o.Threshold);
            var hits = new List<Hit>();
            List<Entity>? matched = null;
            foreach (var (s, score, subject) in ranked.Take(o.Limit))
            {
                var match = score >= o.Threshold;
                var listings = subject is null
                    ? [new SubjectListing(s.Entity.Source, s.Entity.SourceId, s.Entity.Id, s.Entity.Programs, s.Entity.ListedOn, "self")]
                    : subject.ListingsFor(s.Entity, corpus.Links.LinkReasons);
                Decision? decision = null;
                if (match)
                {
                    var entities = subject is null ? [s.Entity] : subject.Entities;
                    decision = law.Decide(entities);
                    (matched ??= []).AddRange(entities);
                }

                hits.Add(new Hit(s, score, match, listings, decision));
            }

            var overall = matched is null ? null : law.Decide(matched.DistinctBy(e => e.Id, StringComparer.Ordinal));
            return new ScreeningResult(query, hits, total, overall) { Coverage = law.Gaps };
        }

        private bool InScope(Entity e, Subject? subject) =>
            o.Scope.IsUnfiltered || (o.Scope.Sources is not { } sources || sources.Contains(e.Source));
    }
}
