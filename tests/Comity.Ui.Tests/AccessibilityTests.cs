using Comity.Ui.Tests.Support;

namespace Comity.Ui.Tests;

/// <summary>Every page, at 1280×800 and 390 px wide, in light and dark: no serious or critical axe-core violation, no
/// sideways overflow on a phone; a screenshot of each is written as a test artefact.</summary>
[Collection(DeskCollection.Name)]
public sealed class AccessibilityTests(Desk desk)
{
    [Fact]
    public async Task Every_page_passes_axe_in_light_and_dark_at_desktop_and_phone_width()
    {
        var ids = await desk.ScreenAsync(new
        {
            subject = new { id = "a11y-1", name = "Banco Nacional de Cuba", schema = "Organization" },
            profile = new { jurisdiction = "DE", role = "financial", as_of = "2026-12-01" },
        });
        await desk.ApiAsync(HttpMethod.Post, "/v1/portfolios/a11y-watch/subjects", Desk.ScreenerKey, new
        {
            profile = new { jurisdiction = "DE", role = "financial" },
            subjects = new object[] { new { id = "w-1", name = "Banco Nacional de Cuba", schema = "Organization" }, new { id = "w-2", name = "Erika Mustermann" } },
        });
        var dir = Repo.TempDir();
        var file = Files.Csv(Path.Combine(dir, "a11y.csv"), ["id", "name", "dob", "country"], Files.Rows(30, ["Banco Nacional de Cuba"], every: 10, seed: 3));
        desk.SignIn(Desk.AdminKey);
        var b = desk.Browser;
        b.Go("/ui/batches");
        b.Find("#file").SendKeys(file);
        b.Find("[data-testid=upload-form] button[type=submit]").Click();
        var mapping = new Uri(b.Url).AbsolutePath;

        (string Name, string Path)[] pages =
        [
            ("alerts", "/ui/alerts"),
            ("alert", "/ui/alerts/" + ids[0]),
            ("screen", "/ui/screen"),
            ("batches", "/ui/batches"),
            ("batch-mapping", mapping),
            ("search", "/ui/search?q=Banco%20Nacional%20de%20Cuba"),
            ("entity", "/ui/entities/us-ofac-sdn%3A306"),
            ("lists", "/ui/lists"),
            ("obligations", "/ui/obligations?subject=icc-putin-vladimir&date=2026-12-01"),
            ("audit", "/ui/audit"),
            ("monitoring", "/ui/monitoring"),
            ("portfolio", "/ui/monitoring/a11y-watch"),
        ];
        var problems = new List<string>();
        foreach (var (dark, width, height, suffix) in new[] { (false, 1280, 800, ""), (true, 1280, 800, "-dark"), (false, 390, 844, "-phone") })
        {
            b.ColorScheme(dark);
            b.Viewport(width, height);
            foreach (var (name, path) in pages)
            {
                b.Go(path);
                b.Find("main h1");
                problems.AddRange(b.SeriousAxeViolations().Select(v => $"{name}{suffix}: {v}"));
                if (width < 600 && b.HorizontalOverflow() > 0)
                {
                    problems.Add($"{name}{suffix}: the page is {b.HorizontalOverflow()} px wider than the phone");
                }

                b.Screenshot(name + suffix);
            }
        }

        b.ColorScheme(false);
        b.Viewport(1280, 800);
        b.Driver.Manage().Cookies.DeleteAllCookies();
        b.Go("/ui/sign-in");
        problems.AddRange(b.SeriousAxeViolations().Select(v => "sign-in: " + v));
        b.Screenshot("sign-in");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
