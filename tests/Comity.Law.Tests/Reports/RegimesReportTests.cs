namespace Comity.Law.Tests.Reports;

public sealed class RegimesReportTests
{
    [Fact]
    public void German_bank_is_bound_by_EU_and_UN_and_the_EU_blocking_statute()
    {
        var r = Repo.Engine.Regimes(Scenario.Bank("DE"));
        Assert.Equal("DE", r.Jurisdiction);
        Assert.True(r.EuLawApplies);
        Assert.Equal(["UN", "EU"], r.Regimes.Where(x => x.Binds).Select(x => x.Id));
        Assert.Equal(8, r.BlockedMeasures.Count);
        Assert.All(r.BlockedMeasures, m => Assert.Equal("eu-2271-96", m.Statute));
        Assert.Contains(r.BlockedMeasures, m => m.Measure == "us-itsr" && m.From == Repo.D("2018-08-07"));
        Assert.DoesNotContain(r.BlockedMeasures, m => m.Measure == "us-eo14203");
        Assert.True(r.IccParty.IsParty);
    }

    [Fact]
    public void Overlay_adds_EO14203_to_the_blocked_measures()
    {
        var r = Repo.Engine.Regimes(Scenario.Bank("DE", assume: "eu-blocking:ICC-EO14203"));
        var m = Assert.Single(r.BlockedMeasures, x => x.Measure == "us-eo14203");
        Assert.Equal("eu-blocking:ICC-EO14203", m.Hypothetical);
    }

    [Fact]
    public void German_bank_before_the_2018_annex_has_four_blocked_measures()
    {
        Assert.Equal(4, Repo.Engine.Regimes(Scenario.Bank("DE", Repo.D("2018-08-06"))).BlockedMeasures.Count);
    }

    [Fact]
    public void US_nexus_makes_US_OFAC_binding()
    {
        Assert.DoesNotContain(Repo.Engine.Regimes(Scenario.Bank("DE")).Regimes, x => x.Id == "US-OFAC" && x.Binds);
        Assert.Contains(Repo.Engine.Regimes(Scenario.Bank("DE", usNexus: true)).Regimes, x => x.Id == "US-OFAC" && x.Binds);
    }

    [Fact]
    public void Canadian_business_has_the_FEMA_order_and_UK_the_retained_statute()
    {
        var ca = Repo.Engine.Regimes(new ScreenerProfile("CA", Role.Business, Scenario.D));
        Assert.Equal(["us-cacr", "us-cda-1992"], ca.BlockedMeasures.Select(m => m.Measure));
        Assert.Equal(["UN", "CA"], ca.Regimes.Where(x => x.Binds).Select(x => x.Id));
        var gb = Repo.Engine.Regimes(Scenario.Bank("GB"));
        Assert.All(gb.BlockedMeasures, m => Assert.Equal("gb-retained-2271-96", m.Statute));
        Assert.False(gb.EuLawApplies);
    }

    [Fact]
    public void US_authority_is_not_an_ICC_party()
    {
        var r = Repo.Engine.Regimes(Scenario.Authority("US"));
        Assert.False(r.IccParty.IsParty);
        Assert.Contains("non-party", r.IccDuty, StringComparison.Ordinal);
        Assert.Empty(r.BlockedMeasures);
    }
}
