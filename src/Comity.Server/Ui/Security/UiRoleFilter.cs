using Comity.Server.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Comity.Server.Ui.Security;

/// <summary>The role a page needs (the same roles as the API: analyst pages read and review alerts, admin pages
/// verify the audit chain).</summary>
[AttributeUsage(AttributeTargets.Class)]
internal sealed class UiRoleAttribute(AccessRole role) : Attribute
{
    public AccessRole Role { get; } = role;
}

/// <summary>Refuses a page to a session whose role is below the page's <see cref="UiRoleAttribute"/> (403 page).</summary>
internal sealed class UiRoleFilter : IPageFilter
{
    public void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
    }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        var need = context.HandlerInstance.GetType().GetCustomAttributes(typeof(UiRoleAttribute), inherit: true).OfType<UiRoleAttribute>().FirstOrDefault();
        if (need is null)
        {
            return;
        }

        var session = UiMiddleware.Of(context.HttpContext);
        if (session is null || session.Role < need.Role)
        {
            context.Result = new RedirectResult("/ui/forbidden?need=" + Caller.RoleName(need.Role));
        }
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
    }
}
