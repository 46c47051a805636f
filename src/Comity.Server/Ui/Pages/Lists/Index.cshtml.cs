using Comity.Application.Lists;
using Comity.Server.Security;
using Comity.Server.Ui.Security;
using Microsoft.AspNetCore.Mvc;

namespace Comity.Server.Ui.Pages.Lists;

/// <summary>Every dataset with version, data date, age, staleness and completeness (<see cref="ListStatuses"/>, as
/// <c>GET /v1/lists</c>), the last load attempt, and — with a list store (<c>COMITY_DATA_DIR</c>) — each source's
/// version history and the diff between two versions (<see cref="ListDiff"/>, as <c>comity lists diff</c>).</summary>
[UiRole(AccessRole.Screener)]
internal sealed class IndexModel(CorpusHost host) : UiPage
{
    public CorpusSnapshot? Snapshot { get; private set; }

    public IReadOnlyList<ListStatus> Statuses { get; private set; } = [];

    public DateOnly AsOf { get; private set; }

    public ListStore? Store { get; private set; }

    public IReadOnlyDictionary<string, IReadOnlyList<ListVersion>> History { get; private set; } = new Dictionary<string, IReadOnlyList<ListVersion>>();

    public IReadOnlyDictionary<string, string> Current { get; private set; } = new Dictionary<string, string>();

    public ListDiff? Diff { get; private set; }

    public string? DiffError { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? DiffSource { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? DiffFrom { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? DiffTo { get; set; }

    public ReloadAttempt? LastAttempt => host.LastAttempt;

    public ReloadAttempt? LastFailure => host.LastFailure;

    public bool Reloading => host.Reloading;

    public void OnGet()
    {
        AsOf = Today;
        Snapshot = host.Current;
        Statuses = Snapshot is null ? [] : ListStatuses.Of(Snapshot.Corpus);
        Store = ListStore.Resolve(null);
        if (Store is null || !Directory.Exists(Store.Root))
        {
            Store = null;
            return;
        }

        Current = Store.Current();
        History = Store.Sources().ToDictionary(s => s, s => Store.History(s), StringComparer.Ordinal);
        if (DiffSource is { Length: > 0 } source)
        {
            try
            {
                Diff = ListDiff.Compare(Store, SourcesConfig.LoadDefault(), source, Blank(DiffFrom), Blank(DiffTo));
            }
            catch (Exception e) when (e is ArgumentException or IOException or InvalidDataException or Comity.Sources.Abstractions.ListFormatException)
            {
                DiffError = e.Message;
            }
        }
    }

    public IActionResult OnPostReload()
    {
        if (!Can(AccessRole.Admin))
        {
            return LocalRedirect("/ui/forbidden?need=admin");
        }

        _ = host.ReloadAsync("ui:" + Session.Name);
        Tell("Reloading the lists in the background; the corpus in force stays until the new one is ready.");
        return LocalRedirect("/ui/lists");
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
