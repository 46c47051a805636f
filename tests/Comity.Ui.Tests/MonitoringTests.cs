using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Comity.Ui.Tests.Support;
using OpenQA.Selenium;

namespace Comity.Ui.Tests;

/// <summary>The monitoring pages over a portfolio made through the real <c>/v1</c> API (subjects screened against the
/// default corpus, so its alerts and events are real): the portfolio's row, subject count and shards; its link to the
/// alert queue filtered by it; its subjects (a hostile id rendered as text) and its events newest first; for the admin,
/// a webhook to a closed loopback port whose deliveries (one attempt each) end as dead letters, and a full re-screen
/// taken by the server's worker.</summary>
[Collection(DeskCollection.Name)]
public sealed class MonitoringTests(Desk desk)
{
    private const string Hostile = "\"><img src=x onerror=alert(1)>\u202Eevil";

    [Fact]
    public async Task A_portfolio_shows_its_subjects_events_filtered_queue_dead_letters_and_jobs()
    {
        int closedPort;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            closedPort = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
        }

        await desk.ApiAsync(HttpMethod.Put, "/v1/portfolios/ui-kyc", Desk.AdminKey, new { profile = new { jurisdiction = "DE", role = "financial" }, threshold = 0.7, shard_size = 2 });
        var hook = await desk.ApiAsync(HttpMethod.Post, "/v1/portfolios/ui-kyc/webhooks", Desk.AdminKey, new { url = $"http://127.0.0.1:{closedPort}/hook", max_attempts = 1 });
        var report = await desk.ApiAsync(HttpMethod.Post, "/v1/portfolios/ui-kyc/subjects", Desk.ScreenerKey, new
        {
            subjects = new object[]
            {
                new { id = "m-1", name = "Ibrahim Hassan Tali al-Asiri", schema = "Person" },
                new { id = "m-2", name = "Anna Schmidt", dob = "1985-04-12", country = "DE" },
                new { id = "m-3", name = "Korea Mining Development Trading Corporation" },
                new { id = Hostile, name = Hostile },
            },
        });
        Assert.Equal(4, report.GetProperty("added").GetInt32());
        Assert.True(report.GetProperty("matches").GetInt32() >= 2, report.ToString());

        // Another portfolio with its own alert: the filtered queue must not show it.
        await desk.ApiAsync(HttpMethod.Post, "/v1/portfolios/ui-other/subjects", Desk.ScreenerKey, new
        {
            profile = new { jurisdiction = "FR", role = "financial" },
            subjects = new object[] { new { id = "o-1", name = "Banco Nacional de Cuba", schema = "Organization" } },
        });
        var mine = await AlertIdsAsync("ui-kyc", ["m-1", "m-2", "m-3", Hostile]);
        var theirs = await AlertIdsAsync("ui-other", ["o-1"]);
        Assert.True(mine.Count >= 2);
        Assert.NotEmpty(theirs);
        var feed = await desk.ApiAsync(HttpMethod.Get, "/v1/events?portfolio=ui-kyc&limit=1000", Desk.AnaKey);
        var seqs = feed.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("seq").GetInt64()).ToList();
        Assert.NotEmpty(seqs);

        // The analyst's overview: the row, its subject count, its two shards current with the corpus in force.
        desk.SignIn(Desk.AnaKey);
        var b = desk.Browser;
        b.Go("/ui");
        b.Find("nav.main a[href='/ui/monitoring']").Click();
        b.Wait(d => d.Url.EndsWith("/ui/monitoring", StringComparison.Ordinal) ? true : (bool?)null, "the monitoring page");
        Assert.Equal("page", b.Find("nav.main a[href='/ui/monitoring']").GetAttribute("aria-current"));
        Assert.False(b.Exists("[data-testid=monitoring-empty]"));
        var row = b.Find("[data-testid=portfolio-row][data-portfolio=ui-kyc]");
        Assert.Equal("4", row.FindElement(By.CssSelector("[data-testid=subject-count]")).Text);
        Assert.Contains("0.7", row.Text, StringComparison.Ordinal);
        Assert.Contains("DE, financial", row.Text, StringComparison.Ordinal);
        var version = b.Find("[data-testid=corpus-in-force]").Text;
        var shards = row.FindElements(By.CssSelector("[data-testid=shards] li"));
        Assert.Equal(2, shards.Count);
        Assert.All(shards, s => Assert.Contains(version, s.Text, StringComparison.Ordinal));
        Assert.All(row.FindElements(By.CssSelector("[data-testid=shard-state]")), s => Assert.Equal("current", s.Text));
        Assert.True(b.Exists("[data-testid=portfolio-row][data-portfolio=ui-other]"));
        b.Screenshot("monitoring");

        // Its link to the queue shows that portfolio's alerts and no other's.
        row.FindElement(By.CssSelector("[data-testid=portfolio-alerts]")).Click();
        b.Wait(d => d.Url.EndsWith("/ui/alerts?portfolio=ui-kyc", StringComparison.Ordinal) ? true : (bool?)null, "the filtered queue");
        b.Find("#alert-queue");
        var shown = b.All("#alert-queue tbody tr[data-alert-id]").Select(r => r.GetAttribute("data-alert-id")!).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(mine.Order(StringComparer.Ordinal), shown.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(theirs, shown.Contains);

        // The portfolio page: subjects (the hostile id and name are text), events newest first with their sequence numbers.
        b.Go("/ui/monitoring/ui-kyc");
        Assert.Equal("ui-kyc", b.Find("[data-testid=portfolio-name]").Text);
        Assert.Equal("4", b.Find("[data-testid=portfolio-facts] [data-testid=subject-count]").Text);
        var subjects = b.All("[data-testid=subject-row]");
        Assert.Equal(["m-1", "m-2", "m-3", Hostile], subjects.Select(s => s.GetAttribute("data-subject")));
        Assert.Contains("Ibrahim Hassan Tali al-Asiri", subjects[0].Text, StringComparison.Ordinal);
        Assert.Equal("match", subjects[0].FindElement(By.CssSelector("strong")).Text);
        Assert.Contains("<img src=x", subjects[3].Text, StringComparison.Ordinal);
        Assert.False(b.Exists("img[src=x]"));
        var events = b.All("[data-testid=event-row]");
        Assert.Equal(Enumerable.Reverse(seqs), events.Select(e => long.Parse(e.GetAttribute("data-seq")!, CultureInfo.InvariantCulture)));
        Assert.Contains(events, e => e.GetAttribute("data-type") == "alert.created" && e.Text.Contains("m-1", StringComparison.Ordinal));
        Assert.Contains(events, e => e.GetAttribute("data-type") == "subjects.added");
        Assert.True(b.Exists("[data-testid=admin-only]"));
        Assert.False(b.Exists("[data-testid=webhooks]"));
        Assert.False(b.Exists("[data-testid=jobs]"));

        // The admin: the webhook's deliveries to the closed port fail their one attempt and become dead letters.
        await desk.ApiAsync(HttpMethod.Post, "/v1/portfolios/ui-kyc/rescreen?mode=full", Desk.AdminKey, new { });
        desk.SignIn(Desk.AdminKey);
        var hookId = hook.GetProperty("id").GetString()!;
        string Cell(string id) => b.Find($"[data-testid=webhook-row][data-webhook='{hookId}'] [data-testid={id}]").Text;
        b.Wait(
            d =>
            {
                d.Navigate().GoToUrl(new Uri(b.BaseAddress, "/ui/monitoring/ui-kyc"));
                return Cell("pending") == "0" && long.Parse(Cell("dead"), NumberStyles.AllowThousands, CultureInfo.InvariantCulture) >= seqs.Count
                    && b.All("[data-testid=job-row][data-status=done]").Count == 2 ? true : (bool?)null;
            },
            "every delivery dead and both re-screen jobs done",
            seconds: 120);
        Assert.Equal("0", Cell("delivered"));
        var dead = b.All($"[data-testid=dead-letters][data-webhook='{hookId}'] [data-testid=dead-letter]");
        Assert.Equal(Math.Min(20, long.Parse(Cell("dead"), NumberStyles.AllowThousands, CultureInfo.InvariantCulture)), dead.Count);
        Assert.All(dead, d => Assert.StartsWith("1", d.FindElements(By.CssSelector("td"))[1].Text, StringComparison.Ordinal));
        Assert.All(dead, d => Assert.NotEmpty(d.FindElements(By.CssSelector("td"))[3].Text));
        Assert.Contains("done 2", b.Find("[data-testid=job-counts]").Text, StringComparison.Ordinal);
        b.Screenshot("portfolio", fullPage: true);
    }

    [Fact]
    public async Task Event_pages_go_older_and_newer_fifty_at_a_time_newest_first()
    {
        // 105 one-subject additions: 105 subjects.added events, so three pages (50, 50, 5).
        await desk.ApiAsync(HttpMethod.Put, "/v1/portfolios/ui-paging", Desk.AdminKey, new { profile = new { jurisdiction = "DE", role = "financial" } });
        foreach (var chunk in Enumerable.Range(0, 105).Chunk(8))
        {
            await Task.WhenAll(chunk.Select(i => desk.ApiAsync(HttpMethod.Post, "/v1/portfolios/ui-paging/subjects", Desk.ScreenerKey, new
            {
                subjects = new object[] { new { id = $"pg-{i:D3}", name = $"Qoxvar Paging {i:D3}", schema = "Person" } },
            })));
        }

        var feed = await desk.ApiAsync(HttpMethod.Get, "/v1/events?portfolio=ui-paging&limit=1000", Desk.AnaKey);
        var seqs = feed.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("seq").GetInt64()).Reverse().ToList();
        Assert.Equal(105, seqs.Count);
        desk.SignIn(Desk.AnaKey);
        var b = desk.Browser;
        List<long> Shown() => [.. b.All("[data-testid=event-row]").Select(e => long.Parse(e.GetAttribute("data-seq")!, CultureInfo.InvariantCulture))];
        void Follow(string link, string query)
        {
            b.Find($"[data-testid={link}]").Click();
            b.Wait(d => d.Url.Contains(query, StringComparison.Ordinal) ? true : (bool?)null, query);
        }

        b.Go("/ui/monitoring/ui-paging");
        Assert.Equal(seqs[..50], Shown());
        Assert.False(b.Exists("[data-testid=events-newer]"));
        Follow("events-older", $"before={seqs[49]}");
        Assert.Equal(seqs[50..100], Shown());
        Follow("events-older", $"before={seqs[99]}");
        Assert.Equal(seqs[100..], Shown());
        Assert.False(b.Exists("[data-testid=events-older]"));

        // Newer: the 50 events just newer than the newest shown, still newest first, then the newest page again.
        Follow("events-newer", $"after={seqs[100]}");
        Assert.Equal(seqs[50..100], Shown());
        Assert.True(b.Exists("[data-testid=events-older]"));
        Follow("events-newer", $"after={seqs[50]}");
        Assert.Equal(seqs[..50], Shown());
        Assert.False(b.Exists("[data-testid=events-newer]"));
        Assert.True(b.Exists("[data-testid=events-older]"));
    }

    private async Task<List<string>> AlertIdsAsync(string portfolio, string[] subjects)
    {
        var ids = new List<string>();
        foreach (var s in subjects)
        {
            var subject = await desk.ApiAsync(HttpMethod.Get, $"/v1/portfolios/{portfolio}/subjects/{Uri.EscapeDataString(s)}", Desk.AnaKey);
            if (subject.TryGetProperty("alerts", out var alerts))
            {
                ids.AddRange(alerts.EnumerateArray().Select(a => a.GetProperty("alert_id").GetString()!));
            }
        }

        return ids;
    }
}

/// <summary>A store with no portfolio (a server of its own): the monitoring page says how to start one, and passes
/// axe-core in light and dark.</summary>
public sealed class MonitoringEmptyTests(Desk desk) : IClassFixture<Desk>
{
    [Fact]
    public async Task Without_a_portfolio_the_page_says_how_to_add_one()
    {
        desk.SignIn(Desk.AnaKey);
        var b = desk.Browser;
        b.Go("/ui/monitoring");
        var empty = b.Find("[data-testid=monitoring-empty]").Text;
        Assert.Contains("No portfolio is monitored yet: comity monitor add customers.csv or POST /v1/portfolios/{name}/subjects", empty, StringComparison.Ordinal);
        Assert.False(b.Exists("[data-testid=portfolios]"));
        var problems = new List<string>();
        foreach (var dark in new[] { false, true })
        {
            b.ColorScheme(dark);
            b.Go("/ui/monitoring");
            b.Find("main h1");
            problems.AddRange(b.SeriousAxeViolations());
        }

        b.ColorScheme(false);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        using var missing = await desk.GetWithSessionAsync("/ui/monitoring/nobody");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
