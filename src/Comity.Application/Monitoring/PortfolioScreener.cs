using System.Collections.Immutable;
using Comity.Application.Corpus;
using Comity.Application.Output;
using Comity.Application.Screening;
using Comity.Core.Model;
using Comity.Law;

namespace Comity.Application.Monitoring;

/// <summary>One hit of a monitored subject, with what reconciliation needs: the kept form, the listed entity, every
/// listing of its subject (entities) and the decision.</summary>
internal sealed record ScreenedHit(MonitoredHit Hit, Entity Entity, IReadOnlyList<Entity> Listings, Decision? Decision);

/// <summary>A subject after screening (or re-deciding): its hits and overall decision; <see cref="Screened"/> is
/// false when only the decisions were made again on the stored hits.</summary>
internal sealed record ScreenedSubject(string SubjectId, Query Query, IReadOnlyList<ScreenedHit> Hits, Decision? Overall, bool Screened)
{
    public SubjectHits ToState() => new([.. Hits.Select(h => h.Hit)], Overall?.Overall.ToWire());
}

/// <summary>Screens monitored subjects through the one pipeline (<see cref="Screener"/>) with a portfolio's threshold
/// and profile as of one date, and makes the decisions on stored hits again without matching (same listings, same
/// law, as of the new date).</summary>
internal sealed class PortfolioScreener
{
    public PortfolioScreener(ScreeningCorpus corpus, PortfolioProfile profile, double threshold, LawEngine? law, DateOnly asOf, MonitorOptions options)
    {
        Corpus = corpus;
        Threshold = threshold;
        AsOf = asOf;
        Options = new ScreeningOptions { Threshold = threshold, MinScore = Math.Min(options.MinScore, threshold), Limit = options.Limit };
        var screenerProfile = profile.On(asOf);
        LawContext? context = screenerProfile is not null && law is not null ? new LawContext(law, screenerProfile) : null;
        Screener = new Screener(corpus, Options, context);
        ProfileJson = ProofJson.Profile(screenerProfile);
    }

    public ScreeningCorpus Corpus { get; }

    public double Threshold { get; }

    public DateOnly AsOf { get; }

    public ScreeningOptions Options { get; }

    public Screener Screener { get; }

    /// <summary>The dated profile as JSON (proof of screening).</summary>
    public string ProfileJson { get; }

    public string DecidedOn => SubjectHits.Day(AsOf);

    /// <summary>Screens one subject.</summary>
    public ScreenedSubject Screen(string subjectId, Query query, CancellationToken cancellationToken = default)
    {
        var result = Screener.ScreenCancellable(query, cancellationToken);
        var hits = new List<ScreenedHit>(result.Hits.Count);
        foreach (var h in result.Hits)
        {
            var listings = Corpus.Links.SubjectOf(h.Entity.Id)?.Entities ?? [h.Entity];
            var kept = new MonitoredHit(h.Entity.Id, [.. h.Listings.Select(l => l.EntityId)], JsonFormat.Round(h.Score), h.Match, h.Decision?.Overall.ToWire());
            hits.Add(new ScreenedHit(kept, h.Entity, listings, h.Decision));
        }

        return new ScreenedSubject(subjectId, query, hits, result.Overall, Screened: true);
    }

    /// <summary>The stored hits with their listings and decisions made again as of <see cref="AsOf"/>; null when a
    /// hit's entity is no longer in the corpus (the subject must be screened again instead).</summary>
    public ScreenedSubject? Redecide(string subjectId, Query query, SubjectHits stored)
    {
        var hits = new List<ScreenedHit>(stored.Hits.Count);
        var matched = new List<Entity>();
        foreach (var h in stored.Hits)
        {
            if (Corpus.Find(h.EntityId) is not { } entity)
            {
                return null;
            }

            var subject = Corpus.Links.SubjectOf(entity.Id);
            IReadOnlyList<Entity> listings = subject?.Entities ?? [entity];
            var ids = subject is null ? ImmutableArray.Create(entity.Id) : [.. subject.ListingsFor(entity, Corpus.Links.LinkReasons).Select(l => l.EntityId)];
            Decision? decision = null;
            if (h.Match && Screener.Law is { } law)
            {
                decision = law.Decide(listings);
                matched.AddRange(listings);
            }

            hits.Add(new ScreenedHit(h with { Listings = ids, Action = decision?.Overall.ToWire() }, entity, listings, decision));
        }

        var overall = matched.Count == 0 ? null : Screener.Law!.Decide(matched.DistinctBy(e => e.Id, StringComparer.Ordinal));
        return new ScreenedSubject(subjectId, query, hits, overall, Screened: false);
    }
}
