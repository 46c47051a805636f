namespace Comity.Law.Tests.Icc;

public sealed class PartyStatusTests
{
    // data/icc/README.md: "Counts this rule gives: 120 parties on 2012-02-01, 123 on 2015-04-01, 125 on 2025-01-01;
    // on 2026-10-01, 125 if Hungary's rescission is accepted, 124 if it is not."
    [Theory]
    [InlineData("2012-02-01", true, 120)]
    [InlineData("2015-04-01", true, 123)]
    [InlineData("2025-01-01", true, 125)]
    [InlineData("2026-10-01", true, 125)]
    [InlineData("2026-10-01", false, 124)]
    public void Counts_match_the_dataset_readme(string date, bool acceptRescission, int expected) =>
        Assert.Equal(expected, Repo.Engine.CountParties(Repo.D(date), acceptRescission));

    [Fact]
    public void Ukraine_becomes_a_party_on_entry_into_force_not_the_day_before()
    {
        // states-parties.csv: UA deposited 2024-10-25, entry_into_force 2025-01-01 (Art 126(2)).
        var before = Repo.Engine.PartyStatus("UA", Repo.D("2024-12-31"));
        var on = Repo.Engine.PartyStatus("UA", Repo.D("2025-01-01"));
        Assert.False(before.IsParty);
        Assert.StartsWith("not yet a party", before.Summary, StringComparison.Ordinal);
        Assert.True(on.IsParty);
        Assert.Equal(Repo.D("2025-01-01"), on.EntryIntoForce);
        Assert.True(on.Unconfirmed); // unconfirmed row within a year of entry into force
    }

    [Fact]
    public void Palestine_entry_into_force_edge()
    {
        Assert.False(Repo.Engine.PartyStatus("PS", Repo.D("2015-03-31")).IsParty);
        Assert.True(Repo.Engine.PartyStatus("PS", Repo.D("2015-04-01")).IsParty);
    }

    [Fact]
    public void Montenegro_succession_takes_effect_from_independence()
    {
        Assert.False(Repo.Engine.PartyStatus("ME", Repo.D("2006-06-02")).IsParty);
        Assert.True(Repo.Engine.PartyStatus("ME", Repo.D("2006-06-03")).IsParty);
    }

    [Fact]
    public void A_withdrawal_is_pending_only_from_its_notice()
    {
        // states-parties.csv: Burkina Faso notified 2026-06-24, effective 2027-06-24; Hungary notified 2025-06-02.
        var before = Repo.Engine.PartyStatus("BF", Repo.D("2026-06-23"));
        var notified = Repo.Engine.PartyStatus("BF", Repo.D("2026-06-24"));
        Assert.True(before.IsParty);
        Assert.False(before.PendingWithdrawal);
        Assert.Equal("party since 2004-07-01", before.Summary);
        Assert.True(notified.PendingWithdrawal);
        Assert.False(Repo.Engine.PartyStatus("HU", Repo.D("2024-05-26")).PendingWithdrawal);
        Assert.DoesNotContain("rescinded", Repo.Engine.PartyStatus("HU", Repo.D("2024-05-26")).Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Philippines_withdrawal_takes_effect_on_2019_03_17()
    {
        var pending = Repo.Engine.PartyStatus("PH", Repo.D("2019-03-16"));
        var gone = Repo.Engine.PartyStatus("PH", Repo.D("2019-03-17"));
        Assert.True(pending.IsParty);
        Assert.True(pending.PendingWithdrawal);
        Assert.False(gone.IsParty);
        Assert.True(gone.FormerParty);
        Assert.Equal(Repo.D("2019-03-17"), gone.WithdrawalEffective);
        Assert.Equal(Repo.D("2018-03-17"), gone.WithdrawalNotified);
    }

    [Fact]
    public void Burundi_withdrawal_takes_effect_on_2017_10_27()
    {
        Assert.True(Repo.Engine.PartyStatus("BI", Repo.D("2017-10-26")).IsParty);
        Assert.True(Repo.Engine.PartyStatus("BI", Repo.D("2017-10-27")).FormerParty);
    }

    [Theory]
    [InlineData("GM", "2017-02-10")]
    [InlineData("GM", "2026-10-01")]
    [InlineData("ZA", "2017-06-01")]
    [InlineData("ZA", "2026-10-01")]
    public void Rescinded_withdrawals_leave_the_state_a_party(string iso2, string date)
    {
        var s = Repo.Engine.PartyStatus(iso2, Repo.D(date));
        Assert.True(s.IsParty);
        Assert.False(s.FormerParty);
    }

    [Fact]
    public void Hungary_is_a_party_through_the_reported_rescission_and_flagged()
    {
        var s = Repo.Engine.PartyStatus("HU", Repo.D("2026-10-01"));
        Assert.True(s.IsParty);
        Assert.True(s.Unconfirmed);
        Assert.Equal(Repo.D("2026-05-29"), s.WithdrawalRescinded);
        Assert.Contains("REPORTED RESCINDED", s.Reason, StringComparison.Ordinal);

        var withoutRescission = Repo.Engine.PartyStatus("HU", Repo.D("2026-06-02"), acceptUnconfirmedRescissions: false);
        Assert.False(withoutRescission.IsParty);
        Assert.True(withoutRescission.FormerParty);
        Assert.True(Repo.Engine.PartyStatus("HU", Repo.D("2026-06-01"), acceptUnconfirmedRescissions: false).IsParty);
    }

    [Theory]
    [InlineData("NE", "2027-06-17", true)]
    [InlineData("NE", "2027-06-18", false)]
    [InlineData("BF", "2027-06-23", true)]
    [InlineData("BF", "2027-06-24", false)]
    [InlineData("VE", "2027-07-23", true)]
    [InlineData("VE", "2027-07-24", false)]
    [InlineData("TD", "2027-07-26", true)]
    [InlineData("TD", "2027-07-27", false)]
    public void Pending_2026_withdrawals_keep_parties_until_effective_and_are_flagged(string iso2, string date, bool party)
    {
        var s = Repo.Engine.PartyStatus(iso2, Repo.D(date));
        Assert.Equal(party, s.IsParty);
        Assert.Equal(!party, s.FormerParty);
        Assert.True(s.Unconfirmed);
    }

    [Fact]
    public void Germany_is_a_confirmed_party_since_2002_07_01()
    {
        var s = Repo.Engine.PartyStatus("DE", Repo.D("2026-10-01"));
        Assert.True(s.IsParty);
        Assert.False(s.Unconfirmed);
        Assert.Equal("party since 2002-07-01", s.Summary);
    }

    [Theory]
    [InlineData("US")]
    [InlineData("RU")]
    [InlineData("IL")]
    public void States_without_a_row_were_never_parties(string iso2)
    {
        var s = Repo.Engine.PartyStatus(iso2, Repo.D("2026-10-01"));
        Assert.False(s.IsParty);
        Assert.False(s.FormerParty);
        Assert.StartsWith("never a party", s.Summary, StringComparison.Ordinal);
    }
}
