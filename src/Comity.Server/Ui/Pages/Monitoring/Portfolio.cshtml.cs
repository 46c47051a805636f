using Comity.Application.Monitoring;
using Comity.Core.Model;
using Comity.Server.Security;
using Comity.Server.Ui.Security;
using Comity.Storage.Monitoring;
using Microsoft.AspNetCore.Mvc;

namespace Comity.Server.Ui.Pages.Monitoring;

/// <summary>One portfolio: its settings and shards, its subjects a page at a time (as
/// <c>GET /v1/portfolios/{name}/subjects</c>), its events newest first (the feed of <c>GET /v1/events</c> read
/// backwards by sequence number), and for admins its webhooks with delivery counts and dead letters and its re-screen
/// jobs (as the admin-only <c>/v1</c> webhook and job endpoints).</summary>
[UiRole(AccessRole.Analyst)]
internal sealed class PortfolioModel(MonitorService monitor) : UiPage
{
    public const int SubjectPageSize = 50;
    public const int EventPageSize = 50;
    public const int DeadLetters = 20;
    public const int Jobs = 50;

    public PortfolioStatus Status { get; private set; } = null!;

    public IReadOnlyList<StoredSubject> Subjects { get; private set; } = [];

    public long SubjectTotal { get; private set; }

    public int SubjectPage { get; private set; } = 1;

    /// <summary>The events page's cursor (events with seq below it), null for the newest.</summary>
    public long? Before { get; private set; }

    /// <summary>The other cursor: the page of the events just newer than this seq (still shown newest first); used
    /// only without <see cref="Before"/>.</summary>
    public long? After { get; private set; }

    /// <summary>Events newer than the first one shown exist.</summary>
    public bool HasNewer { get; private set; }

    /// <summary>Events older than the last one shown exist.</summary>
    public bool HasOlder { get; private set; }

    public IReadOnlyList<MonitorEvent> Events { get; private set; } = [];

    public IReadOnlyList<WebhookStatus> Webhooks { get; private set; } = [];

    public JobBoard? JobBoard { get; private set; }

    public async Task<IActionResult> OnGetAsync(string name, int pg = 1, long? before = null, long? after = null)
    {
        var ct = HttpContext.RequestAborted;
        if (await monitor.StatusAsync(name, ct) is not { } status)
        {
            return NotFound();
        }

        Status = status;
        SubjectPage = Math.Max(1, pg);
        var offset = (int)Math.Min(int.MaxValue - SubjectPageSize, (SubjectPage - 1L) * SubjectPageSize);
        (Subjects, SubjectTotal) = await monitor.Store.PageSubjectsAsync(name, offset, SubjectPageSize, ct);
        Before = before is > 0 ? before : null;
        After = Before is null && after is >= 0 ? after : null;
        await ReadEventsAsync(name, ct);
        if (Can(AccessRole.Admin))
        {
            Webhooks = await monitor.WebhooksAsync(name, DeadLetters, ct);
            JobBoard = await monitor.JobsAsync(name, Jobs, ct);
        }

        return Page();
    }

    /// <summary>One page of events, newest first, and whether newer and older ones exist (one more event is read than
    /// shown, and one event probed on the other side, so a link never leads to an empty page).</summary>
    private async Task ReadEventsAsync(string name, CancellationToken ct)
    {
        if (After is { } a)
        {
            var newer = await monitor.Store.ReadEventsAsync(a, EventPageSize + 1, name, ct);
            HasNewer = newer.Count > EventPageSize;
            Events = [.. newer.Take(EventPageSize).Reverse()];
            HasOlder = (await monitor.Store.ReadEventsBeforeAsync(Events.Count > 0 ? Events[^1].Seq : a + 1, 1, name, ct)).Count > 0;
            return;
        }

        var older = await monitor.RecentEventsAsync(name, Before, EventPageSize + 1, ct);
        HasOlder = older.Count > EventPageSize;
        Events = [.. older.Take(EventPageSize)];
        HasNewer = Before is { } b && (await monitor.Store.ReadEventsAsync(Events.Count > 0 ? Events[0].Seq : b - 1, 1, name, ct)).Count > 0;
    }

    public int SubjectPages => (int)Math.Max(1, (SubjectTotal + SubjectPageSize - 1) / SubjectPageSize);

    public string Here(int? pg, long? before, long? after = null)
    {
        var q = new List<string>();
        if (pg is > 1)
        {
            q.Add("pg=" + pg.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (before is { } b)
        {
            q.Add("before=" + b.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        else if (after is { } a)
        {
            q.Add("after=" + a.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return IndexModel.PageOf(Status.Portfolio.Name) + (q.Count > 0 ? "?" + string.Join("&", q) : string.Empty);
    }

    /// <summary>A subject's screened name and schema as stored (its query), or null when the stored query cannot be read.</summary>
    public static (string Name, string Schema)? Screened(StoredSubject s)
    {
        try
        {
            var q = QueryCodec.Decode(s.QueryJson);
            return (q.Names.IsDefaultOrEmpty ? string.Empty : q.Names[0], q.Schema.Name());
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public static string Payload(string json) => json.Length > 200 ? json[..200] + "…" : json;

    public static string JobStatusName(JobStatus s) => s.ToString().ToLowerInvariant();

    public static string? Maybe(DateTimeOffset? t) => t is { } v ? Date(v) : null;
}
