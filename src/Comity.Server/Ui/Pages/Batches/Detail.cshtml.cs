using Comity.Application.Batches;
using Comity.Application.Input;
using Comity.Application.Screening;
using Comity.Law;
using Comity.Server.Security;
using Comity.Server.Ui.Security;
using Microsoft.AspNetCore.Mvc;

namespace Comity.Server.Ui.Pages.Batches;

/// <summary>One batch run: the column mapping to confirm (detected from the header, editable, with a preview), then
/// the live progress, cancel, and the results to download.</summary>
[UiRole(AccessRole.Screener)]
internal sealed class DetailModel(BatchRuns runs, Lazy<LawEngine> law, TimeProvider time) : UiPage
{
    public BatchJob Job { get; private set; } = null!;

    public List<string> Errors { get; } = [];

    /// <summary>Every field a column can be read as, by wire name.</summary>
    public static IReadOnlyList<string> Fields { get; } = [.. Enum.GetValues<QueryField>().Select(f => f.WireName())];

    public IActionResult OnGet(string id)
    {
        if (BatchEndpoints.Visible(HttpContext, id, runs) is not { } job)
        {
            return NotFound();
        }

        Job = job;
        return Page();
    }

    public IActionResult OnPostStart(string id, List<string> map, string? jurisdiction, string? role, string? asOf)
    {
        if (BatchEndpoints.Visible(HttpContext, id, runs) is not { } job)
        {
            return NotFound();
        }

        Job = job;
        var mapping = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < job.File.Header.Count; i++)
        {
            var chosen = i < map.Count ? map[i] : null;
            var column = job.File.Header[i];
            if (column.Length == 0 || mapping.ContainsKey(column))
            {
                continue;
            }

            if (string.IsNullOrEmpty(chosen) || chosen == QueryCsv.Ignore)
            {
                mapping[column] = QueryCsv.Ignore;
            }
            else if (Fields.Contains(chosen, StringComparer.Ordinal))
            {
                mapping[column] = chosen;
            }
        }

        var profile = new ProfileForm(jurisdiction, role, asOf).Parse(law.Value, time);
        Errors.AddRange(profile.Errors.Select(e => e.ToString()));
        if (Errors.Count == 0)
        {
            try
            {
                runs.Start(job, mapping, new ScreeningOptions(), profile.Profile);
                return LocalRedirect("/ui/batches/" + job.Id);
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                Errors.Add(e.Message);
            }
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public IActionResult OnPostCancel(string id)
    {
        if (BatchEndpoints.Visible(HttpContext, id, runs) is not { } job)
        {
            return NotFound();
        }

        Tell(runs.Cancel(job.Id) ? "Cancelling: the rows screened so far stay in the results and their alerts are kept." : "The run had already stopped.");
        return LocalRedirect("/ui/batches/" + job.Id);
    }
}
