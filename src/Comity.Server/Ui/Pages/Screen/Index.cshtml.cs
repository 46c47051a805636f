using Comity.Application.Input;
using Comity.Application.Runs;
using Comity.Application.Screening;
using Comity.Law;
using Comity.Server.Security;
using Comity.Server.Ui.Security;
using Microsoft.AspNetCore.Mvc;

namespace Comity.Server.Ui.Pages.Screen;

/// <summary>Screens one subject through <see cref="ScreeningRuns"/> (the pipeline of <c>POST /v1/screen</c>): its
/// matches become alerts for review.</summary>
[UiRole(AccessRole.Screener)]
internal sealed class IndexModel(CorpusHost host, ScreeningRuns runs, Lazy<LawEngine> law, TimeProvider time) : UiPage
{
    public static IReadOnlyList<(string Value, string Label)> Schemata { get; } =
        [("Person", "Person"), ("Organization", "Organisation"), ("Company", "Company"), ("LegalEntity", "Any legal entity"), ("Vessel", "Vessel"), ("Airplane", "Aircraft")];

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string Schema { get; set; } = "Person";

    [BindProperty]
    public string? BirthDate { get; set; }

    [BindProperty]
    public string? Country { get; set; }

    [BindProperty]
    public string? Identifier { get; set; }

    [BindProperty]
    public string? Jurisdiction { get; set; }

    [BindProperty]
    public string? Role { get; set; } = "financial";

    [BindProperty]
    public string? AsOf { get; set; }

    public List<string> Errors { get; } = [];

    public RunOutcome? Outcome { get; private set; }

    public async Task<IActionResult> OnPostAsync()
    {
        var snapshot = host.Current;
        if (snapshot is null)
        {
            Errors.Add("The lists are still loading; try again in a moment.");
            return Page();
        }

        var builder = new QueryBuilder()
            .Add(QueryField.Name, Name)
            .Add(QueryField.Schema, Schema)
            .Add(QueryField.BirthDate, BirthDate)
            .Add(QueryField.Country, Country)
            .Add(QueryField.OtherId, Identifier);
        var query = builder.Build(out var error);
        if (query is null)
        {
            Errors.Add(error ?? "Enter a name.");
        }

        var profile = new ProfileForm(Jurisdiction, Role, AsOf).Parse(law.Value, time);
        Errors.AddRange(profile.Errors.Select(e => e.ToString()));
        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Outcome = await runs.ScreenAsync(snapshot, new ScreeningRequest([query!], new ScreeningOptions(), profile.Profile), Session.Name, (string?)null, HttpContext.RequestAborted);
        return Page();
    }
}
