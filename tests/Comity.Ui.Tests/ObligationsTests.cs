using Comity.Ui.Tests.Support;

namespace Comity.Ui.Tests;

/// <summary>The ICC obligations map for Netanyahu on 2026-12-01, with the states the issue names.</summary>
[Collection(DeskCollection.Name)]
public sealed class ObligationsTests(Desk desk)
{
    [Fact]
    public void The_map_colours_each_state_by_its_obligation_and_marks_unconfirmed_answers()
    {
        desk.SignIn(Desk.ScreenerKey);
        var b = desk.Browser;
        b.Go("/ui/obligations");
        b.Find("#subject").SendKeys("Netanyahu");
        var date = b.Find("#as-of");
        b.Script("arguments[0].value = '2026-12-01';", date);
        b.Find("[data-testid=obligations-form] button[type=submit]").Click();
        b.WaitForText("[data-testid=warrant]", "Netanyahu");
        Assert.Contains("2026-12-01", b.Find("[data-testid=warrant-counts]").Text, StringComparison.Ordinal);

        string Category(string iso) => b.Find($"#worldmap path[data-iso={iso}]").GetAttribute("data-category")!;
        string Unconfirmed(string iso) => b.Find($"#worldmap path[data-iso={iso}]").GetAttribute("data-unconfirmed")!;
        Assert.Equal("party", Category("DE"));
        Assert.Equal("false", Unconfirmed("DE"));
        Assert.Equal("party", Category("HU"));
        Assert.Equal("true", Unconfirmed("HU"));
        Assert.NotEmpty(b.All("#worldmap path.hatch"));
        Assert.Equal("party-withdrawing", Category("BF"));
        Assert.Equal("non-party", Category("US"));
        Assert.Equal("non-party", Category("IL"));

        // The colours really differ on screen (computed fill), and the table marks Hungary's row as unconfirmed.
        string Fill(string iso) => (string)b.Script("return getComputedStyle(arguments[0]).fill;", b.Find($"#worldmap path[data-iso={iso}]"))!;
        Assert.Equal(Fill("DE"), Fill("HU"));
        Assert.NotEqual(Fill("DE"), Fill("BF"));
        Assert.NotEqual(Fill("DE"), Fill("US"));
        Assert.Equal(Fill("US"), Fill("IL"));
        var hungary = b.Find("[data-testid=state-table] tr[data-iso=HU]");
        Assert.Equal("true", hungary.GetAttribute("data-unconfirmed"));
        Assert.Contains("unconfirmed", hungary.Text, StringComparison.Ordinal);
        Assert.Contains("rescind", hungary.GetAttribute("data-detail")!, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("party-withdrawing", b.Find("[data-testid=state-table] tr[data-iso=BF]").GetAttribute("data-category"));
        Assert.Empty(b.All("[data-testid=state-table] tr[data-iso=IL]"));

        // The legend's counts add up to the states drawn or listed.
        var legend = new[] { "party", "party-withdrawing", "withdrawal-effective", "non-party-bound", "non-party" }
            .Sum(c => int.Parse(b.Find($"[data-testid=count-{c}]").Text, System.Globalization.CultureInfo.InvariantCulture));
        var known = b.All("#worldmap path[data-iso]:not(.hatch)").Select(p => p.GetAttribute("data-iso")).Where(i => !string.IsNullOrEmpty(i))
            .Concat(b.All("[data-testid=state-table] tr[data-iso]").Select(r => r.GetAttribute("data-iso"))).Distinct().Count();
        Assert.Equal(known, legend);

        // Focus shows the legal basis.
        b.Script("arguments[0].focus();", b.Find("#worldmap path[data-iso=DE]"));
        Assert.Contains("Germany", b.Find("[data-testid=state-detail]").Text, StringComparison.Ordinal);
        Assert.Contains("Basis: Rome Statute", b.Find("[data-testid=state-detail]").Text, StringComparison.Ordinal);

        // Hungary's Art 87(7) finding (Netanyahu's visit, Jul 2025): a dashed, dotted mark over its colour (not colour
        // alone), its own legend entry with the count of the five findings, a table column, and the hover text.
        Assert.Equal("true", b.Find("#worldmap path[data-iso=HU]").GetAttribute("data-art87"));
        Assert.Equal("false", b.Find("#worldmap path[data-iso=DE]").GetAttribute("data-art87"));
        var mark = b.Find("#worldmap path.art87-mark[data-mark-for=HU]");
        Assert.NotEqual("none", (string)b.Script("return getComputedStyle(arguments[0]).strokeDasharray;", mark)!);
        Assert.Contains("url(", (string)b.Script("return getComputedStyle(arguments[0]).fill;", mark)!, StringComparison.Ordinal);
        Assert.Equal(["HU", "IT", "MN", "TD", "ZA"], b.All("#worldmap path.art87-mark").Select(p => p.GetAttribute("data-mark-for")!).Order(StringComparer.Ordinal));
        Assert.Equal("5", b.Find("[data-testid=count-art87]").Text);
        Assert.Contains("2025-07", hungary.FindElement(OpenQA.Selenium.By.CssSelector("[data-testid=art87-cell]")).Text, StringComparison.Ordinal);
        Assert.Equal("none", b.Find("[data-testid=state-table] tr[data-iso=DE] [data-testid=art87-cell]").Text);
        b.Script("arguments[0].focus();", b.Find("#worldmap path[data-iso=HU]"));
        var huDetail = b.Find("[data-testid=state-detail]").Text;
        Assert.Contains("Art 87(7) non-compliance finding 2025-07 (reported 2025-07-24)", huDetail, StringComparison.Ordinal);
        Assert.Contains("referred to the Assembly of States Parties", huDetail, StringComparison.Ordinal);
        Assert.Contains("(this warrant)", huDetail, StringComparison.Ordinal);
        Assert.Contains("unconfirmed", huDetail, StringComparison.Ordinal);
        b.Screenshot("obligations-map", fullPage: true);
        b.ColorScheme(dark: true);
        b.Screenshot("obligations-map-dark", fullPage: true);
        b.ColorScheme(dark: false);

        // The timeline slider moves the date: 2002-07-01 + 8,000 days is 2024-05-26; letting go reloads the map.
        var slider = b.Find("#date-slider");
        b.Script("arguments[0].value = 8000; arguments[0].dispatchEvent(new Event('input')); arguments[0].dispatchEvent(new Event('change'));", slider);
        b.Wait(d => d.Url.Contains("date=2024-05-26", StringComparison.Ordinal) ? true : (bool?)null, "the map for the slider's date");
        Assert.Contains("2024-05-26", b.Find("[data-testid=warrant-counts]").Text, StringComparison.Ordinal);
        Assert.Equal("party", Category("HU"));
        Assert.Equal("party", Category("BF"));
    }

    [Fact]
    public async Task Mongolia_is_marked_from_the_day_of_its_Art_87_7_finding_and_the_finding_is_escaped_text()
    {
        desk.SignIn(Desk.ScreenerKey);
        async Task<string> Page(string date)
        {
            using var r = await desk.GetWithSessionAsync("/ui/obligations?subject=icc-putin-vladimir&date=" + date);
            Assert.Equal(System.Net.HttpStatusCode.OK, r.StatusCode);
            return await r.Content.ReadAsStringAsync();
        }

        static string Tag(string html, string start)
        {
            var at = html.IndexOf(start, StringComparison.Ordinal);
            Assert.True(at >= 0, start);
            return html[at..html.IndexOf('>', at)];
        }

        var before = await Page("2024-10-23");
        var after = await Page("2024-10-25");
        Assert.Contains("data-art87=\"false\"", Tag(before, "<tr data-iso=\"MN\""), StringComparison.Ordinal);
        Assert.Contains("data-art87=\"true\"", Tag(after, "<tr data-iso=\"MN\""), StringComparison.Ordinal);
        Assert.DoesNotContain("data-mark-for=\"MN\"", before, StringComparison.Ordinal);
        Assert.Contains("data-mark-for=\"MN\"", after, StringComparison.Ordinal);
        Assert.Contains("Art 87(7) non-compliance finding 2024-10-24", Tag(after, "<tr data-iso=\"MN\""), StringComparison.Ordinal);
        Assert.Contains("(this warrant)", Tag(after, "<tr data-iso=\"MN\""), StringComparison.Ordinal);
        Assert.Contains("data-testid=\"count-art87\">2<", before, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"count-art87\">3<", after, StringComparison.Ordinal);

        // The findings' text goes through the HTML encoder: Chad's "N'Djamena" is never a raw quote in an attribute.
        Assert.Contains("N&#x27;Djamena", Tag(after, "<tr data-iso=\"TD\""), StringComparison.Ordinal);
        Assert.DoesNotContain("N'Djamena", after, StringComparison.Ordinal);
    }
}
