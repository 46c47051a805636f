using Comity.Server.Native;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Comity.Server.Hosting;

/// <summary>Turns exceptions into responses: yente's <c>{"status": "error"}</c> outside <c>/v1</c>, problem details
/// inside; oversized bodies → 413; native bad requests → 400; names beyond <see cref="Comity.Core.Model.QueryLimits"/>
/// → 422; a spent time budget → 503. Logs the exception type and route, never the body.</summary>
internal sealed partial class ErrorMiddleware(RequestDelegate next, ILogger<ErrorMiddleware> log)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context).ConfigureAwait(false);
            if (context.Response.StatusCode == StatusCodes.Status415UnsupportedMediaType && !context.Response.HasStarted)
            {
                // The framework's 415 (a body endpoint called with another Content-Type) has an empty body.
                await WriteAsync(context, StatusCodes.Status415UnsupportedMediaType, "Unsupported media type.", $"Send the body as application/json (got '{context.Request.ContentType ?? "no Content-Type"}').").ConfigureAwait(false);
            }
        }
        catch (BadHttpRequestException e) when (!context.Response.HasStarted)
        {
            await WriteAsync(context, e.StatusCode, e.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Request body too large." : "Bad request.", e.Message).ConfigureAwait(false);
        }
        catch (BadRequestException e) when (!context.Response.HasStarted)
        {
            await WriteAsync(context, StatusCodes.Status400BadRequest, "Bad request.", e.Message).ConfigureAwait(false);
        }
        catch (Exception e) when (!context.Response.HasStarted && QueryLimit(e) is { } limit)
        {
            // A name beyond the documented limits (QueryLimits): refused before any matching work.
            await WriteAsync(context, StatusCodes.Status422UnprocessableEntity, "Query exceeds a limit.", limit.Message).ConfigureAwait(false);
        }
        catch (TimeBudgetExceededException e) when (!context.Response.HasStarted)
        {
            // The request's time budget (TimeBudgetMiddleware) ran out while the client still waits.
            context.Response.Headers.RetryAfter = "1";
            await WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "Time budget exceeded.", e.Message).ConfigureAwait(false);
        }
        catch (Exception e) when (TimeBudgetMiddleware.IsCancellation(e) && context.RequestAborted.IsCancellationRequested)
        {
            // The client went away: nobody is left to answer.
        }
        catch (Exception e) when (TimeBudgetMiddleware.IsCancellation(e) && !context.Response.HasStarted)
        {
            context.Response.Headers.RetryAfter = "1";
            await WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "Request cancelled.", "The request was cancelled before it completed; retry.").ConfigureAwait(false);
        }
        catch (Comity.Storage.StoreException e) when (e.IsCorruption && !context.Response.HasStarted)
        {
            // A row changed outside Comity (the store names table, row and column): said plainly, logged, not a bug.
            LogDamagedStore((context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "unmatched", e.Message);
            await WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "The store holds damaged data.", e.Message).ConfigureAwait(false);
        }
        catch (Exception e) when (!context.Response.HasStarted)
        {
            LogUnhandled(e.GetType().Name, (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "unmatched", e);
            if (context.Request.Path.StartsWithSegments("/v1", StringComparison.Ordinal))
            {
                await WriteAsync(context, StatusCodes.Status500InternalServerError, "Internal error.", "The error was logged.").ConfigureAwait(false);
            }
            else
            {
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                await context.Response.WriteAsJsonAsync(new Dictionary<string, string>(StringComparer.Ordinal) { ["status"] = "error" }, ServerJsonContext.Default.DictionaryStringString).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The query limit violation behind <paramref name="e"/> (also inside the aggregate of a parallel batch).</summary>
    private static Comity.Core.Model.QueryLimitViolation? QueryLimit(Exception e) => e switch
    {
        Comity.Core.Model.QueryLimitException q => q.Violation,
        AggregateException a => a.Flatten().InnerExceptions.OfType<Comity.Core.Model.QueryLimitException>().FirstOrDefault()?.Violation,
        _ => null,
    };

    /// <summary>Writes an error: problem details under <c>/v1</c>, yente's error shape elsewhere.</summary>
    internal static Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        if (!context.Request.Path.StartsWithSegments("/v1", StringComparison.Ordinal))
        {
            return Yente.YenteException.Detail(status, detail).ExecuteAsync(context);
        }

        ProblemHttpResult problem = TypedResults.Problem(title: title, detail: detail, statusCode: status);
        return problem.ExecuteAsync(context);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "damaged store data on {Route}: {Detail}")]
    private partial void LogDamagedStore(string route, string detail);

    [LoggerMessage(Level = LogLevel.Error, Message = "unhandled {Type} on {Route}")]
    private partial void LogUnhandled(string type, string route, Exception e);
}
