using Comity.Server.Yente;

namespace Comity.Server.Security;

/// <summary>How an endpoint group reports errors: yente's <c>{"detail": ...}</c> or RFC 9457 problem details.</summary>
internal enum ProblemStyle
{
    Yente,
    Problem,
}

/// <summary>Requires a caller with at least <paramref name="role"/>: no or unknown key → 401, too weak a role → 403.</summary>
internal sealed class RoleFilter(AccessRole role, ProblemStyle style) : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var caller = ApiKeyMiddleware.Of(context.HttpContext);
        if (caller is null)
        {
            context.HttpContext.Response.Headers.WWWAuthenticate = "ApiKey";
            return ValueTask.FromResult<object?>(Error(StatusCodes.Status401Unauthorized, "Missing or invalid API key.", "Send 'Authorization: ApiKey <key>' or 'X-API-Key: <key>'."));
        }

        if (caller.Role < role)
        {
            return ValueTask.FromResult<object?>(Error(StatusCodes.Status403Forbidden, "Forbidden.", $"This endpoint needs the '{Caller.RoleName(role)}' role; key '{caller.Name}' has '{Caller.RoleName(caller.Role)}'."));
        }

        return next(context);
    }

    private IResult Error(int status, string title, string detail) => style == ProblemStyle.Yente
        ? YenteException.Detail(status, title + " " + detail)
        : Results.Problem(title: title, detail: detail, statusCode: status);
}
