using System.Globalization;
using Comity.Law;
using Comity.Server.Security;
using Comity.Server.Ui.Security;
using Comity.Storage;
using Comity.Storage.Alerts;
using Comity.Storage.Reviews;
using Microsoft.AspNetCore.Mvc;

namespace Comity.Server.Ui.Pages.Alerts;

/// <summary>The alert queue: filters (status, list, decision action, portfolio, run, reviewer, date range), order, pages,
/// counts per status, keyboard navigation and bulk escalation.</summary>
[UiRole(AccessRole.Analyst)]
internal sealed class IndexModel(IComityStore store, CorpusHost host) : UiPage
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Source { get; set; }

    [BindProperty(SupportsGet = true, Name = "decision")]
    public string? DecisionAction { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Run { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Reviewer { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Portfolio { get; set; }

    /// <summary>The monitored portfolios (the filter is shown when there is at least one).</summary>
    public IReadOnlyList<string> Portfolios { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true, Name = "pg")]
    public int PageNumber { get; set; } = 1;

    public AlertPage Alerts { get; private set; } = new([], 0, 0, PageSize);

    public IReadOnlyDictionary<AlertStatus, long> Counts { get; private set; } = new Dictionary<AlertStatus, long>();

    public List<string> Problems { get; } = [];

    public IReadOnlyList<string> Sources => host.Current?.Corpus.DatasetsBySource.Keys.Order(StringComparer.Ordinal).ToList() ?? [];

    public static IReadOnlyList<string> Actions { get; } = [.. LawActions.ByPrecedence.Select(a => a.ToWire()), AlertFilter.NoAction];

    public static IReadOnlyList<(string Value, string Label)> Sorts { get; } =
        [("newest", "Newest first"), ("oldest", "Oldest first"), ("score", "Highest score first"), ("score_asc", "Lowest score first")];

    /// <summary>The listed subject's caption in the corpus in force (the entity id when it is no longer listed).</summary>
    public string Caption(Alert a) => host.Current?.Corpus.Find(a.EntityId)?.Caption ?? a.EntityId;

    public async Task OnGetAsync()
    {
        Portfolios = [.. (await store.Monitoring.ListPortfoliosAsync(HttpContext.RequestAborted)).Select(p => p.Name).Order(StringComparer.Ordinal)];
        var filter = Filter();
        Counts = await store.CountAlertsByStatusAsync(filter, HttpContext.RequestAborted);
        Alerts = await store.ListAlertsAsync(filter with { Offset = (Math.Max(1, PageNumber) - 1) * PageSize, Limit = PageSize }, HttpContext.RequestAborted);
    }

    public async Task<IActionResult> OnPostEscalateAsync(List<string> ids, string? reason, string? back)
    {
        var why = reason?.Trim();
        if (ids.Count == 0)
        {
            Tell("Select at least one alert to escalate.", "bad");
            return BackTo("/ui/alerts" + SafeQuery(back), "/ui/alerts");
        }

        if (string.IsNullOrEmpty(why))
        {
            Tell("Give a reason for the escalation.", "bad");
            return BackTo("/ui/alerts" + SafeQuery(back), "/ui/alerts");
        }

        int done = 0, refused = 0;
        foreach (var id in ids.Distinct(StringComparer.Ordinal).Take(AlertFilter.MaxLimit))
        {
            var result = await store.ReviewAsync(id, new ReviewRequest(Session.Name, ReviewOutcome.Escalate, why), HttpContext.RequestAborted);
            if (result.Accepted)
            {
                done++;
            }
            else
            {
                refused++;
            }
        }

        Tell(string.Create(CultureInfo.InvariantCulture, $"Escalated {done} alert{(done == 1 ? "" : "s")}.")
            + (refused > 0 ? string.Create(CultureInfo.InvariantCulture, $" {refused} could not be escalated (closed, already escalated, or awaiting a second reviewer other than you).") : string.Empty),
            refused > 0 ? "bad" : "ok");
        return BackTo("/ui/alerts" + SafeQuery(back), "/ui/alerts");
    }

    private static string SafeQuery(string? q) => q is { Length: > 1 } s && s[0] == '?' && !s.Contains('#', StringComparison.Ordinal) ? s : string.Empty;

    private AlertFilter Filter()
    {
        var f = new AlertFilter();
        if (Status is { Length: > 0 } && Status != "all")
        {
            if (AlertText.ParseStatus(Status) is { } st)
            {
                f = f with { Status = st };
            }
            else
            {
                Problems.Add("Unknown status; showing every status.");
                Status = null;
            }
        }

        if (Source is { Length: > 0 })
        {
            f = f with { Source = Source };
        }

        if (DecisionAction is { Length: > 0 })
        {
            if (Actions.Contains(DecisionAction, StringComparer.Ordinal))
            {
                f = f with { Action = DecisionAction };
            }
            else
            {
                Problems.Add("Unknown decision action; showing every action.");
                DecisionAction = null;
            }
        }

        if (Run is { Length: > 0 })
        {
            f = f with { RunId = Run };
        }

        if (Reviewer is { Length: > 0 })
        {
            f = f with { Reviewer = Reviewer.Trim() };
        }

        if (Portfolio is { Length: > 0 })
        {
            f = f with { Portfolio = Portfolio };
        }

        if (ParseDay(From, "From") is { } from)
        {
            f = f with { CreatedFrom = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) };
        }

        if (ParseDay(To, "To") is { } to)
        {
            f = f with { CreatedTo = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) };
        }

        f = f with
        {
            Sort = Sort switch
            {
                "oldest" => AlertSort.Oldest,
                "score" => AlertSort.ScoreDescending,
                "score_asc" => AlertSort.ScoreAscending,
                _ => AlertSort.Newest,
            },
        };
        return f;
    }

    private DateOnly? ParseDay(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            return d;
        }

        Problems.Add($"{field}: expected a date yyyy-MM-dd; ignored.");
        return null;
    }

    /// <summary>This page's address with one query parameter changed (paging, status tabs).</summary>
    public string With(string key, string? value)
    {
        var q = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["status"] = Status,
            ["source"] = Source,
            ["decision"] = DecisionAction,
            ["run"] = Run,
            ["reviewer"] = Reviewer,
            ["portfolio"] = Portfolio,
            ["from"] = From,
            ["to"] = To,
            ["sort"] = Sort,
            ["pg"] = key == "pg" ? null : PageNumber > 1 ? PageNumber.ToString(CultureInfo.InvariantCulture) : null,
        };
        q[key] = value;
        if (key != "pg")
        {
            q["pg"] = null;
        }

        var parts = q.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => p.Key + "=" + Uri.EscapeDataString(p.Value!));
        var query = string.Join('&', parts);
        return "/ui/alerts" + (query.Length > 0 ? "?" + query : string.Empty);
    }

    public string CurrentQuery => Request.QueryString.HasValue ? Request.QueryString.Value! : string.Empty;

    public long TotalAll => Counts.Values.Sum();
}
