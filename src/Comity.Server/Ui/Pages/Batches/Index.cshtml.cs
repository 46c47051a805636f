using Comity.Application.Batches;
using Comity.Server.Security;
using Comity.Server.Ui.Security;
using Microsoft.AspNetCore.Mvc;

namespace Comity.Server.Ui.Pages.Batches;

/// <summary>Upload a customer file (CSV or XLSX) and see the batch runs (yours; every run for an admin).</summary>
[UiRole(AccessRole.Screener)]
[RequestSizeLimit(64L * 1024 * 1024 + 65536)]
internal sealed class IndexModel(BatchRuns runs) : UiPage
{
    public IReadOnlyList<BatchJob> Jobs { get; private set; } = [];

    public string? Error { get; private set; }

    public void OnGet() => Jobs = runs.List(Session.Role == AccessRole.Admin ? null : Session.Name);

    public async Task<IActionResult> OnPostAsync(IFormFile? file)
    {
        if (file is null || file.Length == 0)
        {
            Error = "Choose a CSV or XLSX file with a header row.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            OnGet();
            return Page();
        }

        try
        {
            await using var stream = file.OpenReadStream();
            var job = await runs.UploadAsync(Session.Name, file.FileName, stream, HttpContext.RequestAborted);
            return LocalRedirect("/ui/batches/" + job.Id);
        }
        catch (InvalidDataException e)
        {
            Error = e.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            OnGet();
            return Page();
        }
    }
}
