using Comity.Server.Security;
using Comity.Server.Ui.Security;
using Comity.Storage;
using Comity.Storage.Audit;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Comity.Server.Ui.Pages;

/// <summary>Exchanges an API key (or, without keys, a name) for a session cookie.</summary>
internal sealed class SignInModel(ApiKeyRing ring, UiSessions sessions, IComityStore store) : PageModel
{
    public bool KeysEnabled => ring.Enabled;

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public IActionResult OnGet()
    {
        if (UiMiddleware.Of(HttpContext) is not null)
        {
            return Back();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? apiKey, string? name)
    {
        Caller? caller;
        if (ring.Enabled)
        {
            caller = string.IsNullOrWhiteSpace(apiKey) ? null : ring.Verify(apiKey.Trim());
            if (caller is null)
            {
                Error = "That API key is not valid.";
                Response.StatusCode = StatusCodes.Status401Unauthorized;
                return Page();
            }
        }
        else
        {
            var typed = name?.Trim() ?? string.Empty;
            if (typed.Length == 0 || typed.Length > 100 || typed.Any(char.IsControl))
            {
                Error = "Enter your name (at most 100 characters).";
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return Page();
            }

            caller = new Caller(typed, AccessRole.Admin, Authenticated: false);
        }

        var token = sessions.Create(caller.Name, caller.Role, caller.Authenticated);
        Response.Cookies.Append(UiSessions.CookieName, token, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = Request.IsHttps,
            Path = "/ui",
            IsEssential = true,
        });
        await store.AppendAuditAsync(new AuditEntry(caller.Name, "ui.signed_in", caller.Name, caller.Authenticated ? """{"authenticated":true}""" : """{"authenticated":false}"""), HttpContext.RequestAborted);
        return Back();
    }

    private LocalRedirectResult Back() =>
        ReturnUrl is { Length: > 0 } u && u.StartsWith("/ui", StringComparison.Ordinal) && !u.StartsWith("/ui/sign-", StringComparison.Ordinal) && !u.Contains('\\', StringComparison.Ordinal)
            ? LocalRedirect(u)
            : LocalRedirect("/ui");
}
