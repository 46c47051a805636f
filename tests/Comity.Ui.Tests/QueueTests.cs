using Comity.Ui.Tests.Support;
using OpenQA.Selenium;

namespace Comity.Ui.Tests;

/// <summary>The alert queue: counts per status, filters, keyboard navigation (j/k, Enter) and bulk escalation.</summary>
[Collection(DeskCollection.Name)]
public sealed class QueueTests(Desk desk)
{
    [Fact]
    public async Task Filters_count_statuses_navigate_by_keyboard_and_escalate_in_bulk()
    {
        var ids = await desk.ScreenAsync(new
        {
            subjects = new object[]
            {
                new { id = "q-1", name = "Banco Nacional de Cuba", schema = "Organization" },
                new { id = "q-2", name = "Korea Mining Development Trading Corporation", schema = "Organization" },
                new { id = "q-3", name = "Nicolas Maduro Moros", schema = "Person" },
            },
            profile = new { jurisdiction = "US", role = "financial", as_of = "2026-12-01" },
        });
        Assert.True(ids.Count >= 3);
        desk.SignIn(Desk.AnaKey);
        var b = desk.Browser;
        b.Go("/ui/alerts?decision=freeze&sort=score");
        var rows = b.All("#alert-queue tbody tr[data-href]");
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Contains("freeze", r.Text, StringComparison.Ordinal));
        var scores = rows.Select(r => double.Parse(r.FindElement(By.CssSelector("td.num")).Text, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(scores.OrderByDescending(s => s), scores);
        var open = b.Find("[data-testid=status-counts] a[data-status=open] .mono").Text;
        Assert.True(int.Parse(open.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture) >= rows.Count);
        b.Screenshot("queue");

        // j, j, Enter opens the second alert of the list.
        var second = rows[1].GetAttribute("data-href");
        b.Find("body").SendKeys("j");
        b.Find("body").SendKeys("j");
        b.Wait(d => d.FindElements(By.CssSelector("tr.current")).FirstOrDefault(), "a current row");
        Assert.Equal(second, b.Find("tr.current").GetAttribute("data-href"));
        b.Driver.SwitchTo().ActiveElement().SendKeys(Keys.Enter);
        b.Wait(d => d.Url.EndsWith(second!, StringComparison.Ordinal) ? true : (bool?)null, "the second alert");

        // Bulk: select two open alerts and escalate them.
        b.Go("/ui/alerts?status=open&sort=oldest");
        var boxes = b.All("#alert-queue input[name=ids]").Take(2).ToList();
        var chosen = boxes.Select(x => x.GetAttribute("value")).ToList();
        boxes.ForEach(x => x.Click());
        b.Find("#bulk-reason").SendKeys("Sanctions desk: senior review");
        b.Find("#bulk-reason").Submit();
        Assert.Contains("Escalated 2 alerts", b.Find("[data-testid=notice]").Text, StringComparison.Ordinal);
        b.Go("/ui/alerts?status=escalated&reviewer=ana");
        var escalated = b.All("#alert-queue tbody tr[data-alert-id]").Select(r => r.GetAttribute("data-alert-id")).ToList();
        Assert.All(chosen, c => Assert.Contains(c, escalated));
    }
}
