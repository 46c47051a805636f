using Comity.Server.Security;

namespace Comity.Server.Ui.Pages;

/// <summary>Shown (403) when a page needs a stronger role than the session's.</summary>
internal sealed class ForbiddenModel : UiPage
{
    public string Need { get; private set; } = "analyst";

    public void OnGet(string? need)
    {
        Need = Caller.ParseRole(need) is { } r ? Caller.RoleName(r) : "analyst";
        Response.StatusCode = StatusCodes.Status403Forbidden;
    }
}
