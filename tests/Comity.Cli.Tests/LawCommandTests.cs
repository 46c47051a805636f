using System.Text.Json;

namespace Comity.Cli.Tests;

public class LawCommandTests(DefaultCorpusFixture corpus) : IClassFixture<DefaultCorpusFixture>
{
    private readonly DefaultCorpusFixture _corpus = corpus;

    [Fact]
    public void Obligations_resolves_a_typed_name_and_counts_the_states()
    {
        var r = Cli.Run("obligations", "Vladimir Putin", "--as-of", "2027-06-18", "--format", "json");
        Assert.True(r.Exit == 0, r.ToString());
        var doc = JsonDocument.Parse(r.Out).RootElement;
        Assert.Equal("icc-putin-vladimir", doc.GetProperty("warrant").GetProperty("id").GetString());
        Assert.Equal("Vladimir Putin", doc.GetProperty("query").GetString());
        var states = doc.GetProperty("states").EnumerateArray().ToDictionary(s => s.GetProperty("iso2").GetString()!);

        // Niger's withdrawal takes effect on 2027-06-18: former party, the warrant predates it → arrest under Art 127(2).
        Assert.Equal("arrest", states["NE"].GetProperty("action").GetString());
        Assert.Equal("arrest", states["DE"].GetProperty("action").GetString());
        Assert.Equal(1, doc.GetProperty("counts").GetProperty("must_arrest_art_127_2").GetInt32());
    }

    [Theory]
    [InlineData("Netanyahu", "icc-netanyahu-benjamin")]
    [InlineData("Netanjahu", "icc-netanyahu-benjamin")]
    [InlineData("Kony", "icc-kony-joseph")]
    [InlineData("vladimir putin", "icc-putin-vladimir")]
    public void Obligations_resolves_a_surname_or_a_misspelling_and_says_how(string query, string id)
    {
        var r = Cli.Run("obligations", query, "--as-of", "2026-10-01", "--format", "json");
        Assert.True(r.Exit == 0, r.ToString());
        var doc = JsonDocument.Parse(r.Out).RootElement;
        Assert.Equal(id, doc.GetProperty("warrant").GetProperty("id").GetString());
        var resolved = doc.GetProperty("resolved");
        Assert.Equal("matched", resolved.GetProperty("method").GetString());
        Assert.InRange(resolved.GetProperty("score").GetDouble(), 0.0, 1.0);
        Assert.Equal(id, resolved.GetProperty("candidates")[0].GetProperty("id").GetString());
        Assert.Contains(query, resolved.GetProperty("note").GetString(), StringComparison.Ordinal);

        var table = Cli.Run("obligations", query, "--as-of", "2026-10-01");
        Assert.True(table.Exit == 0, table.ToString());
        Assert.StartsWith($"Resolved: '{query}' resolved to ", table.Out, StringComparison.Ordinal);
    }

    /// <summary>A surname two warrant subjects share (Muammar and Saif al-Islam Gaddafi; also spelt Qadhafi) is not
    /// resolved to whichever scores higher: both are offered and the answer is "ask again with an id" (exit 1).</summary>
    [Theory]
    [InlineData("Gaddafi")]
    [InlineData("Qadhafi")]
    public void Obligations_on_a_surname_that_several_subjects_share_lists_them_all(string query)
    {
        var r = Cli.Run("obligations", query, "--as-of", "2026-10-01", "--format", "json");
        Assert.True(r.Exit == 1, r.ToString());
        var resolved = JsonDocument.Parse(r.Out).RootElement.GetProperty("resolved");
        Assert.Equal("ambiguous", resolved.GetProperty("method").GetString());
        var ids = resolved.GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("id").GetString()).ToHashSet();
        Assert.Contains("icc-gaddafi-muammar", ids);
        Assert.Contains("icc-gaddafi-saif-al-islam", ids);
        Assert.Contains("ask again with an id", resolved.GetProperty("note").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Obligations_by_id_is_exact()
    {
        var r = Cli.Run("obligations", "icc-kony-joseph", "--as-of", "2026-10-01", "--format", "json");
        Assert.True(r.Exit == 0, r.ToString());
        Assert.Equal("exact", JsonDocument.Parse(r.Out).RootElement.GetProperty("resolved").GetProperty("method").GetString());
    }

    [Fact]
    public void Obligations_for_someone_who_is_not_a_warrant_subject_exits_1_and_says_who_matched()
    {
        var r = Cli.Run("obligations", "Karim Khan", "--as-of", "2026-10-01", "--format", "json");
        Assert.True(r.Exit == 1, r.ToString());
        var doc = JsonDocument.Parse(r.Out).RootElement;
        Assert.Equal("not_found", doc.GetProperty("resolution").GetString());
        Assert.Equal("not_found", doc.GetProperty("resolved").GetProperty("method").GetString());
        Assert.Contains("Karim Asad Ahmad Khan", r.Err, StringComparison.Ordinal);
        Assert.Contains("not the subject of a warrant", r.Err, StringComparison.Ordinal);

        var nobody = Cli.Run("obligations", "Zebediah Quorn", "--as-of", "2026-10-01");
        Assert.True(nobody.Exit == 1, nobody.ToString());
        Assert.Contains("no ICC warrant subject matches 'Zebediah Quorn'", nobody.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Regimes_for_a_german_bank()
    {
        var r = Cli.Run("regimes", "--jurisdiction", "DE", "--role", "bank", "--as-of", "2026-10-01", "--format", "json");
        Assert.True(r.Exit == 0, r.ToString());
        var regimes = JsonDocument.Parse(r.Out).RootElement.GetProperty("regimes").EnumerateArray()
            .ToDictionary(x => x.GetProperty("regime").GetString()!, x => x.GetProperty("binds").GetBoolean());
        Assert.True(regimes["EU"]);
        Assert.False(regimes["US-OFAC"]);
    }

    [Fact]
    public void A_jurisdiction_may_be_a_country_name_in_another_language()
    {
        var german = Cli.Run("regimes", "--jurisdiction", "Deutschland", "--as-of", "2026-10-01", "--format", "json");
        var french = Cli.Run("regimes", "--jurisdiction", "Allemagne", "--as-of", "2026-10-01", "--format", "json");
        Assert.True(german.Exit == 0 && french.Exit == 0, german + "\n" + french);
        Assert.Equal(german.Out, french.Out);
        Assert.Equal("DE", JsonDocument.Parse(german.Out).RootElement.GetProperty("jurisdiction").GetString());
    }

    [Fact]
    public void Screen_with_a_profile_adds_a_decision_to_every_hit()
    {
        Assert.NotNull(_corpus);
        var r = Cli.RunWithInput("name,schema\nBANCO NACIONAL DE CUBA,Organization\n",
            "screen", "-", "--jurisdiction", "DE", "--role", "financial", "--as-of", "2026-10-01", "--limit", "1");
        Assert.True(r.Exit == 0, r.ToString());
        var hit = JsonDocument.Parse(r.Out).RootElement.GetProperty("hits")[0];
        Assert.Equal("us-ofac-sdn:306", hit.GetProperty("entity_id").GetString());
        var decision = hit.GetProperty("decision");
        Assert.Equal("must_not_comply", decision.GetProperty("action").GetString());
        Assert.Contains(decision.GetProperty("listings").EnumerateArray(), l =>
            l.GetProperty("action").GetString() == "must_not_comply"
            && l.GetProperty("report").GetProperty("within_days").GetInt32() == 30);
    }
}
