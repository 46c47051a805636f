using System.Net;
using Comity.Ui.Tests.Support;

namespace Comity.Ui.Tests;

/// <summary>Sign-in exchanges an API key for an HttpOnly, SameSite=Strict session cookie; every answer under /ui
/// carries a strict CSP; forms without the antiforgery token are refused; roles gate pages; sign-out ends the session.</summary>
[Collection(DeskCollection.Name)]
public sealed class SignInTests(Desk desk)
{
    [Fact]
    public void A_key_becomes_an_HttpOnly_SameSite_Strict_session_and_a_wrong_key_is_refused()
    {
        var b = desk.Browser;
        b.Driver.Manage().Cookies.DeleteAllCookies();
        b.Go("/ui/alerts?status=open");
        b.Wait(d => d.Url.Contains("/ui/sign-in", StringComparison.Ordinal) ? true : (bool?)null, "the sign-in page");
        Assert.Contains("returnUrl=%2Fui%2Falerts%3Fstatus%3Dopen", b.Url, StringComparison.Ordinal);

        b.Find("#api-key").SendKeys("not-a-key-not-a-key-not-a-key");
        b.Find("form button[type=submit]").Click();
        Assert.Contains("not valid", b.Find("[data-testid=sign-in-error]").Text, StringComparison.Ordinal);
        Assert.Null(b.Driver.Manage().Cookies.GetCookieNamed("comity_session"));

        b.Find("#api-key").SendKeys(Desk.AnaKey);
        b.Find("form button[type=submit]").Click();
        Assert.Equal("ana", b.Find("[data-testid=who]").Text);
        Assert.Contains("/ui/alerts?status=open", b.Url, StringComparison.Ordinal);
        var cookie = b.Driver.Manage().Cookies.GetCookieNamed("comity_session");
        Assert.NotNull(cookie);
        Assert.True(cookie.IsHttpOnly);
        Assert.Equal("Strict", cookie.SameSite);
        Assert.Equal("/ui", cookie.Path);
        Assert.Null(b.Script("return document.cookie.indexOf('comity_session') >= 0 ? 'visible' : null;"));
        b.Screenshot("sign-in-done");
    }

    [Fact]
    public async Task Pages_carry_a_strict_CSP_and_forms_without_the_antiforgery_token_are_refused()
    {
        desk.SignIn(Desk.AnaKey);
        using var page = await desk.GetWithSessionAsync("/ui/alerts");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var csp = string.Join(";", page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("style-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.True(page.Headers.CacheControl?.NoStore, "pages are not cached");
        var html = await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" style=\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/2000/svg", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);

        // The same session posting without the form's antiforgery token: refused, nothing happens.
        var cookies = string.Join("; ", desk.Browser.Driver.Manage().Cookies.AllCookies.Select(c => c.Name + "=" + c.Value));
        using var forged = new HttpRequestMessage(HttpMethod.Post, "/ui/alerts?handler=Escalate")
        {
            Content = new FormUrlEncodedContent([new("ids", "x"), new("reason", "forged")]),
        };
        forged.Headers.Add("Cookie", cookies);
        using var refused = await desk.Http.SendAsync(forged, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);

        using var asset = await desk.Http.GetAsync("/ui/assets/site.js", TestContext.Current.CancellationToken);
        Assert.Equal("text/javascript; charset=utf-8", asset.Content.Headers.ContentType?.ToString());
        Assert.Equal("nosniff", asset.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task A_screener_cannot_open_analyst_pages_and_sign_out_ends_the_session()
    {
        desk.SignIn(Desk.ScreenerKey);
        var b = desk.Browser;
        Assert.Empty(b.All("nav.main a[href='/ui/alerts']"));
        b.Go("/ui/alerts");
        Assert.Contains("analyst", b.Find("main").Text, StringComparison.Ordinal);
        using (var api = await desk.GetWithSessionAsync("/v1/alerts"))
        {
            // The session cookie is not an API credential (the cookie's path is /ui, and the API reads keys only).
            Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        }

        var token = b.Driver.Manage().Cookies.GetCookieNamed("comity_session")!.Value;
        b.Find(".who button[type=submit]").Click();
        b.Wait(d => d.Url.Contains("/ui/sign-in", StringComparison.Ordinal) ? true : (bool?)null, "the sign-in page");
        using var replay = new HttpRequestMessage(HttpMethod.Get, "/ui/screen");
        replay.Headers.Add("Cookie", "comity_session=" + token);
        using var after = await desk.Http.SendAsync(replay, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/ui/sign-in", after.Headers.Location?.ToString(), StringComparison.Ordinal);
    }
}
