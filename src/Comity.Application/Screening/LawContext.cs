using Comity.Core.Model;
using Comity.Law;

namespace Comity.Application.Screening;

/// <summary>The law engine and the screener's profile: when present, every matching hit gets a decision.</summary>
public sealed record LawContext(LawEngine Engine, ScreenerProfile Profile)
{
    /// <summary>The decision for one subject, from all its listings.</summary>
    public Decision Decide(IEnumerable<Entity> listings) =>
        Engine.Decide(Profile, [.. listings.Select(Listing.FromEntity)]);
}
