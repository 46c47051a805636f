using System.Globalization;
using Comity.Server.Security;
using Comity.Server.Ui.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Comity.Server.Ui.Pages;

/// <summary>What every page of the desk shares: the signed-in session, a one-shot notice after a form (kept in
/// TempData, shown once), and the text helpers that keep display rules in one place.</summary>
internal abstract class UiPage : PageModel
{
    /// <summary>The signed-in analyst (never null on pages behind sign-in).</summary>
    public UiSession Session => UiMiddleware.Of(HttpContext)!;

    [TempData]
    public string? Notice { get; set; }

    [TempData]
    public string? NoticeKind { get; set; }

    protected void Tell(string text, string kind = "ok")
    {
        Notice = text;
        NoticeKind = kind;
    }

    /// <summary>True when the session's role is at least <paramref name="role"/>.</summary>
    public bool Can(AccessRole role) => Session.Role >= role;

    public static string Date(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    public static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Score(double s) => s.ToString("0.000", CultureInfo.InvariantCulture);

    public static string Number(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>Today on the server's clock (UTC).</summary>
    protected DateOnly Today => DateOnly.FromDateTime(HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);

    /// <summary>A redirect back to a local UI address (anything else goes to <paramref name="fallback"/>).</summary>
    protected IActionResult BackTo(string? url, string fallback) =>
        LocalRedirect(url is { Length: > 0 } u && u.StartsWith("/ui", StringComparison.Ordinal) && !u.StartsWith("//", StringComparison.Ordinal) && !u.Contains('\\', StringComparison.Ordinal) ? u : fallback);
}
