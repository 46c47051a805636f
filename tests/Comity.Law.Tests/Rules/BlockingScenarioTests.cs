using static Comity.Law.Tests.Scenario;

namespace Comity.Law.Tests.Rules;

/// <summary>LEGAL.md worked examples 3 and 4 (ITSR and CACR designees; blocking statutes).</summary>
public sealed class BlockingScenarioTests
{
    [Fact]
    public void Example3_EU_bank_ITSR_designee_must_not_comply_and_report_to_the_Commission()
    {
        var d = Decide(Bank("DE"), Naftiran);
        Assert.Equal(LawAction.MustNotComply, d.Overall);
        Assert.False(d.Conflict);
        Assert.True(d.Unconfirmed); // Annex itemisation: to verify
        var e = Only(d, "eu-2271-96");
        Assert.Equal("IRAN", e.Programme);
        Assert.Contains("Iranian Transactions and Sanctions Regulations, 31 CFR Part 560", e.Basis, StringComparison.Ordinal);
        Assert.Contains("Art 5(1)", e.Basis, StringComparison.Ordinal);
        Assert.Equal(("European Commission", 30), (e.Report!.To, e.Report.WithinDays!.Value));
        Assert.Contains("C-124/20", e.Explanation, StringComparison.Ordinal);
        Assert.Equal(LawAction.NotBinding, Only(d, "US-OFAC").Action);
    }

    [Fact]
    public void Example3_with_USD_clearing_freeze_and_must_not_comply_conflict()
    {
        var d = Decide(Bank("DE", usNexus: true), Naftiran);
        Assert.Equal(LawAction.Freeze, d.Overall);
        Assert.True(d.Conflict);
        Assert.Contains("Art 5(2)", Only(d, "eu-2271-96").Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Example3_listing_not_based_on_an_annex_measure_is_not_binding()
    {
        var d = Decide(Bank("DE"), ZawahiriOfac);
        Assert.Equal(LawAction.NotBinding, d.Overall);
        Assert.Single(d.Entries);
        Assert.Contains("SDGT", d.Entries[0].Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Example3_only_the_annexed_programme_of_a_multi_programme_listing_is_blocked()
    {
        var d = Decide(Bank("DE"), BankMarkazi);
        Assert.Equal(LawAction.MustNotComply, d.Overall);
        Assert.Equal("IRAN", Only(d, "eu-2271-96").Programme);
        Assert.Equal("IRAN, SDGT, IRGC, IFSR", Only(d, "US-OFAC").Programme);
    }

    [Fact]
    public void Example3_ITSR_entered_the_annex_on_2018_08_07()
    {
        Assert.Equal(LawAction.NotBinding, Decide(Bank("DE", Repo.D("2018-08-06")), Naftiran).Overall);
        Assert.Equal(LawAction.MustNotComply, Decide(Bank("DE", Repo.D("2018-08-07")), Naftiran).Overall);
    }

    [Fact]
    public void Example4_EU_bank_CACR_designee_must_not_comply()
    {
        var d = Decide(Bank("DE"), BancoNacionalDeCuba);
        Assert.Equal(LawAction.MustNotComply, d.Overall);
        var e = Only(d, "eu-2271-96");
        Assert.Equal("CUBA", e.Programme);
        Assert.Contains("Cuban Assets Control Regulations, 31 CFR Part 515", e.Basis, StringComparison.Ordinal);
        Assert.Contains("Art 4", e.Basis, StringComparison.Ordinal);
        Assert.Contains("Art 6", e.Basis, StringComparison.Ordinal);
        Assert.Equal(30, e.Report!.WithinDays);
        Assert.Equal("us-ofac-sdn:306", e.ListingId);
    }

    [Fact]
    public void Example4_UK_entity_must_not_comply_under_the_retained_copy()
    {
        var d = Decide(Bank("GB"), BancoNacionalDeCuba);
        Assert.Equal(LawAction.MustNotComply, d.Overall);
        var e = Only(d, "gb-retained-2271-96");
        Assert.True(e.Unconfirmed);
        Assert.Equal("Secretary of State (UK)", e.Report!.To);
        Assert.DoesNotContain(d.Entries, x => x.Regime == "eu-2271-96");
    }

    [Fact]
    public void UK_before_2021_is_under_the_EU_statute_during_the_transition()
    {
        var d = Decide(Bank("GB", Repo.D("2020-12-31")), BancoNacionalDeCuba);
        Assert.Equal(LawAction.MustNotComply, Only(d, "eu-2271-96").Action);
        Assert.DoesNotContain(d.Entries, x => x.Regime == "gb-retained-2271-96");
        var after = Decide(Bank("GB", Repo.D("2021-01-01")), BancoNacionalDeCuba);
        Assert.Equal(LawAction.MustNotComply, Only(after, "gb-retained-2271-96").Action);
        Assert.DoesNotContain(after.Entries, x => x.Regime == "eu-2271-96");
    }

    [Fact]
    public void Example4_Canadian_corporation_must_not_comply_and_notify_the_Attorney_General_forthwith()
    {
        var d = Decide(new ScreenerProfile("CA", Role.Business, D), BancoNacionalDeCuba);
        Assert.Equal(LawAction.MustNotComply, d.Overall);
        var e = Only(d, "ca-fema-1992");
        Assert.Equal("Attorney General of Canada", e.Report!.To);
        Assert.Equal("forthwith", e.Report.When);
        Assert.Null(e.Report.WithinDays);
        Assert.True(e.Unconfirmed);
    }

    [Fact]
    public void Canada_FEMA_order_covers_Cuba_measures_only()
    {
        Assert.Equal(LawAction.NotBinding, Decide(new ScreenerProfile("CA", Role.Business, D), Naftiran).Overall);
    }

    [Fact]
    public void US_nexus_on_and_off_for_a_CACR_designee()
    {
        Assert.False(Decide(Bank("FR"), BancoNacionalDeCuba).Conflict);
        var nexus = Decide(Bank("FR", usNexus: true), BancoNacionalDeCuba);
        Assert.True(nexus.Conflict);
        Assert.Equal(LawAction.Freeze, nexus.Overall);
    }

    [Fact]
    public void A_US_bank_is_bound_by_no_blocking_statute()
    {
        var d = Decide(Bank("US"), BancoNacionalDeCuba);
        Assert.Equal(LawAction.Freeze, d.Overall);
        Assert.Single(d.Entries);
    }
}
