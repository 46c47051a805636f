using System.Text.Json;
using Comity.Application.Law;
using Comity.Law;

namespace Comity.Application.Tests.Law;

public sealed class LawJsonTests
{
    [Fact]
    public void Conflict_decision_has_the_documented_wire_shape()
    {
        // LEGAL.md example 1: German bank, Karim A.A. Khan (EO 14203), overlay on and USD clearing.
        var profile = new ScreenerProfile("DE", Role.Financial, LawFixture.D("2026-10-01"), UsNexus: true,
            Assumptions: new HashSet<string>(["eu-blocking:ICC-EO14203"], StringComparer.Ordinal));
        var decision = LawFixture.Engine.Decide(profile, [Listing.Of("us-ofac-icc", "eo14203-khan-karim", ["ICC-EO14203"])]);
        using var doc = JsonDocument.Parse(LawJson.Serialize(decision));
        var root = doc.RootElement;
        Assert.Equal("freeze", root.GetProperty("action").GetString());
        Assert.True(root.GetProperty("conflict").GetBoolean());
        Assert.False(root.GetProperty("unconfirmed").GetBoolean());
        Assert.Equal("financial", root.GetProperty("profile").GetProperty("role").GetString());
        Assert.Equal("2026-10-01", root.GetProperty("profile").GetProperty("as_of").GetString());
        Assert.Equal("eu-blocking:ICC-EO14203", root.GetProperty("profile").GetProperty("assumptions")[0].GetString());

        var listings = root.GetProperty("listings");
        Assert.Equal(2, listings.GetArrayLength());
        var us = listings[0];
        Assert.Equal("us-ofac-icc:eo14203-khan-karim", us.GetProperty("listing_id").GetString());
        Assert.Equal("US-OFAC", us.GetProperty("regime").GetString());
        Assert.Equal("ICC-EO14203", us.GetProperty("programme").GetString());
        Assert.Equal("freeze", us.GetProperty("action").GetString());
        Assert.Equal("OFAC (31 CFR Part 501)", us.GetProperty("report").GetProperty("to").GetString());
        Assert.Equal(10, us.GetProperty("report").GetProperty("within_days").GetInt32());
        Assert.Equal("business", us.GetProperty("report").GetProperty("days").GetString());

        var eu = listings[1];
        Assert.Equal("eu-2271-96", eu.GetProperty("regime").GetString());
        Assert.Equal("must_not_comply", eu.GetProperty("action").GetString());
        Assert.Equal("European Commission", eu.GetProperty("report").GetProperty("to").GetString());
        Assert.Equal(30, eu.GetProperty("report").GetProperty("within_days").GetInt32());
        Assert.Equal(JsonValueKind.False, eu.GetProperty("unconfirmed").ValueKind);
        Assert.Equal(JsonValueKind.Null, eu.GetProperty("reason").ValueKind);
        Assert.Equal("hypothetical:eu-blocking:ICC-EO14203", eu.GetProperty("flags")[0].GetString());
    }

    [Fact]
    public void Not_binding_entry_has_null_report_and_what_would_change()
    {
        var decision = LawFixture.Engine.Decide(new ScreenerProfile("DE", Role.Financial, LawFixture.D("2026-10-01")),
            [Listing.Of("us-ofac-icc", "eo14203-khan-karim", [])]);
        using var doc = JsonDocument.Parse(LawJson.Serialize(decision, indented: false));
        var e = doc.RootElement.GetProperty("listings")[0];
        Assert.Equal("not_binding", e.GetProperty("action").GetString());
        Assert.Equal(JsonValueKind.Null, e.GetProperty("report").ValueKind);
        Assert.Contains("USD clearing", e.GetProperty("what_would_change").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Obligations_report_json_carries_counts_and_state_rows()
    {
        var report = LawFixture.Engine.Obligations("icc-putin-vladimir", LawFixture.D("2027-06-18"));
        using var doc = JsonDocument.Parse(LawJson.Serialize(report));
        var root = doc.RootElement;
        Assert.Equal("found", root.GetProperty("resolution").GetString());
        Assert.Equal("icc-putin-vladimir", root.GetProperty("warrant").GetProperty("id").GetString());
        Assert.Equal(124, root.GetProperty("counts").GetProperty("parties").GetInt32());
        Assert.Equal(125, root.GetProperty("counts").GetProperty("must_arrest").GetInt32());
        Assert.Equal(1, root.GetProperty("counts").GetProperty("must_arrest_art_127_2").GetInt32());
        var ne = root.GetProperty("states").EnumerateArray().Single(s => s.GetProperty("iso2").GetString() == "NE");
        Assert.Equal("arrest", ne.GetProperty("action").GetString());
        Assert.True(ne.GetProperty("party").GetProperty("former_party").GetBoolean());
        Assert.Equal("2027-06-18", ne.GetProperty("party").GetProperty("withdrawal_effective").GetString());
        Assert.Equal("Art 127(2)", ne.GetProperty("flags")[0].GetString());
        Assert.Equal(0, ne.GetProperty("non_compliance").GetArrayLength());
        Assert.Equal(5, root.GetProperty("counts").GetProperty("non_compliance").GetInt32());
        var hu = root.GetProperty("states").EnumerateArray().Single(s => s.GetProperty("iso2").GetString() == "HU").GetProperty("non_compliance")[0];
        Assert.Equal("2025-07", hu.GetProperty("finding").GetString());
        Assert.Equal("2025-07-24", hu.GetProperty("counts_from").GetString());
        Assert.Equal("icc-netanyahu-benjamin", hu.GetProperty("warrant_id").GetString());
        Assert.Equal("referred_asp", hu.GetProperty("outcome").GetString());
        Assert.True(hu.GetProperty("unconfirmed").GetBoolean());
    }

    [Fact]
    public void Regimes_report_json_lists_blocked_measures()
    {
        var report = LawFixture.Engine.Regimes(new ScreenerProfile("DE", Role.Financial, LawFixture.D("2026-10-01")));
        using var doc = JsonDocument.Parse(LawJson.Serialize(report));
        var root = doc.RootElement;
        Assert.True(root.GetProperty("eu_law_applies").GetBoolean());
        Assert.Equal(8, root.GetProperty("blocked_measures").GetArrayLength());
        var itsr = root.GetProperty("blocked_measures").EnumerateArray().Single(m => m.GetProperty("measure").GetString() == "us-itsr");
        Assert.Equal("2018-08-07", itsr.GetProperty("from").GetString());
        Assert.True(root.GetProperty("icc_party").GetProperty("is_party").GetBoolean());
    }
}
