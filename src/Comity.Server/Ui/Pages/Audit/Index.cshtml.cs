using Comity.Server.Security;
using Comity.Server.Ui.Security;
using Comity.Storage;
using Comity.Storage.Audit;

namespace Comity.Server.Ui.Pages.Audit;

/// <summary>The audit log, a page at a time (as <c>GET /v1/audit</c>), and — for admins — the verification of its
/// hash chain (as <c>GET /v1/audit/verify</c>).</summary>
[UiRole(AccessRole.Analyst)]
internal sealed class IndexModel(IComityStore store) : UiPage
{
    public const int PageSize = 100;

    public long After { get; private set; }

    public IReadOnlyList<AuditRecord> Records { get; private set; } = [];

    public AuditVerification? Verification { get; private set; }

    public async Task OnGetAsync(long after = 0)
    {
        After = Math.Max(0, after);
        Records = await store.ReadAuditAsync(After, PageSize, HttpContext.RequestAborted);
    }

    public async Task OnPostVerifyAsync(long after = 0)
    {
        if (Can(AccessRole.Admin))
        {
            Verification = await store.VerifyAuditAsync(HttpContext.RequestAborted);
        }
        else
        {
            Response.StatusCode = StatusCodes.Status403Forbidden;
        }

        await OnGetAsync(after);
    }
}
