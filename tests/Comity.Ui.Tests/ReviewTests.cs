using Comity.Ui.Tests.Support;

namespace Comity.Ui.Tests;

/// <summary>Four eyes in the browser: one analyst proposes a true match and cannot confirm it alone; a second,
/// different analyst confirms it; the alert's history shows both.</summary>
[Collection(DeskCollection.Name)]
public sealed class ReviewTests(Desk desk)
{
    private static void Review(Browser b, string outcome, string reason, string note)
    {
        b.Find($"input[name=outcome][value={outcome}]").Click();
        new OpenQA.Selenium.Support.UI.SelectElement(b.Find("#reason")).SelectByText(reason);
        b.Find("#note").SendKeys(note);
        b.Find("[data-testid=review-form] button[type=submit]").Click();
    }

    [Fact]
    public async Task A_true_match_needs_two_different_analysts()
    {
        var ids = await desk.ScreenAsync(new
        {
            subject = new { id = "cust-putin", name = "Vladimir Vladimirovich Putin", dob = "1952-10-07", nationality = "RU" },
            profile = new { jurisdiction = "DE", role = "authority", as_of = "2026-12-01" },
        });
        Assert.NotEmpty(ids);
        var id = ids[0];
        var b = desk.Browser;

        desk.SignIn(Desk.AnaKey);
        b.Go("/ui/alerts/" + id);
        Assert.Equal("Open", b.Find("[data-testid=alert-status]").Text);
        Assert.Contains("Putin", b.Find("[data-testid=side-by-side]").Text, StringComparison.OrdinalIgnoreCase);
        Assert.NotEmpty(b.All("[data-testid=side-by-side] mark.aligned"));
        Assert.NotEmpty(b.All("[data-testid=explanation] rect"));
        Assert.True(b.All("[data-testid=listings] tbody tr").Count >= 2, "every listing of the subject is shown");
        Assert.Contains("arrest", b.Find("[data-testid=decision-summary]").Text, StringComparison.Ordinal);
        b.Screenshot("alert-review", fullPage: true);

        Review(b, "true_match", "Same person: name, date of birth and nationality agree", "DOB 1952-10-07 agrees");
        Assert.Contains("second, different reviewer", b.Find("[data-testid=notice]").Text, StringComparison.Ordinal);
        Assert.Equal("Pending second review", b.Find("[data-testid=alert-status]").Text);
        Assert.Contains("ana", b.Find("[data-testid=four-eyes-pending]").Text, StringComparison.Ordinal);

        // The proposer tries to confirm alone: refused by the four-eyes policy, the status does not move.
        Review(b, "true_match", "Same person: name, date of birth and nationality agree", "confirming my own");
        Assert.Contains("Four eyes", b.Find("[data-testid=notice]").Text, StringComparison.Ordinal);
        Assert.Equal("Pending second review", b.Find("[data-testid=alert-status]").Text);

        desk.SignIn(Desk.BenKey);
        b.Go("/ui/alerts/" + id);
        Review(b, "true_match", "Same person: name, date of birth and nationality agree", "second pair of eyes");
        Assert.Contains("Confirmed", b.Find("[data-testid=notice]").Text, StringComparison.Ordinal);
        Assert.Equal("Closed: true match", b.Find("[data-testid=alert-status]").Text);
        var history = b.Find("[data-testid=history]").Text;
        Assert.Contains("ana", history, StringComparison.Ordinal);
        Assert.Contains("ben", history, StringComparison.Ordinal);
        Assert.Contains("second pair of eyes", history, StringComparison.Ordinal);
        Assert.Equal(2, b.All("[data-testid=history] li").Count(li => li.Text.Contains("alert.reviewed", StringComparison.Ordinal)));
        Assert.Empty(b.All("[data-testid=review-form]"));
    }
}
