using System.Text.Json;

namespace Comity.Cli.Tests;

/// <summary>Issue 12's example: a German bank screening Vladimir Putin against the bundled corpus, whose EU file is a
/// 5-entity excerpt, must not hear <c>not_binding</c>: it hears <c>unknown_coverage</c> naming the EU list, in the
/// hit's decision, in the row's <c>coverage</c> list and once on standard error.</summary>
public sealed class CoverageCommandTests(DefaultCorpusFixture corpus) : IClassFixture<DefaultCorpusFixture>
{
    private readonly DefaultCorpusFixture _corpus = corpus;

    [Fact]
    public void A_German_bank_screening_Putin_gets_unknown_coverage_naming_the_EU_sample()
    {
        Assert.NotNull(_corpus);
        var r = Cli.RunWithInput("name\nVladimir Putin\nNobody Atall Xyzzy\n", "screen", "-", "--jurisdiction", "DE", "--role", "financial", "--as-of", "2026-10-01");
        Assert.True(r.Exit == 0, r.ToString());
        var gapLines = r.ErrLines.Where(l => l.StartsWith("comity: coverage gap:", StringComparison.Ordinal)).ToArray();
        Assert.Contains(gapLines, l => l.Contains("EU binds this screener but eu-fsf holds 5 entities", StringComparison.Ordinal));
        Assert.Equal(gapLines.Length, gapLines.Distinct(StringComparer.Ordinal).Count());

        var rows = r.Lines.Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        var putin = rows[0];
        var hit = putin.GetProperty("hits")[0];
        Assert.True(hit.GetProperty("match").GetBoolean());
        var decision = hit.GetProperty("decision");
        Assert.Equal("unknown_coverage", decision.GetProperty("action").GetString());
        Assert.DoesNotContain(decision.GetProperty("listings").EnumerateArray(), l => l.GetProperty("action").GetString() == "unknown_coverage");
        Assert.Contains(decision.GetProperty("coverage").EnumerateArray(), c => c.GetProperty("regime").GetString() == "EU" && c.GetProperty("list").GetString() == "eu-fsf" && c.GetProperty("reason").GetString() == "incomplete");
        Assert.Contains(putin.GetProperty("coverage").EnumerateArray(), c => c.GetProperty("list").GetString() == "eu-fsf");

        // A row with no hit is not a clean "no hit" either: its coverage list says what was not seen.
        var nobody = rows[1];
        Assert.Equal(0, nobody.GetProperty("hits").GetArrayLength());
        Assert.Contains(nobody.GetProperty("coverage").EnumerateArray(), c => c.GetProperty("regime").GetString() == "EU");
    }

    [Fact]
    public void Without_a_profile_rows_carry_no_coverage_and_a_known_duty_keeps_its_action()
    {
        var plain = Cli.RunWithInput("name\nVladimir Putin\n", "screen", "-", "--limit", "1");
        Assert.False(JsonDocument.Parse(plain.Lines[0]).RootElement.TryGetProperty("coverage", out _));
        Assert.DoesNotContain("coverage gap", plain.Err, StringComparison.Ordinal);

        var cuba = Cli.RunWithInput("name\nBANCO NACIONAL DE CUBA\n", "screen", "-", "--jurisdiction", "DE", "--as-of", "2026-10-01", "--limit", "1");
        var decision = JsonDocument.Parse(cuba.Lines[0]).RootElement.GetProperty("hits")[0].GetProperty("decision");
        Assert.Equal("must_not_comply", decision.GetProperty("action").GetString());
        Assert.NotEqual(0, decision.GetProperty("coverage").GetArrayLength());
    }

    [Fact]
    public void Lists_shows_every_data_date_its_age_and_whether_it_is_stale_or_a_sample()
    {
        var r = Cli.Run("lists", "--as-of", "2026-12-02");
        Assert.True(r.Exit == 0, r.ToString());
        string Row(string source) => r.Lines.Single(l => l.StartsWith(source + " ", StringComparison.Ordinal));
        Assert.Contains("2024-07-02   documented", Row("us-ofac-sdn"), StringComparison.Ordinal);
        Assert.Contains("883d", Row("us-ofac-sdn"), StringComparison.Ordinal);
        Assert.Contains("stale (max 7d)", Row("us-ofac-sdn"), StringComparison.Ordinal);
        Assert.Contains("2025-08-11", Row("gb-fcdo"), StringComparison.Ordinal);
        Assert.Contains("newest listing", Row("icc-warrants"), StringComparison.Ordinal);
        Assert.Contains("sample (min 1,000)", Row("eu-fsf"), StringComparison.Ordinal);
        Assert.Contains("2022-04-21", Row("us-trade-csl"), StringComparison.Ordinal);
        foreach (var line in r.Lines.Where(l => !l.StartsWith(' ') && l.Contains("bundled", StringComparison.Ordinal)))
        {
            Assert.DoesNotContain("   -   ", line[..80], StringComparison.Ordinal);
        }
    }
}
