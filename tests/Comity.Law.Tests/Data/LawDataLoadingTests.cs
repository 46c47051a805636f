namespace Comity.Law.Tests.Data;

/// <summary>Data-file errors fail with the file name and line.</summary>
public sealed class LawDataLoadingTests : IDisposable
{
    private readonly string dir = Path.Combine(Path.GetTempPath(), "comity-law-" + Guid.NewGuid().ToString("N"));

    public LawDataLoadingTests()
    {
        foreach (var sub in new[] { "law", "icc" })
        {
            Directory.CreateDirectory(Path.Combine(dir, sub));
            foreach (var f in Directory.GetFiles(Path.Combine(Repo.DataDir, sub), "*.csv"))
            {
                File.Copy(f, Path.Combine(dir, sub, Path.GetFileName(f)));
            }
        }
    }

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void Copy_of_the_real_data_loads()
    {
        var engine = LawEngine.LoadDefault(dir);
        Assert.Equal(125, engine.CountParties(Repo.D("2026-10-01")));
    }

    [Fact]
    public void Bad_date_in_states_parties_names_file_and_line()
    {
        // Line 3 of states-parties.csv is Albania (header is line 1).
        Edit("icc/states-parties.csv", lines => lines[2] = lines[2].Replace("2003-05-01", "2003-13-01", StringComparison.Ordinal));
        var ex = Assert.Throws<LawDataException>(() => LawEngine.LoadDefault(dir));
        Assert.Equal("states-parties.csv", ex.File);
        Assert.Equal(3, ex.Line);
        Assert.Contains("entry_into_force", ex.Message, StringComparison.Ordinal);
        Assert.Contains("line 3", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_column_names_file_and_header_line()
    {
        Edit("law/regimes.csv", lines => lines[0] += ",extra");
        var ex = Assert.Throws<LawDataException>(() => LawEngine.LoadDefault(dir));
        Assert.Equal("regimes.csv", ex.File);
        Assert.Equal(1, ex.Line);
        Assert.Contains("unknown column(s): extra", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_annex_date_names_file_and_line()
    {
        Edit("law/blocking-annex.csv", lines => lines[8] = lines[8].Replace("2018-08-07", "7 Aug 2018", StringComparison.Ordinal));
        var ex = Assert.Throws<LawDataException>(() => LawEngine.LoadDefault(dir));
        Assert.Equal("blocking-annex.csv", ex.File);
        Assert.Equal(9, ex.Line);
    }

    [Fact]
    public void Bad_warrant_status_names_file_and_line()
    {
        Edit("icc/warrants.csv", lines => lines[1] = lines[1].Replace(",at_large,", ",escaped,", StringComparison.Ordinal));
        var ex = Assert.Throws<LawDataException>(() => LawEngine.LoadDefault(dir));
        Assert.Equal("warrants.csv", ex.File);
        Assert.Equal(2, ex.Line);
        Assert.Contains("escaped", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_verification_value_names_file_and_line()
    {
        Edit("law/eu-members.csv", lines => lines[5] = lines[5].Replace(",confirmed,", ",maybe,", StringComparison.Ordinal));
        var ex = Assert.Throws<LawDataException>(() => LawEngine.LoadDefault(dir));
        Assert.Equal(("eu-members.csv", 6), (ex.File, ex.Line));
    }

    [Fact]
    public void Missing_file_is_reported()
    {
        File.Delete(Path.Combine(dir, "law", "overlays.csv"));
        var ex = Assert.Throws<LawDataException>(() => LawEngine.LoadDefault(dir));
        Assert.Equal("overlays.csv", ex.File);
    }

    [Fact]
    public void An_annex_change_is_a_data_change()
    {
        // Add EO 14203 to the EU annex from 2026-11-01 in data only: no code change.
        File.AppendAllText(Path.Combine(dir, "law", "blocking-annex.csv"),
            "eu-2271-96,us-eo14203,\"Executive Order 14203, 31 CFR Part 528\",2026-11-01,,2026-11-01,unconfirmed,test row,test\n");
        var engine = LawEngine.LoadDefault(dir);
        var khan = Listing.Of("us-ofac-icc", "eo14203-khan-karim", []);
        Assert.Equal(LawAction.NotBinding, engine.Decide(Scenario.Bank("DE", Repo.D("2026-10-31")), [khan]).Overall);
        Assert.Equal(LawAction.MustNotComply, engine.Decide(Scenario.Bank("DE", Repo.D("2026-11-01")), [khan]).Overall);
    }

    [Fact]
    public void Ambiguous_name_is_reported_with_every_candidate()
    {
        File.AppendAllText(Path.Combine(dir, "icc", "warrants.csv"),
            "icc-test-putin,Test Person,Putin,,RU,,Ukraine,Test,warrant,2024-01-01,at_large,,,test,unconfirmed,test\n");
        var report = LawEngine.LoadDefault(dir).Obligations("putin", Repo.D("2026-10-01"));
        Assert.Equal(WarrantResolution.Ambiguous, report.Resolution);
        Assert.Equal(["icc-putin-vladimir", "icc-test-putin"], report.Candidates.Select(c => c.Id).Order(StringComparer.Ordinal));
        Assert.Empty(report.States);
        Assert.Contains("ask again with an id", report.Notes[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Art_87_7_findings_load_with_their_dates_outcomes_and_warrants()
    {
        var findings = LawEngine.LoadDefault(dir).Obligations("icc-putin-vladimir", Repo.D("2026-10-01")).States
            .SelectMany(s => s.NonCompliance).ToDictionary(f => f.Iso2, StringComparer.Ordinal);
        Assert.Equal(["HU", "IT", "MN", "TD", "ZA"], findings.Keys.Order(StringComparer.Ordinal));
        var mn = findings["MN"];
        Assert.Equal(("2024-10-24", Repo.D("2024-10-24"), "icc-putin-vladimir", "referred_asp"), (mn.Finding, mn.CountsFrom, mn.WarrantId, mn.Outcome));
        Assert.True(mn.Unconfirmed);
        Assert.Equal("referral deferred", findings["IT"].OutcomeText);

        // Hungary's day is not known: the finding counts from the day it was reported (2025-07-24), not from 1 July.
        var hu = findings["HU"];
        Assert.Equal(("2025-07", Repo.D("2025-07-24"), Repo.D("2025-07-24")), (hu.Finding, hu.Reported, hu.CountsFrom));
    }

    [Fact]
    public void A_finding_known_only_to_its_month_without_a_reported_day_counts_from_the_month_end()
    {
        File.AppendAllText(Path.Combine(dir, "law", "icc-non-compliance.csv"),
            "KE,2016-02,,test matter,,to_verify,2026-09-14,unconfirmed,test\n");
        var engine = LawEngine.LoadDefault(dir);
        StateObligation Kenya(string date) => Assert.Single(engine.Obligations("icc-putin-vladimir", Repo.D(date)).States, s => s.Iso2 == "KE");
        Assert.Empty(Kenya("2016-02-28").NonCompliance);
        Assert.Equal(Repo.D("2016-02-29"), Assert.Single(Kenya("2016-02-29").NonCompliance).CountsFrom);
    }

    [Theory]
    [InlineData("MN,24 Oct 2024,,m,,referred_asp,2026-09-14,unconfirmed,s", "finding")]
    [InlineData("MN,,,m,,referred_asp,2026-09-14,unconfirmed,s", "finding")]
    [InlineData("MN,2024-10-24,,m,,sent_to_asp,2026-09-14,unconfirmed,s", "outcome")]
    [InlineData("MN,2024-10-24,,m,icc-nobody,referred_asp,2026-09-14,unconfirmed,s", "unknown warrant id 'icc-nobody'")]
    [InlineData("XX,2024-10-24,,m,,referred_asp,2026-09-14,unconfirmed,s", "'XX' is neither in states-parties.csv")]
    [InlineData("mn,2024-10-24,,m,,referred_asp,2026-09-14,unconfirmed,s", "iso2")]
    [InlineData("MN,2024-10,2024-09-30,m,,referred_asp,2026-09-14,unconfirmed,s", "reported")]
    [InlineData("MN,2024-10-24,2024-10-25,m,,referred_asp,2026-09-14,unconfirmed,s", "reported")]
    [InlineData("MN,2024-10-24,,,,referred_asp,2026-09-14,unconfirmed,s", "matter")]
    [InlineData("MN,2024-10-24,,m,,referred_asp,2026-09-14,reported,s", "verification")]
    [InlineData("MN,2024-10-24,,m,,referred_asp,2026-09-14,unconfirmed", "expected 9 columns")]
    public void A_bad_non_compliance_row_names_file_line_and_column(string row, string expected)
    {
        // The real file has a header and five rows: the appended row is line 7.
        Edit("law/icc-non-compliance.csv", lines => lines[^1] = row + "\n");
        var ex = Assert.Throws<LawDataException>(() => LawEngine.LoadDefault(dir));
        Assert.Equal(("icc-non-compliance.csv", 7), (ex.File, ex.Line));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    private void Edit(string relative, Action<string[]> edit)
    {
        var path = Path.Combine(dir, relative);
        var lines = File.ReadAllText(path).Split('\n');
        edit(lines);
        File.WriteAllText(path, string.Join('\n', lines));
    }
}
