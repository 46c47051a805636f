using static Comity.Law.Tests.Scenario;

namespace Comity.Law.Tests.Rules;

/// <summary>Decisions that admit what they cannot see: a regime binding the screener whose list is not loaded, a
/// sample, stale or undated makes the overall action <c>unknown_coverage</c> (never <c>not_binding</c>), while a
/// known duty stays.</summary>
public sealed class CoverageTests
{
    // What the bundled default corpus holds, as of 2026-10-01 (data/sources.json minimums and maximum ages).
    private static readonly ListCoverage[] Bundled =
    [
        new("us-ofac-sdn", true, Repo.D("2024-07-02"), 15443, 8000, 7),
        new("un-sc", true, Repo.D("2026-02-27"), 1003, 500, 14),
        new("eu-fsf", true, Repo.D("2026-08-05"), 5, 1000, 7),
        new("gb-fcdo", true, Repo.D("2025-08-11"), 5302, 3000, 7),
        new("icc-warrants", true, null, 66, null, null),
    ];

    private static ListCoverage Fresh(string source, int entities) => new(source, true, D, entities, 100, 7);

    [Fact]
    public void A_German_bank_with_the_EU_sample_loaded_gets_unknown_coverage_naming_the_EU_list()
    {
        var gaps = Repo.Engine.Coverage(Bank("DE"), Bundled);
        var eu = Assert.Single(gaps, g => g.Regime == "EU");
        Assert.Equal("eu-fsf", eu.Source);
        Assert.Equal(CoverageReason.Incomplete, eu.Reason);
        Assert.Equal("incomplete", eu.ReasonName);
        Assert.Contains("5 entities", eu.Detail, StringComparison.Ordinal);
        var un = Assert.Single(gaps, g => g.Regime == "UN");
        Assert.Equal(CoverageReason.Stale, un.Reason);
        Assert.DoesNotContain(gaps, g => g.Regime is "UK" or "US-OFAC" or "ICC");

        // Putin's US listing alone says not_binding; with the gaps the overall action is unknown_coverage.
        var plain = Decide(Bank("DE"), PutinOfac);
        Assert.Equal(LawAction.NotBinding, plain.Overall);
        var d = LawEngine.WithCoverage(plain, gaps);
        Assert.Equal(LawAction.UnknownCoverage, d.Overall);
        Assert.Equal("unknown_coverage", d.Overall.ToWire());
        Assert.Equal(LawAction.NotBinding, Only(d, "US-OFAC").Action);
        Assert.Same(gaps, d.Coverage);
    }

    [Fact]
    public void With_a_full_current_EU_list_and_UN_list_the_same_profile_has_no_gap()
    {
        var gaps = Repo.Engine.Coverage(Bank("DE"), [Fresh("eu-fsf", 5000), Fresh("un-sc", 1000), Bundled[0], Bundled[3]]);
        Assert.Empty(gaps);
        Assert.Equal(LawAction.NotBinding, LawEngine.WithCoverage(Decide(Bank("DE"), PutinOfac), gaps).Overall);
    }

    [Fact]
    public void A_binding_list_that_is_not_loaded_or_undated_is_a_gap()
    {
        var gaps = Repo.Engine.Coverage(Bank("GB"), [new("gb-fcdo", false, null, 0, 3000, 7), new("gb-hmt-ofsi", true, null, 4686, 2000, 7), Fresh("un-sc", 1000)]);
        Assert.Equal([(CoverageReason.NotLoaded, "gb-fcdo"), (CoverageReason.Undated, "gb-hmt-ofsi")], gaps.Where(g => g.Regime == "UK").Select(g => (g.Reason, g.Source)));
    }

    [Fact]
    public void Staleness_is_judged_on_the_as_of_date_not_the_clock()
    {
        var un = new ListCoverage("un-sc", true, Repo.D("2026-02-27"), 1003, 500, 14);
        Assert.DoesNotContain(Repo.Engine.Coverage(Bank("DE", Repo.D("2026-03-01")), [un]), g => g.Regime == "UN");
        Assert.Contains(Repo.Engine.Coverage(Bank("DE", Repo.D("2026-03-14")), [un]), g => g.Regime == "UN" && g.Reason == CoverageReason.Stale);
    }

    [Fact]
    public void A_known_duty_stays_and_carries_the_gaps()
    {
        var gaps = Repo.Engine.Coverage(Bank("DE"), Bundled);
        var cuba = LawEngine.WithCoverage(Decide(Bank("DE"), BancoNacionalDeCuba), gaps);
        Assert.Equal(LawAction.MustNotComply, cuba.Overall);
        Assert.NotEmpty(cuba.Coverage);
        var warrant = LawEngine.WithCoverage(Decide(Bank("DE"), Warrant("icc-putin-vladimir")), gaps);
        Assert.Equal(LawAction.UnknownCoverage, warrant.Overall);
        var arrest = LawEngine.WithCoverage(Decide(Authority("DE"), Warrant("icc-putin-vladimir")), Repo.Engine.Coverage(Authority("DE"), Bundled));
        Assert.Equal(LawAction.Arrest, arrest.Overall);
    }

    [Fact]
    public void An_authority_needs_the_ICC_warrants_and_a_US_person_the_OFAC_lists()
    {
        Assert.Contains(Repo.Engine.Coverage(Authority("DE"), [new("icc-warrants", false, null, 0, null, null)]), g => g.Regime == "ICC" && g.Reason == CoverageReason.NotLoaded);
        Assert.DoesNotContain(Repo.Engine.Coverage(Bank("DE"), [new("icc-warrants", false, null, 0, null, null)]), g => g.Regime == "ICC");
        var us = Repo.Engine.Coverage(Bank("US"), Bundled);
        Assert.Contains(us, g => g.Regime == "US-OFAC" && g.Source == "us-ofac-sdn" && g.Reason == CoverageReason.Stale);
        Assert.DoesNotContain(us, g => g.Regime == "EU");
    }
}
