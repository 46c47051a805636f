using static Comity.Law.Tests.Scenario;

namespace Comity.Law.Tests.Rules;

/// <summary>Overall action by precedence, binding versus foreign regimes, and unusual listings.</summary>
public sealed class PrecedenceTests
{
    // data/lists/eu/sample_eu_fsf.xml: logicalId 6106 (EU.3886.3), Abu Zayd Umar DORDA, programme LBY, designated 2011-02-26.
    private static readonly Listing Dorda = Listing.Of("eu-fsf", "6106", ["LBY"], Repo.D("2011-02-26"));

    [Fact]
    public void Subject_listed_by_a_binding_and_a_foreign_regime_freezes_without_conflict()
    {
        // Al-Zawahiri: UN QDi.006 (binding on a German bank through EU law) and OFAC SDGT (foreign).
        var d = Decide(Bank("DE"), ZawahiriUn, ZawahiriOfac);
        Assert.Equal(LawAction.Freeze, d.Overall);
        Assert.False(d.Conflict);
        var un = Only(d, "UN");
        Assert.Equal(LawAction.Freeze, un.Action);
        Assert.Contains("via CFSP Council decision and Art 215 TFEU", un.Basis, StringComparison.Ordinal);
        Assert.Equal("competent authority of the Member State (DE)", un.Report!.To);
        Assert.Equal(LawAction.NotBinding, Only(d, "US-OFAC").Action);
    }

    [Fact]
    public void UN_listing_in_a_jurisdiction_without_implementing_data_freezes_flagged()
    {
        var e = Assert.Single(Decide(Bank("BR"), ZawahiriUn).Entries);
        Assert.Equal(LawAction.Freeze, e.Action);
        Assert.True(e.Unconfirmed);
        Assert.Contains("implementing law of BR not in data", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Arrest_outranks_the_other_listings_of_the_same_person()
    {
        var d = Decide(Authority("DE"), Warrant("icc-putin-vladimir"), PutinOfac);
        Assert.Equal(LawAction.Arrest, d.Overall);
        Assert.Equal(LawAction.NotBinding, Only(d, "US-OFAC").Action);
    }

    [Fact]
    public void Precedence_order_is_the_documented_one()
    {
        Assert.Equal(
            [LawAction.Arrest, LawAction.Freeze, LawAction.MustNotComply, LawAction.UnknownCoverage, LawAction.EnhancedDueDiligence, LawAction.NotBinding, LawAction.Inactive],
            LawActions.ByPrecedence);
        Assert.Equal(
            ["arrest", "freeze", "must_not_comply", "unknown_coverage", "enhanced_due_diligence", "not_binding", "inactive"],
            LawActions.ByPrecedence.Select(a => a.ToWire()));
    }

    [Fact]
    public void Listing_not_yet_in_force_is_inactive()
    {
        var d = Decide(Bank("DE", Repo.D("2001-01-24")), ZawahiriUn);
        Assert.Equal(LawAction.Inactive, d.Overall);
        Assert.Contains("not yet in force", d.Entries[0].Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Delisted_property_makes_a_listing_inactive_from_that_day()
    {
        var props = new Dictionary<string, string>(StringComparer.Ordinal) { ["delisted_on"] = "2026-01-15" };
        var listing = new Listing("un-sc", "QDi.006", ["Al-Qaida"], Repo.D("2001-01-25"), props);
        Assert.Equal(LawAction.Freeze, Decide(Bank("DE", Repo.D("2026-01-14")), listing).Overall);
        Assert.Equal(LawAction.Inactive, Decide(Bank("DE", Repo.D("2026-01-15")), listing).Overall);
    }

    [Fact]
    public void Custom_user_list_is_not_a_legal_regime()
    {
        var e = Assert.Single(Decide(Bank("DE"), Listing.Of("custom-watchlist", "42", [])).Entries);
        Assert.Equal(LawAction.EnhancedDueDiligence, e.Action);
        Assert.Equal("custom", e.Regime);
    }

    [Fact]
    public void Unknown_OFAC_programme_still_maps_to_US_OFAC_with_its_tag()
    {
        var e = Assert.Single(Decide(Bank("US"), Listing.Of("us-ofac-sdn", "99999", ["NEW-PROGRAMME"])).Entries);
        Assert.Equal("US-OFAC", e.Regime);
        Assert.Equal(LawAction.Freeze, e.Action);
        Assert.Equal("NEW-PROGRAMME", e.Programme);
        Assert.Contains("OFAC programme NEW-PROGRAMME", e.Basis, StringComparison.Ordinal);
        Assert.True(e.Unconfirmed);
    }

    [Fact]
    public void EU_listing_binds_an_EU_bank_and_not_a_Swiss_one()
    {
        var listing = Dorda;
        Assert.Equal(LawAction.Freeze, Decide(Bank("FR"), listing).Overall);
        var ch = Assert.Single(Decide(Bank("CH"), listing).Entries);
        Assert.Equal(LawAction.NotBinding, ch.Action);
        Assert.Contains("EU Member State", ch.WhatWouldChange, StringComparison.Ordinal);
    }

    [Fact]
    public void Croatia_is_bound_by_EU_law_only_from_accession()
    {
        var listing = Dorda;
        Assert.Equal(LawAction.NotBinding, Decide(Bank("HR", Repo.D("2013-06-30")), listing).Overall);
        Assert.Equal(LawAction.Freeze, Decide(Bank("HR", Repo.D("2013-07-01")), listing).Overall);
    }

    [Fact]
    public void Unknown_assumption_is_rejected_with_the_known_ones()
    {
        var ex = Assert.Throws<ArgumentException>(() => Decide(Bank("DE", assume: "eu-blocking:NOPE"), Khan));
        Assert.Contains("eu-blocking:ICC-EO14203", ex.Message, StringComparison.Ordinal);
        Assert.Contains("eu-blocking:ICC-EO14203", Repo.Engine.KnownAssumptions);
    }

    [Fact]
    public void As_of_date_defaults_from_an_injected_clock()
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 10, 1, 23, 30, 0, TimeSpan.Zero));
        Assert.Equal(Repo.D("2026-10-01"), ScreenerProfile.Today(clock));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
