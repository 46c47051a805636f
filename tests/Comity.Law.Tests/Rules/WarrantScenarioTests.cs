using static Comity.Law.Tests.Scenario;

namespace Comity.Law.Tests.Rules;

/// <summary>LEGAL.md worked examples 5 and 6 (ICC warrants) and their date edges.</summary>
public sealed class WarrantScenarioTests
{
    private static readonly Listing Putin = Warrant("icc-putin-vladimir");

    [Fact]
    public void Example5_border_authority_of_Germany_must_arrest_Putin()
    {
        var d = Decide(Authority("DE"), Putin);
        Assert.Equal(LawAction.Arrest, d.Overall);
        Assert.False(d.Unconfirmed); // warrant row and German party status are confirmed
        var e = Assert.Single(d.Entries);
        Assert.Equal("ICC", e.Regime);
        Assert.Equal("icc-putin-vladimir", e.Programme);
        Assert.Contains("Arts 86, 89(1)", e.Basis, StringComparison.Ordinal);
        Assert.Contains("59", e.Basis, StringComparison.Ordinal);
        Assert.Contains("92", e.Basis, StringComparison.Ordinal);
        Assert.Contains("97", e.Basis, StringComparison.Ordinal);
        Assert.Contains("Arts 27, 98(1)", e.Basis, StringComparison.Ordinal);
        Assert.Contains("party since 2002-07-01", e.Explanation, StringComparison.Ordinal);
        Assert.Contains("under seal", Assert.Single(d.Notes), StringComparison.Ordinal);
    }

    [Fact]
    public void Example5_Niger_on_2027_06_17_is_still_a_party_flagged()
    {
        var e = Assert.Single(Decide(Authority("NE", Repo.D("2027-06-17")), Putin).Entries);
        Assert.Equal(LawAction.Arrest, e.Action);
        Assert.True(e.Unconfirmed);
        Assert.DoesNotContain("Art 127(2)", e.Flags);
        Assert.Contains("Art 127(1)", e.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Example5_Niger_on_2027_06_18_arrest_with_the_Art_127_2_flag()
    {
        var e = Assert.Single(Decide(Authority("NE", Repo.D("2027-06-18")), Putin).Entries);
        Assert.Equal(LawAction.Arrest, e.Action);
        Assert.True(e.Unconfirmed);
        Assert.Contains("Art 127(2)", e.Flags);
        Assert.Contains("Art 127(2)", e.Basis, StringComparison.Ordinal);
        Assert.Contains("confirm with the Court", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Example5_Hungary_arrest_flagged_with_the_no_rescission_alternative()
    {
        var e = Assert.Single(Decide(Authority("HU"), Putin).Entries);
        Assert.Equal(LawAction.Arrest, e.Action);
        Assert.True(e.Unconfirmed);
        Assert.Contains("former party from 2026-06-02", e.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Example5_Deif_is_inactive_and_routed_to_review()
    {
        var d = Decide(Authority("DE"), Warrant("icc-al-masri-mohammed"));
        Assert.Equal(LawAction.Inactive, d.Overall);
        var e = d.Entries[0];
        Assert.Contains("review", e.Flags);
        Assert.Contains("without prejudice if he is found alive", e.Reason, StringComparison.Ordinal);
        Assert.True(d.Unconfirmed);
    }

    [Fact]
    public void Saif_Gaddafi_reported_death_is_inactive_flagged_for_review()
    {
        var e = Decide(Authority("DE"), Warrant("icc-gaddafi-saif-al-islam")).Entries[0];
        Assert.Equal(LawAction.Inactive, e.Action);
        Assert.True(e.Unconfirmed);
        Assert.Contains("review", e.Flags);
    }

    [Fact]
    public void Example5_Duterte_surrendered_is_inactive()
    {
        var e = Decide(Authority("DE"), Warrant("icc-duterte-rodrigo")).Entries[0];
        Assert.Equal(LawAction.Inactive, e.Action);
        Assert.Contains("surrendered_on_trial", e.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Withdrawn_summons_is_inactive()
    {
        // icc-kenyatta-uhuru: summons, withdrawn 2015-03-13
        Assert.Equal(LawAction.Inactive, Decide(Authority("KE"), Warrant("icc-kenyatta-uhuru")).Overall);
    }

    [Fact]
    public void Warrant_not_yet_issued_on_the_date_is_inactive()
    {
        Assert.Equal(LawAction.Inactive, Decide(Authority("DE", Repo.D("2023-03-16")), Putin).Overall);
        Assert.Equal(LawAction.Arrest, Decide(Authority("DE", Repo.D("2023-03-17")), Putin).Overall);
    }

    [Fact]
    public void Ukraine_arrest_duty_starts_with_party_status()
    {
        // Instrument deposited 2024-10-25, Statute in force for Ukraine from 2025-01-01: party status not yet in force.
        var before = Assert.Single(Decide(Authority("UA", Repo.D("2024-12-31")), Putin).Entries);
        Assert.Equal(LawAction.Inactive, before.Action);
        Assert.Contains("2025-01-01", before.WhatWouldChange, StringComparison.Ordinal);
        Assert.Equal(LawAction.Arrest, Decide(Authority("UA", Repo.D("2025-01-01")), Putin).Overall);
    }

    [Fact]
    public void Gambia_after_rescinding_its_withdrawal_must_arrest()
    {
        Assert.Equal(LawAction.Arrest, Decide(Authority("GM"), Putin).Overall);
    }

    [Fact]
    public void Chad_arrest_carries_the_Art_98_2_flag()
    {
        var e = Decide(Authority("TD"), Putin).Entries[0];
        Assert.Equal(LawAction.Arrest, e.Action);
        Assert.Contains(e.Flags, f => f.StartsWith("Art 98(2)", StringComparison.Ordinal));
    }

    [Fact]
    public void Example6_US_authority_is_not_bound()
    {
        var e = Assert.Single(Decide(Authority("US"), Putin).Entries);
        Assert.Equal(LawAction.NotBinding, e.Action);
        Assert.Contains("Art 87(5)", e.Basis, StringComparison.Ordinal);
        Assert.Contains("becoming a party", e.WhatWouldChange, StringComparison.Ordinal);
    }

    [Fact]
    public void Philippines_former_party_is_not_bound_by_a_warrant_issued_after_its_withdrawal()
    {
        // Withdrawal effective 2019-03-17; the Putin warrant is of 2023-03-17 and concerns Ukraine: Art 127(2) not engaged.
        var e = Assert.Single(Decide(Authority("PH"), Putin).Entries);
        Assert.Equal(LawAction.Inactive, e.Action);
        Assert.DoesNotContain("Art 127(2)", e.Flags);
    }

    [Fact]
    public void Sudan_is_bound_for_Darfur_by_the_Security_Council_referral_flagged()
    {
        var e = Decide(Authority("SD"), Warrant("icc-harun-ahmad")).Entries[0];
        Assert.Equal(LawAction.Arrest, e.Action);
        Assert.True(e.Unconfirmed);
        Assert.Contains("Res. 1593", e.Basis, StringComparison.Ordinal);
        Assert.Equal(LawAction.NotBinding, Decide(Authority("SD"), Putin).Overall);
    }

    [Fact]
    public void Libya_Art_12_3_declaration_covers_Libya_warrants_flagged()
    {
        var e = Decide(Authority("LY"), Warrant("icc-elshgagi-abdurahem")).Entries[0];
        Assert.Equal(LawAction.Arrest, e.Action);
        Assert.True(e.Unconfirmed);
        Assert.Contains("Art 12(3)", e.Basis, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Role.Financial)]
    [InlineData(Role.Business)]
    public void Private_screener_active_warrant_is_enhanced_due_diligence_not_freeze(Role role)
    {
        var e = Assert.Single(Decide(new ScreenerProfile("DE", role, D), Putin).Entries);
        Assert.Equal(LawAction.EnhancedDueDiligence, e.Action);
        Assert.Null(e.Report);
        Assert.Contains("not an asset-freeze obligation", e.Explanation, StringComparison.Ordinal);
        Assert.Contains("93(1)(k)", e.Basis, StringComparison.Ordinal);
    }
}
