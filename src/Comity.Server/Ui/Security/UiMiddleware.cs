using System.Security.Claims;
using Comity.Server.Security;

namespace Comity.Server.Ui.Security;

/// <summary>Everything under <c>/ui</c>: security headers on every answer (a strict Content-Security-Policy with no
/// inline script or style, <c>frame-ancestors 'none'</c>, <c>nosniff</c>, no referrer, no caching of pages), and the
/// session: without one, a page redirects to the sign-in page. The session cookie is read here only, never by the
/// API (which takes API keys alone), so a cookie cannot be used to call <c>/v1</c> across sites.</summary>
internal sealed class UiMiddleware(RequestDelegate next, UiSessions sessions)
{
    public const string SessionItem = "comity.ui.session";

    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; "
        + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments("/ui", StringComparison.Ordinal))
        {
            return next(context);
        }

        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Cross-Origin-Resource-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        var path = context.Request.Path;
        if (path.StartsWithSegments("/ui/assets", StringComparison.Ordinal))
        {
            return next(context);
        }

        headers.CacheControl = "no-store";
        var session = sessions.Find(context.Request.Cookies[UiSessions.CookieName]);
        if (session is not null)
        {
            context.Items[SessionItem] = session;
            context.User = new ClaimsPrincipal(new ClaimsIdentity(
                [new Claim(ClaimTypes.Name, session.Name), new Claim(ClaimTypes.Role, Caller.RoleName(session.Role))], "comity-ui"));
            return next(context);
        }

        if (path.StartsWithSegments("/ui/sign-in", StringComparison.Ordinal))
        {
            return next(context);
        }

        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return context.Response.WriteAsync("Your session has ended; sign in again.");
        }

        var back = context.Request.Path + context.Request.QueryString;
        context.Response.Redirect("/ui/sign-in?returnUrl=" + Uri.EscapeDataString(back.ToString()));
        return Task.CompletedTask;
    }

    public static UiSession? Of(HttpContext context) => context.Items.TryGetValue(SessionItem, out var s) ? s as UiSession : null;
}
