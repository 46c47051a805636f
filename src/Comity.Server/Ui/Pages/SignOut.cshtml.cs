using Comity.Server.Ui.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Comity.Server.Ui.Pages;

/// <summary>Ends the session (POST only, with the antiforgery token).</summary>
internal sealed class SignOutModel(UiSessions sessions) : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/ui");

    public IActionResult OnPost()
    {
        sessions.Remove(Request.Cookies[UiSessions.CookieName]);
        Response.Cookies.Delete(UiSessions.CookieName, new CookieOptions { Path = "/ui", SameSite = SameSiteMode.Strict, HttpOnly = true });
        return LocalRedirect("/ui/sign-in");
    }
}
