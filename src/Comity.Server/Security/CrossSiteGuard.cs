using Comity.Server.Hosting;

namespace Comity.Server.Security;

/// <summary>Refuses what a hostile web page could make an analyst's browser send to the API: a state-changing
/// request (POST, PUT, PATCH, DELETE) whose <c>Origin</c> is another site that CORS does not allow (or that the
/// browser marks <c>Sec-Fetch-Site: cross-site</c>) → 403, and a body that is not declared JSON (no Content-Type, or
/// <c>text/plain</c>, which a page may send without a CORS preflight) → 415. Without API keys the loopback server
/// trusts every caller, so this is what stops a page from closing alerts or reloading lists from the outside. It
/// guards the native API (<c>/v1</c>), where requests change state; yente's <c>/match</c> changes nothing and, as
/// yente, reads a body whatever its Content-Type; the web UI has its own session and CSRF tokens.</summary>
internal sealed class CrossSiteGuard(RequestDelegate next, ServeOptions options)
{
    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method)
            || !request.Path.StartsWithSegments("/v1", StringComparison.Ordinal))
        {
            return next(context);
        }

        if (CrossSite(request) is { } origin)
        {
            return ErrorMiddleware.WriteAsync(context, StatusCodes.Status403Forbidden, "Cross-site request refused.", $"A request from the web page of {origin} may not change state here; allow its origin with --cors-origin if it is yours.");
        }

        var hasBody = request.ContentLength > 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count > 0);
        if (hasBody && !IsJson(request.ContentType))
        {
            return ErrorMiddleware.WriteAsync(context, StatusCodes.Status415UnsupportedMediaType, "Unsupported media type.", $"Send the body as application/json (got '{request.ContentType ?? "no Content-Type"}').");
        }

        return next(context);
    }

    /// <summary>The foreign origin of a cross-site browser request, or null.</summary>
    private string? CrossSite(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0)
        {
            if (Allowed(origin) || SameOrigin(origin, request))
            {
                return null;
            }

            return origin;
        }

        // No Origin (an old browser, or a client that is not a browser): only the fetch metadata can tell.
        return string.Equals(request.Headers["Sec-Fetch-Site"].ToString(), "cross-site", StringComparison.OrdinalIgnoreCase) ? "another site" : null;
    }

    private bool Allowed(string origin) =>
        options.CorsOrigins.Contains("*") || options.CorsOrigins.Any(o => string.Equals(o.TrimEnd('/'), origin, StringComparison.OrdinalIgnoreCase));

    private static bool SameOrigin(string origin, HttpRequest request) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var o)
        && string.Equals(o.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(o.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);

    private static bool IsJson(string? contentType)
    {
        if (contentType is null)
        {
            return false;
        }

        var media = contentType.Split(';', 2)[0].Trim();
        return media.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (media.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && media.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
    }
}
