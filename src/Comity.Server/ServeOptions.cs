using System.Globalization;
using Comity.Storage;

namespace Comity.Server;

/// <summary>How <c>comity serve</c> runs. Immutable; every default is here.</summary>
public sealed record ServeOptions
{
    public const string DefaultUrls = "http://127.0.0.1:8080";

    public const string DefaultDb = ComityStores.DefaultSpec;

    /// <summary>Addresses Kestrel listens on (semicolon-separated). Port 0 picks a free port. Without API keys every
    /// non-loopback host is replaced by 127.0.0.1.</summary>
    public string Urls { get; init; } = DefaultUrls;

    /// <summary>Store spec: <c>sqlite:PATH</c> or <c>postgres:CONNECTION_STRING</c>.</summary>
    public string Db { get; init; } = DefaultDb;

    /// <summary>List files or folders to serve; null serves the bundled default corpus.</summary>
    public IReadOnlyList<string>? Lists { get; init; }

    /// <summary>JSON file of API keys (<c>{"keys": [{"name", "role", "key"}]}</c>); also <c>$COMITY_KEYS_FILE</c>.
    /// Keys may also come from <c>$COMITY_API_KEYS</c> (<c>name:role:key;...</c>).</summary>
    public string? KeysFile { get; init; }

    /// <summary>Reload the corpus when a list file changes.</summary>
    public bool WatchLists { get; init; } = true;

    /// <summary>Quiet period after a list file change before the reload starts.</summary>
    public TimeSpan WatchDebounce { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Requests per second allowed per API key (or per client address without keys); token bucket.</summary>
    public int RateLimitPerSecond { get; init; } = 5000;

    /// <summary>Burst size of the per-key token bucket: how many requests a caller whose bucket is full may send back
    /// to back; null: one second's worth (<see cref="RateLimitPerSecond"/>), so <c>--rate-limit 5</c> lets 5 through and
    /// then 5 more each second.</summary>
    public int? RateLimitBurst { get; init; }

    /// <summary>The burst in force: <see cref="RateLimitBurst"/>, or one second's worth of requests.</summary>
    public int EffectiveRateLimitBurst => Math.Max(1, RateLimitBurst ?? RateLimitPerSecond);

    /// <summary>Largest accepted request body.</summary>
    public long MaxRequestBodyBytes { get; init; } = 8L * 1024 * 1024;

    /// <summary>Most subjects in one <c>POST /v1/screen</c>.</summary>
    public int MaxScreenBatch { get; init; } = 1000;

    /// <summary>Browser origins allowed to call the API cross-origin (CORS), e.g. <c>https://ui.example.org</c>; <c>*</c>
    /// allows any. Empty (the default): no CORS headers are sent, so browsers refuse cross-origin calls.</summary>
    public IReadOnlyList<string> CorsOrigins { get; init; } = [];

    /// <summary>Wall-time budget of one screening request (<c>/match</c>, <c>/search</c>, <c>/v1/screen</c>), from the
    /// moment it passes authentication to its answer; beyond it the work stops and the answer is 503. Zero or less
    /// disables the budget (the client's disconnect still stops the work).</summary>
    public TimeSpan RequestTimeBudget { get; init; } = DefaultRequestTimeBudget;

    public static TimeSpan DefaultRequestTimeBudget => TimeSpan.FromSeconds(2);

    /// <summary>Added to <see cref="RequestTimeBudget"/> for every subject (query) of a batch after the first.</summary>
    public TimeSpan RequestTimeBudgetPerSubject { get; init; } = DefaultRequestTimeBudgetPerSubject;

    public static TimeSpan DefaultRequestTimeBudgetPerSubject => TimeSpan.FromMilliseconds(100);

    /// <summary>How long an Idempotency-Key replays its request (per API key, bound to the request's canonical body).</summary>
    public TimeSpan IdempotencyLifetime { get; init; } = Comity.Storage.StoreOptions.DefaultIdempotencyLifetime;

    /// <summary>Without API keys the reviewer is only named in the body, so four eyes cannot be enforced: a
    /// <c>true_match</c> review is refused unless this is set (<c>--allow-unauthenticated-review</c>).</summary>
    public bool AllowUnauthenticatedReview { get; init; }

    /// <summary>The data dir of downloaded list versions (<c>--data-dir</c>, <c>COMITY_DATA_DIR</c>): without
    /// <see cref="Lists"/>, the corpus is the bundled files with each source's current download, read again on every
    /// reload, and a new current set (this node's scheduled update, another node's, a manual <c>lists update</c>) is
    /// noticed within <see cref="CurrentSetPoll"/> and loaded.</summary>
    public string? DataDir { get; init; }

    /// <summary>Run <c>lists update</c> on this schedule (<c>--update-every</c>; needs <see cref="DataDir"/>); null: never.</summary>
    public TimeSpan? UpdateEvery { get; init; }

    /// <summary>The sources file of scheduled updates; null: <c>data/sources.json</c>.</summary>
    public string? SourcesFile { get; init; }

    /// <summary>How often <c>current.json</c> of the data dir is read for a new current set.</summary>
    public TimeSpan CurrentSetPoll { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Take monitoring jobs and deliver webhooks in this process (<c>--no-worker</c> turns it off, e.g. when
    /// separate <c>comity worker</c> processes do it).</summary>
    public bool RunWorker { get; init; } = true;

    /// <summary>This node's name (jobs' lease owner, scheduled updates); default host name and process id.</summary>
    public string Node { get; init; } = DefaultNode();

    /// <summary>How monitoring screens, leases jobs and retries webhooks.</summary>
    public Comity.Application.Monitoring.MonitorOptions Monitor { get; init; } = new();

    /// <summary>The default node name: host name and process id.</summary>
    public static string DefaultNode() => Environment.MachineName + ":" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);

    /// <summary>Source of "now" (timestamps, as-of dates).</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Minimum log level of the console log.</summary>
    public LogLevel LogLevel { get; init; } = LogLevel.Information;

    /// <summary>Reads <c>--urls U --db SPEC --lists PATH (repeatable) --keys FILE --no-watch --rate-limit N
    /// --cors-origin ORIGIN (repeatable) --time-budget SECONDS --time-budget-per-subject SECONDS --idempotency-ttl SECONDS --allow-unauthenticated-review
    /// --log-level L</c>.</summary>
    public static ServeOptions Parse(IReadOnlyList<string> args)
    {
        var o = new ServeOptions();
        List<string>? lists = null;
        for (var i = 0; i < args.Count; i++)
        {
            var a = args[i];
            string Next() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{a} needs a value");
            switch (a)
            {
                case "--urls":
                    o = o with { Urls = Next() };
                    break;
                case "--db":
                    o = o with { Db = Next() };
                    break;
                case "--lists":
                    (lists ??= []).Add(Next());
                    break;
                case "--keys":
                    o = o with { KeysFile = Next() };
                    break;
                case "--no-watch":
                    o = o with { WatchLists = false };
                    break;
                case "--rate-limit":
                    o = o with { RateLimitPerSecond = int.Parse(Next(), NumberStyles.None, CultureInfo.InvariantCulture) };
                    break;
                case "--rate-burst":
                    o = o with { RateLimitBurst = int.Parse(Next(), NumberStyles.None, CultureInfo.InvariantCulture) };
                    break;
                case "--cors-origin":
                    o = o with { CorsOrigins = [.. o.CorsOrigins, Next()] };
                    break;
                case "--time-budget":
                    o = o with { RequestTimeBudget = Seconds(a, Next()) };
                    break;
                case "--time-budget-per-subject":
                    o = o with { RequestTimeBudgetPerSubject = Seconds(a, Next()) };
                    break;
                case "--idempotency-ttl":
                    o = o with { IdempotencyLifetime = Seconds(a, Next()) };
                    break;
                case "--allow-unauthenticated-review":
                    o = o with { AllowUnauthenticatedReview = true };
                    break;
                case "--data-dir":
                    o = o with { DataDir = Next() };
                    break;
                case "--update-every":
                    o = o with { UpdateEvery = Interval(a, Next()) };
                    break;
                case "--sources":
                    o = o with { SourcesFile = Next() };
                    break;
                case "--no-worker":
                    o = o with { RunWorker = false };
                    break;
                case "--log-level":
                    o = o with { LogLevel = Enum.Parse<LogLevel>(Next(), ignoreCase: true) };
                    break;
                default:
                    throw new ArgumentException($"unknown option {a} (use --urls, --db, --lists, --keys, --no-watch, --rate-limit, --rate-burst, --cors-origin, --time-budget, --time-budget-per-subject, --idempotency-ttl, --allow-unauthenticated-review, --data-dir, --update-every, --sources, --no-worker, --log-level)");
            }
        }

        return lists is null ? o : o with { Lists = lists };
    }

    /// <summary>A duration: a number with a unit, <c>30s</c>, <c>15m</c>, <c>1h</c>, <c>1d</c> (at least one second).</summary>
    public static TimeSpan Interval(string option, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim();
        var unit = t.Length > 0 ? t[^1] : ' ';
        var factor = unit switch { 's' => 1.0, 'm' => 60.0, 'h' => 3600.0, 'd' => 86400.0, _ => 0 };
        if (factor == 0 || !double.TryParse(t[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var n) || !double.IsFinite(n) || n * factor < 1 || n * factor > 366 * 86400)
        {
            throw new ArgumentException($"{option} {text}: expected a duration such as 30s, 15m, 1h or 1d (from 1 second to 366 days)");
        }

        return TimeSpan.FromSeconds(n * factor);
    }

    private static TimeSpan Seconds(string option, string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && double.IsFinite(s) && s >= 0
            ? TimeSpan.FromSeconds(s)
            : throw new ArgumentException($"{option} {text}: expected a number of seconds");
}
