namespace Comity.Server.Security;

/// <summary>Identifies the caller from <c>Authorization: ApiKey KEY</c> (also <c>Bearer KEY</c>) or
/// <c>X-API-Key: KEY</c>. Without configured keys every caller is an anonymous admin (the server then listens on
/// loopback only). Authorisation itself is done per endpoint by <see cref="RoleFilter"/>.</summary>
internal sealed class ApiKeyMiddleware(RequestDelegate next, ApiKeyRing ring)
{
    public Task InvokeAsync(HttpContext context)
    {
        Caller? caller = Caller.Anonymous;
        if (ring.Enabled)
        {
            caller = Presented(context.Request) is { } key ? ring.Verify(key) : null;
        }

        if (caller is not null)
        {
            context.Items[Caller.ItemKey] = caller;
        }

        return next(context);
    }

    private static string? Presented(HttpRequest request)
    {
        var auth = request.Headers.Authorization.ToString();
        if (auth.Length > 0)
        {
            foreach (var scheme in (ReadOnlySpan<string>)["ApiKey ", "Bearer ", "Token "])
            {
                if (auth.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
                {
                    return auth[scheme.Length..].Trim();
                }
            }
        }

        var header = request.Headers["X-API-Key"].ToString();
        return header.Length > 0 ? header.Trim() : null;
    }

    public static Caller? Of(HttpContext context) => context.Items.TryGetValue(Caller.ItemKey, out var c) ? c as Caller : null;
}
