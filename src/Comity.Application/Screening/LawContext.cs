using Comity.Core.Model;
using Comity.Law;

namespace Comity.Application.Screening;

/// <summary>The law engine and the screener's profile: when present, every matching hit gets a decision.</summary>
internal sealed record LawContext(LawEngine Engine, ScreenerProfile Profile)
{
    /// <summary>The profile's coverage gaps against the corpus being screened (attached to every decision).</summary>
    public IReadOnlyList<CoverageGap> Gaps { get; init; } = [];

    /// <summary>The decision for one subject, from all its listings, with the coverage gaps attached.</summary>
    public Decision Decide(IEnumerable<Entity> listings) =>
        LawEngine.WithCoverage(Engine.Decide(Profile, [.. listings.Select(Listing.FromEntity)]), Gaps);

    /// <summary>This context with the coverage gaps of <paramref name="corpus"/> (see <see cref="Lists.ListStatuses"/>).</summary>
    public LawContext For(Corpus.ScreeningCorpus corpus) =>
        this with { Gaps = Engine.Coverage(Profile, Lists.ListStatuses.Coverage(corpus)) };
}
