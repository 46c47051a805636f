using System.Net;
using Comity.Server;
using Comity.Ui.Tests.Support;

namespace Comity.Ui.Tests;

/// <summary>A server without API keys says plainly that four eyes is not enforced, and refuses true-match reviews
/// unless started with <c>--allow-unauthenticated-review</c> (the same rule as the API).</summary>
[Collection(DeskCollection.Name)]
public sealed class KeylessTests(Desk desk) : IAsyncLifetime
{
    private RunningServer? _server;
    private readonly string _dir = Repo.TempDir();

    public async ValueTask InitializeAsync()
    {
        _server = await ComityServer.StartAsync(new ServeOptions
        {
            Urls = "http://127.0.0.1:0",
            Db = "sqlite:" + Path.Combine(_dir, "keyless.db"),
            Lists = [Repo.Data("icc")],
            WatchLists = false,
            LogLevel = Microsoft.Extensions.Logging.LogLevel.Warning,
        });
        await _server.WaitUntilReadyAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    [Fact]
    public async Task Without_keys_the_desk_says_four_eyes_is_not_enforced_and_refuses_a_true_match()
    {
        using var http = new HttpClient { BaseAddress = _server!.BaseAddress };
        using var screened = await http.PostAsync("/v1/screen", new StringContent("""{"subject":{"name":"Vladimir Putin"}}""", System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, screened.StatusCode);
        var b = desk.Browser;
        b.Driver.Manage().Cookies.DeleteAllCookies();
        b.Driver.Navigate().GoToUrl(new Uri(_server.BaseAddress, "/ui/sign-in"));
        Assert.Contains("four-eyes is not enforced", b.Find("[data-testid=four-eyes-warning]").Text, StringComparison.OrdinalIgnoreCase);
        b.Find("#name").SendKeys("Kim");
        b.Find("form button[type=submit]").Click();
        Assert.Equal("Kim", b.Find("[data-testid=who]").Text);
        Assert.Contains("not enforced", b.Find("[data-testid=four-eyes-warning]").Text, StringComparison.Ordinal);
        b.Find("#alert-queue tbody tr[data-href] a").Click();
        b.Find("input[name=outcome][value=true_match]").Click();
        new OpenQA.Selenium.Support.UI.SelectElement(b.Find("#reason")).SelectByIndex(1);
        b.Find("[data-testid=review-form] button[type=submit]").Click();
        Assert.Contains("four-eyes rule", b.Find("[data-testid=notice]").Text, StringComparison.Ordinal);
        Assert.Equal("Open", b.Find("[data-testid=alert-status]").Text);
        b.Screenshot("keyless-refused");
        b.Driver.Manage().Cookies.DeleteAllCookies();
    }
}
