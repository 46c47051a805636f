using System.CommandLine;
using Comity.Server;

namespace Comity.Cli.Commands;

/// <summary><c>comity serve</c> (the HTTP API) and <c>comity audit verify</c>.</summary>
internal static class ServeCommand
{
    public static Command Serve(CliContext context)
    {
        var urls = new Option<string>("--urls") { Description = "Addresses to listen on (semicolon-separated http(s)://host:port).", DefaultValueFactory = _ => ServeOptions.DefaultUrls };
        var db = new Option<string>("--db") { Description = "sqlite:PATH (default, no setup) or postgres:CONNECTION_STRING.", DefaultValueFactory = _ => ServeOptions.DefaultDb };
        var lists = CorpusOptions.List();
        var keys = new Option<string?>("--keys") { Description = "JSON file of API keys {\"keys\":[{\"name\",\"role\",\"key\"}]}; also COMITY_API_KEYS=name:role:key;... Without keys the server binds to loopback only." };
        var noWatch = new Option<bool>("--no-watch") { Description = "Do not reload the lists when their files change." };
        var rate = new Option<int?>("--rate-limit") { Description = "Requests per second per API key (or client address); default 5000. Beyond it: 429 with Retry-After." };
        var burst = new Option<int?>("--rate-burst") { Description = "Requests a caller may send back to back before the rate applies; default: one second's worth (the --rate-limit value)." };
        var cors = new Option<string[]>("--cors-origin") { Description = "Browser origin allowed to call the API cross-origin (repeatable; * allows any). Default: none.", AllowMultipleArgumentsPerToken = false };
        var budget = new Option<double?>("--time-budget") { Description = $"Seconds one screening request (/match, /search, /v1/screen) may take before it is stopped with 503 (default {ServeOptions.DefaultRequestTimeBudget.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)}; 0 disables)." };
        var budgetPerSubject = new Option<double?>("--time-budget-per-subject") { Description = $"Seconds added to the budget for every subject of a batch after the first (default {ServeOptions.DefaultRequestTimeBudgetPerSubject.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)})." };
        var idempotencyTtl = new Option<double?>("--idempotency-ttl") { Description = $"Seconds an Idempotency-Key replays its request (default {Comity.Storage.StoreOptions.DefaultIdempotencyLifetime.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)}, 24 h)." };
        var allowReview = new Option<bool>("--allow-unauthenticated-review") { Description = "Without API keys, accept true_match reviews anyway (four eyes is then not enforced: the reviewer is only named in the body)." };
        var updateEvery = new Option<string?>("--update-every") { Description = "Run 'lists update' on this schedule inside the server (30s, 15m, 1h, 1d; needs --data-dir). With PostgreSQL one node updates (advisory lock) and every node loads the new current set." };
        var sources = ListsUpdateCommand.SourcesOption();
        var noWorker = new Option<bool>("--no-worker") { Description = "Do not take monitoring jobs or deliver webhooks in this process (comity worker processes do)." };
        var cmd = new Command("serve", "Serve the yente-compatible and native HTTP API (alerts, reviews, audit log) until stopped. Exit 2 when it cannot start (port in use, unusable --db or --keys).") { urls, db, lists, keys, noWatch, rate, burst, cors, budget, budgetPerSubject, idempotencyTtl, allowReview, updateEvery, sources, noWorker };
        cmd.SetAction(async (r, ct) =>
        {
            var defaults = new ServeOptions();
            var urlText = r.GetValue(urls)!;
            foreach (var u in urlText.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!Uri.TryCreate(u.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri)
                    || uri.Scheme is not ("http" or "https"))
                {
                    throw new UsageException($"--urls {u}: expected http://host:port or https://host:port");
                }
            }

            var dbSpec = r.GetValue(db)!;
            StoreSpec.Check(dbSpec, mustExist: false);
            var keysFile = r.GetValue(keys);
            if (keysFile is not null && !File.Exists(keysFile))
            {
                throw new UsageException($"--keys {keysFile}: no such file");
            }

            if (r.GetValue(rate) is { } perSecond && perSecond < 1)
            {
                throw new UsageException($"--rate-limit {perSecond}: must be at least 1 request per second");
            }

            if (r.GetValue(burst) is { } b && b < 1)
            {
                throw new UsageException($"--rate-burst {b}: must be at least 1 request");
            }

            TimeSpan? Seconds(Option<double?> option, bool positive)
            {
                if (r.GetValue(option) is not { } v)
                {
                    return null;
                }

                return double.IsFinite(v) && (positive ? v > 0 : v >= 0) && v <= 366 * 86400
                    ? TimeSpan.FromSeconds(v)
                    : throw new UsageException($"{option.Name} {v.ToString(System.Globalization.CultureInfo.InvariantCulture)}: expected {(positive ? "a positive" : "a non-negative")} number of seconds");
            }

            var corsOrigins = r.GetValue(cors) ?? [];
            foreach (var origin in corsOrigins)
            {
                if (origin != "*" && (!Uri.TryCreate(origin, UriKind.Absolute, out var o) || o.Scheme is not ("http" or "https") || o.AbsolutePath != "/"))
                {
                    throw new UsageException($"--cors-origin {origin}: expected an origin like https://ui.example.org (scheme, host, optional port) or *");
                }
            }

            var listStore = DataDirOption.Store(r);
            var listPaths = r.GetValue(lists) is { Length: > 0 } || listStore is null ? CorpusOptions.Paths(r, lists) : [];
            TimeSpan? every = null;
            if (r.GetValue(updateEvery) is { } text)
            {
                every = Wrap(() => ServeOptions.Interval("--update-every", text));
                if (listStore is null)
                {
                    throw new UsageException("--update-every: needs --data-dir DIR (or COMITY_DATA_DIR): the writable store the updates go to");
                }

                if (listPaths.Count > 0)
                {
                    throw new UsageException("--update-every: the corpus must be the data dir's current set, not --list files");
                }
            }

            if (r.GetValue(sources) is { } sourcesFile)
            {
                ListsUpdateCommand.LoadSources(sourcesFile);
            }

            var options = defaults with
            {
                Urls = urlText,
                Db = dbSpec,
                Lists = listPaths.Count > 0 ? listPaths : null,
                DataDir = listStore?.Root,
                UpdateEvery = every,
                SourcesFile = r.GetValue(sources),
                RunWorker = !r.GetValue(noWorker),
                KeysFile = keysFile,
                WatchLists = !r.GetValue(noWatch),
                RateLimitPerSecond = r.GetValue(rate) ?? defaults.RateLimitPerSecond,
                RateLimitBurst = r.GetValue(burst),
                CorsOrigins = [.. corsOrigins.Select(o => o.TrimEnd('/'))],
                RequestTimeBudget = Seconds(budget, positive: false) ?? defaults.RequestTimeBudget,
                RequestTimeBudgetPerSubject = Seconds(budgetPerSubject, positive: false) ?? defaults.RequestTimeBudgetPerSubject,
                IdempotencyLifetime = Seconds(idempotencyTtl, positive: true) ?? defaults.IdempotencyLifetime,
                AllowUnauthenticatedReview = r.GetValue(allowReview),
            };
            return await ComityServer.RunAsync(options, ct).ConfigureAwait(false);
        });
        return cmd;
    }

    private static T Wrap<T>(Func<T> f)
    {
        try
        {
            return f();
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message, e);
        }
    }

    /// <summary>The audit commands (see <see cref="AuditCommands"/>).</summary>
    public static Command Audit(CliContext context) => AuditCommands.Create(context);
}

/// <summary>Checks a <c>--db</c> spec before a store is opened (opening a SQLite path creates the file).</summary>
internal static class StoreSpec
{
    public static void Check(string spec, bool mustExist)
    {
        var colon = spec.IndexOf(':', StringComparison.Ordinal);
        var scheme = colon < 0 ? string.Empty : spec[..colon];
        var rest = colon < 0 ? string.Empty : spec[(colon + 1)..];
        if (scheme is not ("sqlite" or "postgres") || rest.Trim().Length == 0)
        {
            throw new UsageException($"--db {spec}: expected sqlite:PATH or postgres:CONNECTION_STRING");
        }

        if (scheme != "sqlite")
        {
            return;
        }

        var path = SqlitePath(rest);
        if (path is null || path == ":memory:")
        {
            return;
        }

        if (mustExist && !File.Exists(path))
        {
            throw new UsageException($"--db {spec}: no such database file {Path.GetFullPath(path)} (nothing was created)");
        }

        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } dir && !Directory.Exists(dir))
        {
            throw new UsageException($"--db {spec}: no such folder {dir}");
        }
    }

    /// <summary>The file of a <c>sqlite:</c> spec: the path itself, or the Data Source of a connection string.</summary>
    private static string? SqlitePath(string rest)
    {
        if (!rest.Contains('=', StringComparison.Ordinal))
        {
            return rest.Trim();
        }

        foreach (var part in rest.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0 && part[..eq].Trim().Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant() is "DATASOURCE" or "FILENAME")
            {
                return part[(eq + 1)..].Trim().Trim('"', '\'');
            }
        }

        return null;
    }
}
