using System.Text.Json;

namespace Comity.Cli.Tests;

public class LawCommandTests
{
    [Fact]
    public void Obligations_resolves_a_typed_name_and_counts_the_states()
    {
        var (exit, stdout, stderr) = ComityProcess.Run("obligations", "Vladimir Putin", "--as-of", "2027-06-18", "--format", "json");
        Assert.True(exit == 0, stderr);
        var doc = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal("icc-putin-vladimir", doc.GetProperty("warrant").GetProperty("id").GetString());
        var states = doc.GetProperty("states").EnumerateArray().ToDictionary(s => s.GetProperty("iso2").GetString()!);

        // Niger's withdrawal takes effect on 2027-06-18: former party, the warrant predates it → arrest under Art 127(2).
        Assert.Equal("arrest", states["NE"].GetProperty("action").GetString());
        Assert.Equal("arrest", states["DE"].GetProperty("action").GetString());
        Assert.Equal(1, doc.GetProperty("counts").GetProperty("must_arrest_art_127_2").GetInt32());
    }

    [Fact]
    public void Regimes_for_a_german_bank()
    {
        var (exit, stdout, stderr) = ComityProcess.Run("regimes", "--jurisdiction", "DE", "--role", "financial", "--as-of", "2026-10-01", "--format", "json");
        Assert.True(exit == 0, stderr);
        var regimes = JsonDocument.Parse(stdout).RootElement.GetProperty("regimes").EnumerateArray()
            .ToDictionary(r => r.GetProperty("regime").GetString()!, r => r.GetProperty("binds").GetBoolean());
        Assert.True(regimes["EU"]);
        Assert.False(regimes["US-OFAC"]);
    }

    [Fact]
    public void Screen_with_a_profile_adds_a_decision_to_every_hit()
    {
        var (exit, stdout, stderr) = ComityProcess.RunWithInput("name,schema\nBANCO NACIONAL DE CUBA,Organization\n",
            "screen", "-", "--jurisdiction", "DE", "--role", "financial", "--as-of", "2026-10-01", "--limit", "1");
        Assert.True(exit == 0, stderr);
        var hit = JsonDocument.Parse(stdout).RootElement.GetProperty("hits")[0];
        Assert.Equal("us-ofac-sdn:306", hit.GetProperty("entity_id").GetString());
        var decision = hit.GetProperty("decision");
        Assert.Equal("must_not_comply", decision.GetProperty("action").GetString());
        Assert.Contains(decision.GetProperty("listings").EnumerateArray(), l =>
            l.GetProperty("action").GetString() == "must_not_comply"
            && l.GetProperty("report").GetProperty("within_days").GetInt32() == 30);
    }

    [Fact]
    public void An_unknown_assumption_is_refused_with_the_known_ones()
    {
        var (exit, _, stderr) = ComityProcess.RunWithInput("name\nX\n", "screen", "-", "--jurisdiction", "DE", "--assume", "no-such-overlay");
        Assert.Equal(2, exit);
        Assert.Contains("eu-blocking:ICC-EO14203", stderr, StringComparison.Ordinal);
    }
}
