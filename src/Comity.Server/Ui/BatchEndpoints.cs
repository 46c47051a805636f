using Comity.Application.Batches;
using Comity.Server.Security;
using Comity.Server.Ui.Security;

namespace Comity.Server.Ui;

/// <summary>The parts of a batch run that are not pages: its progress as JSON (polled by the progress bar) and its
/// results as files. Only the uploader and admins see a run.</summary>
internal static class BatchEndpoints
{
    public static IResult Status(HttpContext context, string id, BatchRuns runs)
    {
        if (Visible(context, id, runs) is not { } job)
        {
            return Results.NotFound();
        }

        return Results.Json(new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["id"] = job.Id,
            ["state"] = StateName(job.State),
            ["total"] = job.Total,
            ["processed"] = job.Processed,
            ["percent"] = job.Percent,
            ["errors"] = job.Errors,
            ["matched"] = job.Matched,
            ["alerts"] = job.AlertsCreated,
            ["finished"] = job.Finished,
            ["error"] = job.Error,
        });
    }

    public static IResult Download(HttpContext context, string id, BatchRuns runs, bool csv)
    {
        if (Visible(context, id, runs) is not { } job || !job.Finished)
        {
            return Results.NotFound();
        }

        var path = csv ? job.CsvPath : job.JsonlPath;
        if (!File.Exists(path))
        {
            return Results.NotFound();
        }

        var stem = Path.GetFileNameWithoutExtension(job.File.Name);
        var safe = new string([.. stem.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_')]);
        return Results.File(path, csv ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8", $"{safe}-results.{(csv ? "csv" : "jsonl")}");
    }

    public static BatchJob? Visible(HttpContext context, string id, BatchRuns runs)
    {
        var session = UiMiddleware.Of(context);
        var job = runs.Get(id);
        return session is null || job is null ? null
            : session.Role == AccessRole.Admin || string.Equals(session.Name, job.Owner, StringComparison.Ordinal) ? job : null;
    }

    public static string StateName(BatchState state) => state switch
    {
        BatchState.Mapping => "mapping",
        BatchState.Queued => "queued",
        BatchState.Running => "running",
        BatchState.Completed => "completed",
        BatchState.Cancelled => "cancelled",
        _ => "failed",
    };
}
