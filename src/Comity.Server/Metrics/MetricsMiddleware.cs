using System.Collections.Frozen;
using System.Diagnostics;

namespace Comity.Server.Metrics;

/// <summary>Counts every request by route template (never by raw path, so ids and names stay out of metrics) and
/// known HTTP method (any other method is <c>OTHER</c>), and records its latency. Runs outside the error middleware,
/// so it sees the status that was really sent (a 500 counts as 500).</summary>
internal sealed class MetricsMiddleware(RequestDelegate next, ServerMetrics metrics)
{
    /// <summary>The methods of RFC 9110 (and PATCH): the only values the method label takes besides <c>OTHER</c>.</summary>
    private static readonly FrozenSet<string> KnownMethods = FrozenSet.Create(StringComparer.Ordinal,
        "GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT");

    public async Task InvokeAsync(HttpContext context)
    {
        var start = Stopwatch.GetTimestamp();
        var failed = false;
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch
        {
            failed = true;
            throw;
        }
        finally
        {
            var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "unmatched";
            var status = failed && !context.Response.HasStarted ? StatusCodes.Status500InternalServerError : context.Response.StatusCode;
            metrics.Request(route, MethodLabel(context.Request.Method), status, Stopwatch.GetElapsedTime(start).TotalSeconds);
        }
    }

    /// <summary>The method as a metrics label: one of <see cref="KnownMethods"/>, else <c>OTHER</c>.</summary>
    internal static string MethodLabel(string method) =>
        KnownMethods.TryGetValue(method, out var known) ? known : "OTHER";
}
