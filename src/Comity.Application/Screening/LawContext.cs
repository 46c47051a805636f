using Comity.Core.Model;
using Comity.Law;

namespace Comity.Application.Screening;

/// <summary>The law engine and the screener's profile: when present, every hit gets a decision.</summary>
public sealed record LawContext(LawEngine Engine, ScreenerProfile Profile)
{
    /// <summary>The decision for one subject, from all its listings.</summary>
    public Decision Decide(IEnumerable<Entity> listings) =>
        Engine.Decide(Profile, [.. listings.Select(Listing.FromEntity)]);

    /// <summary>One decision over every listing of every matching hit of a result (what the screener must do about
    /// this customer as a whole); null when nothing matched.</summary>
    public Decision? Overall(ScreeningResult result, Func<string, Entity?> find)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(find);
        var entities = result.Hits.Where(h => h.Match)
            .SelectMany(h => h.Listings.Select(l => find(l.EntityId) ?? (l.EntityId == h.Entity.Id ? h.Entity : null)))
            .OfType<Entity>()
            .DistinctBy(e => e.Id, StringComparer.Ordinal)
            .ToList();
        return entities.Count == 0 ? null : Decide(entities);
    }
}
