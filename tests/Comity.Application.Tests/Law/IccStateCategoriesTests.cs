using Comity.Application.Law;
using Comity.Application.Tests.Evaluation;
using Comity.Law;

namespace Comity.Application.Tests.Law;

/// <summary>The map's categories for the example: Netanyahu on 2026-12-01, on the bundled law data.</summary>
public sealed class IccStateCategoriesTests
{
    [Fact]
    public void Netanyahu_on_2026_12_01_parties_withdrawals_and_non_parties()
    {
        var engine = LawEngine.LoadDefault(RepoFiles.Path("data"));
        var report = WarrantLookup.Resolve(engine, "icc-netanyahu-benjamin", new DateOnly(2026, 12, 1)).Report;
        var states = report.States.ToDictionary(s => s.Iso2.ToUpperInvariant());
        Assert.Equal(IccStateCategory.Party, IccStateCategories.Of(states["DE"]));
        Assert.Equal(IccStateCategory.Party, IccStateCategories.Of(states["HU"]));
        Assert.Equal(IccStateCategory.PartyWithdrawing, IccStateCategories.Of(states["BF"]));
        Assert.False(states.ContainsKey("US"));
        Assert.False(states.ContainsKey("IL"));

        // The warrant's record is unconfirmed, so every duty rests on it; only states whose own standing is
        // unconfirmed are marked as such on the map.
        Assert.True(report.Warrant!.Unconfirmed);
        Assert.True(states["DE"].Unconfirmed);
        Assert.False(IccStateCategories.UnconfirmedForState(states["DE"], report.Warrant));
        Assert.True(IccStateCategories.UnconfirmedForState(states["HU"], report.Warrant));
        Assert.Contains("rescind", states["HU"].Reason!, StringComparison.OrdinalIgnoreCase);
        Assert.True(IccStateCategories.UnconfirmedForState(states["BF"], report.Warrant));

        // Former parties whose withdrawal took effect (Burundi 2017, the Philippines 2019); Libya, a non-party bound for
        // the Libya situation (Security Council referral, Art 12(3) declaration), but not for Palestine's.
        Assert.Equal(IccStateCategory.WithdrawalEffective, IccStateCategories.Of(states["PH"]));
        Assert.Equal(IccStateCategory.WithdrawalEffective, IccStateCategories.Of(states["BI"]));
        var libya = WarrantLookup.Resolve(engine, "icc-elmasry-njeem-osama", new DateOnly(2026, 12, 1)).Report.States.Single(s => s.Iso2 == "LY");
        Assert.Equal(IccStateCategory.NonPartyBound, IccStateCategories.Of(libya));
        Assert.Equal(IccStateCategory.NonParty, IccStateCategories.Of(states["LY"]));
        Assert.Equal(["party", "party-withdrawing", "withdrawal-effective", "non-party-bound", "non-party"], IccStateCategories.All.Select(c => c.Code()));
    }
}
