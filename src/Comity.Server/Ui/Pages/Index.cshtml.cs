using Comity.Server.Security;
using Microsoft.AspNetCore.Mvc;

namespace Comity.Server.Ui.Pages;

/// <summary>The desk's front door: analysts start at the alert queue, screeners at the screening form.</summary>
internal sealed class IndexModel : UiPage
{
    public IActionResult OnGet() => LocalRedirect(Can(AccessRole.Analyst) ? "/ui/alerts" : "/ui/screen");
}
