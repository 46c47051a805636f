using Comity.Application.Batches;
using Comity.Application.Runs;
using Comity.Server.Ui.Security;
using Comity.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.ApplicationParts;

namespace Comity.Server.Ui;

/// <summary>Wires the analyst's desk into <c>comity serve</c>: Razor Pages under <c>/ui</c> (server-rendered, every
/// value HTML-encoded by Razor), antiforgery tokens on every form, UI sessions, batch runs, and the embedded assets.
/// The pages call the same Application services as the API (<see cref="ScreeningRuns"/>, the store's four-eyes
/// reviews, <see cref="Comity.Application.Lists.ListStatuses"/>, the law engine); they hold no rules of their own.</summary>
internal static class UiSetup
{
    public static void AddUi(IServiceCollection services)
    {
        // Keys for antiforgery tokens live in memory: a restart ends every session anyway.
        services.AddDataProtection().UseEphemeralDataProtectionProvider();
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "comity_csrf";
            o.Cookie.Path = "/ui";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.FormFieldName = "csrf_token";
            o.SuppressXFrameOptionsHeader = true;
        });
        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Ui/Pages";
            o.Conventions.ConfigureFilter(new UiRoleFilter());
        }).ConfigureApplicationPartManager(m =>
        {
            // The pages are compiled into this assembly; whatever the entry assembly is (the comity CLI, a test host),
            // they are registered exactly once.
            var assembly = typeof(UiSetup).Assembly;
            var name = assembly.GetName().Name;
            foreach (var part in m.ApplicationParts.Where(p => p.Name == name).ToList())
            {
                m.ApplicationParts.Remove(part);
            }

            foreach (var part in ApplicationPartFactory.GetApplicationPartFactory(assembly).GetApplicationParts(assembly))
            {
                m.ApplicationParts.Add(part);
            }
        });
        services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = new BatchOptions().MaxUploadBytes);
        services.AddSingleton<UiSessions>();
        services.AddSingleton(sp => new BatchRuns(
            sp.GetRequiredService<ScreeningRuns>(),
            sp.GetRequiredService<IComityStore>(),
            () => sp.GetRequiredService<CorpusHost>().Current,
            sp.GetRequiredService<TimeProvider>()));
    }

    public static void MapUi(WebApplication app)
    {
        app.MapGet("/ui/assets/{name}", (HttpContext context, string name) => UiAssets.Serve(context, name)).ExcludeFromDescription();
        app.MapGet("/ui/batches/{id}/status", BatchEndpoints.Status).ExcludeFromDescription();
        app.MapGet("/ui/batches/{id}/results.csv", (HttpContext c, string id, BatchRuns runs) => BatchEndpoints.Download(c, id, runs, csv: true)).ExcludeFromDescription();
        app.MapGet("/ui/batches/{id}/results.jsonl", (HttpContext c, string id, BatchRuns runs) => BatchEndpoints.Download(c, id, runs, csv: false)).ExcludeFromDescription();
        app.MapGet("/", () => Results.Redirect("/ui")).ExcludeFromDescription();
        app.MapRazorPages();
    }
}
