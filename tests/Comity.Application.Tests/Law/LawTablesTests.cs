using Comity.Application.Law;
using Comity.Law;

namespace Comity.Application.Tests.Law;

public sealed class LawTablesTests
{
    [Fact]
    public void Obligations_table_has_a_header_a_row_per_state_and_counts()
    {
        var text = LawTables.Obligations(LawFixture.Engine.Obligations("Putin", LawFixture.D("2026-10-01")));
        var lines = text.Split('\n');
        Assert.Equal("Vladimir Vladimirovich Putin (icc-putin-vladimir)", lines[0]);
        // 9 = the unconfirmed rows with withdrawal or rescission dates: BF, BI, GM, HU, ML, NE, PH, TD, VE.
        // 5 = the Art 87(7) findings of data/law/icc-non-compliance.csv, all made before the date (TD, ZA, MN, HU, IT).
        Assert.Equal("As of 2026-10-01: 125 states parties; 125 must arrest (0 under Art 127(2)); 9 answers rest on unconfirmed data; 5 with an Art 87(7) non-compliance finding.", lines[2]);
        var header = lines[4];
        Assert.StartsWith("STATE  NAME", header, StringComparison.Ordinal);
        Assert.Contains("ACTION", header, StringComparison.Ordinal);
        Assert.StartsWith("-----", lines[5], StringComparison.Ordinal);
        var de = Assert.Single(lines, l => l.StartsWith("DE ", StringComparison.Ordinal));
        Assert.Contains("party since 2002-07-01", de, StringComparison.Ordinal);
        Assert.Contains("arrest", de, StringComparison.Ordinal);
        Assert.Contains("Art 87(7) finding 2024-10-24", Assert.Single(lines, l => l.StartsWith("MN ", StringComparison.Ordinal)), StringComparison.Ordinal);
        var us = lines.Count(l => l.StartsWith("US ", StringComparison.Ordinal));
        Assert.Equal(0, us);
        Assert.Contains(lines, l => l.StartsWith("Note: ", StringComparison.Ordinal) && l.Contains("under seal", StringComparison.Ordinal));
        Assert.Equal(129, lines.Count(l => l.Length > 3 && l[2] == ' ' && char.IsAsciiLetterUpper(l[0]) && char.IsAsciiLetterUpper(l[1]) && l.Contains("party", StringComparison.Ordinal)));
    }

    [Fact]
    public void Ambiguous_and_not_found_are_said_plainly()
    {
        var text = LawTables.Obligations(LawFixture.Engine.Obligations("Nobody Atall", LawFixture.D("2026-10-01")));
        Assert.StartsWith("No ICC warrant matches 'Nobody Atall'.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Regimes_table_shows_binding_regimes_and_blocked_measures()
    {
        var text = LawTables.Regimes(LawFixture.Engine.Regimes(new ScreenerProfile("DE", Role.Financial, LawFixture.D("2026-10-01"))));
        var lines = text.Split('\n');
        Assert.Equal("Screener: financial in DE on 2026-10-01", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("EU ", StringComparison.Ordinal) && l.Contains("yes", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("US-OFAC ", StringComparison.Ordinal) && l.Contains(" no ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("eu-2271-96", StringComparison.Ordinal) && l.Contains("31 CFR Part 560", StringComparison.Ordinal)
            && l.Contains("European Commission, 30 calendar days", StringComparison.Ordinal));
        Assert.Contains("ICC: party since 2002-07-01.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Decision_table_marks_conflicts_and_unconfirmed_entries()
    {
        var decision = LawFixture.Engine.Decide(new ScreenerProfile("DE", Role.Financial, LawFixture.D("2026-10-01"), UsNexus: true),
            [Listing.Of("us-ofac-sdn", "11318", ["IRAN"])]);
        var text = LawTables.Decision(decision);
        Assert.StartsWith("Action: freeze (CONFLICT: freeze and must_not_comply)", text, StringComparison.Ordinal);
        Assert.Contains("must_not_comply*", text, StringComparison.Ordinal);
        Assert.Contains("* relies on unconfirmed data", text, StringComparison.Ordinal);
    }
}
