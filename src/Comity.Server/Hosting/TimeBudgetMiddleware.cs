using Comity.Server.Metrics;

namespace Comity.Server.Hosting;

/// <summary>Gives every screening request (<c>/match</c>, <c>/search</c>, <c>/v1/screen</c>) a time budget
/// (<see cref="ServeOptions.RequestTimeBudget"/>): <see cref="HttpContext.RequestAborted"/> is replaced, for the rest
/// of the pipeline, by a token that is cancelled when the client disconnects <em>or</em> the budget is spent. The
/// screening path (Screener → MatchIndex.MatchCancellable) checks it between candidates, so neither a gone client nor
/// a pathological query keeps a core busy. A batch gets <see cref="ServeOptions.RequestTimeBudgetPerSubject"/> more per
/// subject (<see cref="ForBatch"/>). A spent budget becomes <see cref="TimeBudgetExceededException"/> (503).</summary>
internal sealed class TimeBudgetMiddleware(RequestDelegate next, ServeOptions options, ServerMetrics metrics)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!Budgeted(context.Request.Path))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var original = context.RequestAborted;
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(original);
        if (options.RequestTimeBudget > TimeSpan.Zero)
        {
            budget.CancelAfter(options.RequestTimeBudget);
            context.Items[ItemKey] = budget;
        }

        context.RequestAborted = budget.Token;
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (Exception e) when (IsCancellation(e) && original.IsCancellationRequested)
        {
            metrics.ClientGone();
            throw new OperationCanceledException("The client disconnected.", e, original);
        }
        catch (Exception e) when (IsCancellation(e) && budget.IsCancellationRequested)
        {
            metrics.BudgetExceeded();
            throw new TimeBudgetExceededException(context.Items.TryGetValue(SpentKey, out var spent) && spent is TimeSpan t ? t : options.RequestTimeBudget, e);
        }
        finally
        {
            context.RequestAborted = original;
        }
    }

    private const string ItemKey = "comity.time-budget";

    private const string SpentKey = "comity.time-budget.total";

    /// <summary>Once a batch is parsed: its budget becomes <see cref="ServeOptions.RequestTimeBudget"/> plus
    /// <see cref="ServeOptions.RequestTimeBudgetPerSubject"/> for every subject after the first, from now.</summary>
    public static void ForBatch(HttpContext context, ServeOptions options, int subjects)
    {
        if (subjects > 1 && context.Items.TryGetValue(ItemKey, out var b) && b is CancellationTokenSource budget)
        {
            var total = options.RequestTimeBudget + (options.RequestTimeBudgetPerSubject * (subjects - 1));
            context.Items[SpentKey] = total;
            try
            {
                budget.CancelAfter(total);
            }
            catch (ObjectDisposedException)
            {
                // The request is over.
            }
        }
    }

    private static bool Budgeted(PathString path) =>
        path.StartsWithSegments("/match", StringComparison.Ordinal)
        || path.StartsWithSegments("/search", StringComparison.Ordinal)
        || path.StartsWithSegments("/v1/screen", StringComparison.Ordinal);

    /// <summary>A cancellation, also when a parallel batch wraps it in an aggregate.</summary>
    internal static bool IsCancellation(Exception e) => e switch
    {
        OperationCanceledException => true,
        AggregateException a => a.Flatten().InnerExceptions.All(i => i is OperationCanceledException),
        _ => false,
    };
}

/// <summary>A request ran past its time budget (<see cref="ServeOptions.RequestTimeBudget"/>); answered 503.</summary>
internal sealed class TimeBudgetExceededException : Exception
{
    public TimeBudgetExceededException()
    {
    }

    public TimeBudgetExceededException(string message)
        : base(message)
    {
    }

    public TimeBudgetExceededException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TimeBudgetExceededException(TimeSpan budget, Exception innerException)
        : base($"The request took longer than its time budget of {budget.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)} s and was stopped; retry with fewer or shorter names, or split the batch.", innerException)
    {
    }
}
