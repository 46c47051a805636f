namespace Comity.Law.Tests.Reports;

public sealed class ObligationsReportTests
{
    [Fact]
    public void Putin_on_2026_10_01_every_party_must_arrest()
    {
        var r = Repo.Engine.Obligations("icc-putin-vladimir", Repo.D("2026-10-01"));
        Assert.Equal(WarrantResolution.Found, r.Resolution);
        Assert.Equal("Vladimir Vladimirovich Putin", r.Warrant!.Name);
        Assert.Equal("at_large", r.Warrant.Status);
        Assert.Equal(125, r.Counts.Parties);
        Assert.Equal(125, r.Counts.MustArrest);
        Assert.Equal(0, r.Counts.MustArrestArt127);
        // 127 states-parties rows + LY and SD (cooperation bases): Burundi, the Philippines, Libya, Sudan not bound.
        Assert.Equal(129, r.States.Count);
        Assert.Equal(["BI", "LY", "PH", "SD"], r.States.Where(s => s.Action != LawAction.Arrest).Select(s => s.Iso2));
        var de = Assert.Single(r.States, s => s.Iso2 == "DE");
        Assert.False(de.Unconfirmed);
        Assert.Equal("Germany", de.Name);
        var hu = Assert.Single(r.States, s => s.Iso2 == "HU");
        Assert.True(hu.Unconfirmed);
        Assert.Contains(r.Notes, n => n.Contains("under seal", StringComparison.Ordinal));
    }

    [Fact]
    public void Mongolia_carries_its_Art_87_7_finding_from_the_day_it_was_made()
    {
        var before = Repo.Engine.Obligations("Putin", Repo.D("2024-10-23"));
        var after = Repo.Engine.Obligations("Putin", Repo.D("2024-10-25"));
        Assert.Empty(Assert.Single(before.States, s => s.Iso2 == "MN").NonCompliance);
        var mn = Assert.Single(after.States, s => s.Iso2 == "MN");
        var f = Assert.Single(mn.NonCompliance);
        Assert.Equal(("2024-10-24", "icc-putin-vladimir", "referred_asp", true), (f.Finding, f.WarrantId, f.Outcome, f.Unconfirmed));
        Assert.Contains("Putin", f.Matter, StringComparison.Ordinal);
        Assert.StartsWith("Art 87(7) non-compliance finding 2024-10-24", f.Summary, StringComparison.Ordinal);

        // The finding records conduct; it changes neither Mongolia's duty nor its verification.
        var was = Assert.Single(before.States, s => s.Iso2 == "MN");
        Assert.Equal(LawAction.Arrest, mn.Action);
        Assert.Equal((was.Action, was.Basis, was.Explanation, was.Unconfirmed, was.Reason), (mn.Action, mn.Basis, mn.Explanation, mn.Unconfirmed, mn.Reason));
        Assert.Equal(was.Flags, mn.Flags);

        // Chad (2013) and South Africa (2017) before; Hungary (Jul 2025) and Italy (Oct 2025) not yet.
        Assert.Equal(2, before.Counts.NonCompliance);
        Assert.Equal(3, after.Counts.NonCompliance);
        Assert.Equal(["MN", "TD", "ZA"], after.States.Where(s => s.NonCompliance.Count > 0).Select(s => s.Iso2));
        Assert.Contains(after.Notes, n => n.Contains("Art 87(7)", StringComparison.Ordinal));
    }

    [Fact]
    public void Putin_on_2027_06_18_Niger_is_a_former_party_bound_under_Art_127_2()
    {
        var r = Repo.Engine.Obligations("Putin", Repo.D("2027-06-18"));
        Assert.Equal(124, r.Counts.Parties);
        Assert.Equal(125, r.Counts.MustArrest);
        Assert.Equal(1, r.Counts.MustArrestArt127);
        var ne = Assert.Single(r.States, s => s.Iso2 == "NE");
        Assert.Equal(LawAction.Arrest, ne.Action);
        Assert.Contains("Art 127(2)", ne.Flags);
    }

    [Theory]
    [InlineData("vladimir vladimirovich putin")]
    [InlineData("VLADIMIR  VLADIMIROVICH   PUTIN")]
    [InlineData("ICC-PUTIN-VLADIMIR")]
    public void Name_id_and_alias_match_ignoring_case_and_spacing(string query) =>
        Assert.Equal("icc-putin-vladimir", Repo.Engine.Obligations(query, Repo.D("2026-10-01")).Warrant!.Id);

    [Fact]
    public void Diacritics_are_ignored()
    {
        // warrants.csv: icc-ble-goude-charles, "Charles Blé Goudé"
        Assert.Equal("icc-ble-goude-charles", Repo.Engine.Obligations("Charles Ble Goude", Repo.D("2026-10-01")).Warrant!.Id);
    }

    [Fact]
    public void No_fuzzy_matching()
    {
        var r = Repo.Engine.Obligations("Vladimir Putn", Repo.D("2026-10-01"));
        Assert.Equal(WarrantResolution.NotFound, r.Resolution);
        Assert.Null(r.Warrant);
    }

    [Fact]
    public void Executed_warrant_leaves_every_state_inactive()
    {
        var r = Repo.Engine.Obligations("icc-duterte-rodrigo", Repo.D("2026-10-01"));
        Assert.All(r.States, s => Assert.Equal(LawAction.Inactive, s.Action));
        Assert.Equal(0, r.Counts.MustArrest);
    }
}
