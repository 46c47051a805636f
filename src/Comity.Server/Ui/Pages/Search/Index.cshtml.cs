using Comity.Application.Screening;
using Comity.Core.Model;
using Comity.Server.Security;
using Comity.Server.Ui.Security;

namespace Comity.Server.Ui.Pages.Search;

/// <summary>Subject search across the corpus: a name goes through the one screening pipeline (as
/// <c>/search?fuzzy=true</c> does), one result per subject with all its listings; an entity id opens it.</summary>
[UiRole(AccessRole.Screener)]
internal sealed class IndexModel(CorpusHost host) : UiPage
{
    public const int Limit = 25;

    public string? Q { get; private set; }

    public ScreeningResult? Result { get; private set; }

    public string? Error { get; private set; }

    public Microsoft.AspNetCore.Mvc.IActionResult OnGet(string? q)
    {
        Q = q?.Trim();
        if (string.IsNullOrEmpty(Q))
        {
            return Page();
        }

        var snapshot = host.Current;
        if (snapshot is null)
        {
            Error = "The lists are still loading.";
            return Page();
        }

        if (snapshot.Corpus.Find(Q) is { } exact)
        {
            return LocalRedirect("/ui/entities/" + Uri.EscapeDataString(exact.Id));
        }

        var query = new Query { Names = [Q], Schema = Schema.LegalEntity };
        if (QueryLimits.Check(query) is { } violation)
        {
            Error = violation.Message;
            return Page();
        }

        // Any kind of subject, as /search's default schema "Thing": persons and organisations, vessels, aircraft.
        var scope = new CandidateScope { QuerySchemata = [Schema.LegalEntity, Schema.Vessel, Schema.Airplane] };
        var screener = new Screener(snapshot.Corpus, new ScreeningOptions { Limit = Limit, MinScore = 0.5, Scope = scope });
        Result = screener.ScreenCancellable(query, HttpContext.RequestAborted);
        return Page();
    }
}
