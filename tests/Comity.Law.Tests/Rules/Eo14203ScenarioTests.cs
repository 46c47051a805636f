using static Comity.Law.Tests.Scenario;

namespace Comity.Law.Tests.Rules;

/// <summary>LEGAL.md worked examples 1 and 2 (EO 14203 designees; D = 2026-10-01).</summary>
public sealed class Eo14203ScenarioTests
{
    [Fact]
    public void Example1_EU_bank_without_US_nexus_Khan_is_not_binding()
    {
        var d = Decide(Bank("DE"), Khan);
        Assert.Equal(LawAction.NotBinding, d.Overall);
        Assert.False(d.Conflict);
        Assert.False(d.Unconfirmed); // the Khan row is confirmed
        var e = Assert.Single(d.Entries);
        Assert.Equal("US-OFAC", e.Regime);
        Assert.Equal("ICC-EO14203", e.Programme);
        Assert.Equal("us-ofac-icc:eo14203-khan-karim", e.ListingId);
        Assert.Contains("EO 14203", e.Basis, StringComparison.Ordinal);
        Assert.Contains("31 CFR Part 528", e.Basis, StringComparison.Ordinal);
        Assert.Null(e.Report);
        Assert.Contains("not in the annex of EU Blocking Statute", e.Explanation, StringComparison.Ordinal);
        Assert.Contains("no notification duty", e.Explanation, StringComparison.Ordinal);
        Assert.Contains("USD clearing", e.WhatWouldChange, StringComparison.Ordinal);
        Assert.Contains("subsidiary of a US entity", e.WhatWouldChange, StringComparison.Ordinal);
    }

    [Fact]
    public void Example1_overlay_on_gives_must_not_comply_and_a_30_day_Commission_report()
    {
        var d = Decide(Bank("DE", assume: "eu-blocking:ICC-EO14203"), Khan);
        Assert.Equal(LawAction.MustNotComply, d.Overall);
        Assert.False(d.Conflict);
        var e = Only(d, "eu-2271-96");
        Assert.Equal(LawAction.MustNotComply, e.Action);
        Assert.Equal("ICC-EO14203", e.Programme);
        Assert.Contains("Art 5(1)", e.Basis, StringComparison.Ordinal);
        Assert.Equal("European Commission", e.Report!.To);
        Assert.Equal(30, e.Report.WithinDays);
        Assert.Equal("calendar", e.Report.Days);
        Assert.Contains("Art 2", e.Report.Basis, StringComparison.Ordinal);
        Assert.Contains("hypothetical:eu-blocking:ICC-EO14203", e.Flags);
        Assert.Equal(LawAction.NotBinding, Only(d, "US-OFAC").Action);
    }

    [Fact]
    public void Example1_overlay_off_again_gives_not_binding()
    {
        Assert.Equal(LawAction.MustNotComply, Decide(Bank("DE", assume: "eu-blocking:ICC-EO14203"), Khan).Overall);
        Assert.Equal(LawAction.NotBinding, Decide(Bank("DE"), Khan).Overall);
    }

    [Fact]
    public void Example1_overlay_and_US_nexus_give_a_conflict()
    {
        var d = Decide(Bank("DE", usNexus: true, assume: "eu-blocking:ICC-EO14203"), Khan);
        Assert.Equal(LawAction.Freeze, d.Overall);
        Assert.True(d.Conflict);
        Assert.Equal(LawAction.Freeze, Only(d, "US-OFAC").Action);
        Assert.Equal(LawAction.MustNotComply, Only(d, "eu-2271-96").Action);
        Assert.Contains("Art 5(2)", Only(d, "eu-2271-96").Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Example1_US_nexus_on_gives_freeze_and_off_gives_not_binding()
    {
        Assert.Equal(LawAction.Freeze, Decide(Bank("DE", usNexus: true), Khan).Overall);
        Assert.Equal(LawAction.NotBinding, Decide(Bank("DE", usNexus: false), Khan).Overall);
    }

    [Fact]
    public void Example2_US_bank_freezes_Khan_and_reports_to_OFAC()
    {
        var d = Decide(Bank("US"), Khan);
        Assert.Equal(LawAction.Freeze, d.Overall);
        Assert.False(d.Unconfirmed);
        var e = Assert.Single(d.Entries);
        Assert.Equal("OFAC (31 CFR Part 501)", e.Report!.To);
        Assert.Equal(10, e.Report.WithinDays);
        Assert.Equal("business", e.Report.Days);
        Assert.True(e.Report.Unconfirmed); // Part 501 reporting: to verify
        Assert.Contains("GL 2-7", e.Explanation, StringComparison.Ordinal);
        Assert.Contains("50 Percent Rule", e.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Example2_EU_subsidiary_of_US_bank_is_a_US_person_for_EO14203()
    {
        var today = Decide(Bank("DE", usSubsidiary: true), Khan);
        Assert.Equal(LawAction.Freeze, today.Overall);
        Assert.False(today.Conflict);
        Assert.False(today.Unconfirmed);

        var overlay = Decide(Bank("DE", usSubsidiary: true, assume: "eu-blocking:ICC-EO14203"), Khan);
        Assert.Equal(LawAction.Freeze, overlay.Overall);
        Assert.True(overlay.Conflict);
    }

    [Fact]
    public void Example2_subsidiary_flag_does_not_reach_programmes_without_subsidiary_reach()
    {
        // SDGT (EO 13224) does not treat foreign subsidiaries as US persons.
        Assert.Equal(LawAction.NotBinding, Decide(Bank("DE", usSubsidiary: true), ZawahiriOfac).Overall);
    }

    [Fact]
    public void Example2_Albanese_is_enjoined_from_2026_05_13_and_flagged()
    {
        var before = Decide(Bank("US", Repo.D("2026-05-12")), Albanese);
        Assert.Equal(LawAction.Freeze, before.Overall);
        Assert.True(before.Unconfirmed);

        var enjoined = Decide(Bank("US", Repo.D("2026-05-13")), Albanese);
        Assert.Equal(LawAction.Inactive, enjoined.Overall);
        Assert.True(enjoined.Unconfirmed);
        var e = Assert.Single(enjoined.Entries);
        Assert.Contains("enjoined from 2026-05-13", e.Explanation, StringComparison.Ordinal);
        Assert.Contains("restored", e.Reason, StringComparison.Ordinal);
        Assert.Contains("review", e.Flags);

        Assert.Equal(LawAction.Inactive, Decide(Bank("US"), Albanese).Overall);
    }

    [Theory]
    [InlineData("eo14203-akane-tomoko")]
    [InlineData("eo14203-seye-abdoulaye")]
    public void Example2_Akane_and_Seye_freeze_flagged(string id)
    {
        var d = Decide(Bank("US"), Listing.Of("us-ofac-icc", id, ["ICC-EO14203"]));
        Assert.Equal(LawAction.Freeze, d.Overall);
        Assert.True(d.Unconfirmed);
        Assert.Contains("single secondary source", d.Entries[0].Reason, StringComparison.Ordinal);
        Assert.Equal(LawAction.Inactive, Decide(Bank("US", Repo.D("2026-08-17")), Listing.Of("us-ofac-icc", id, [])).Overall);
    }

    [Fact]
    public void Example2_Bensouda_delisted_2021_04_is_inactive()
    {
        var d = Decide(Bank("US"), Bensouda);
        Assert.Equal(LawAction.Inactive, d.Overall);
        Assert.Contains("delisted in 2021-04 (month only)", d.Entries[0].Explanation, StringComparison.Ordinal);

        // designated 2020-09-02 under EO 13928, revoked 2021-04-01
        Assert.Equal(LawAction.Freeze, Decide(Bank("US", Repo.D("2020-10-01")), Bensouda).Overall);
        Assert.Equal(LawAction.Inactive, Decide(Bank("US", Repo.D("2020-09-01")), Bensouda).Overall);
        Assert.Equal(LawAction.Inactive, Decide(Bank("US", Repo.D("2021-04-01")), Bensouda).Overall);
    }

    [Fact]
    public void Example2_Al_Haq_freeze_mentions_the_50_percent_rule()
    {
        var d = Decide(Bank("US"), AlHaq);
        Assert.Equal(LawAction.Freeze, d.Overall);
        Assert.True(d.Unconfirmed);
        Assert.Contains("50 Percent Rule", d.Entries[0].Explanation, StringComparison.Ordinal);
    }
}
