using System.Net;
using System.Threading.RateLimiting;
using Comity.Application.Reviews;
using Comity.Application.Runs;
using Comity.Law;
using Comity.Server.Metrics;
using Comity.Server.Native;
using Comity.Server.Security;
using Comity.Server.Yente;
using Comity.Storage;
using Comity.Storage.Keys;
using Microsoft.AspNetCore.ResponseCompression;

namespace Comity.Server.Hosting;

/// <summary>Builds the web application: Kestrel limits, API keys, rate limiting, the store, the corpus host, the
/// endpoints and the OpenAPI document.</summary>
internal static partial class ServerApp
{
    public static async Task<WebApplication> BuildAsync(ServeOptions options, CancellationToken cancellationToken)
    {
        var keys = ApiKeyRing.Load(options.KeysFile ?? Environment.GetEnvironmentVariable("COMITY_KEYS_FILE"), Environment.GetEnvironmentVariable("COMITY_API_KEYS"));
        var ring = new ApiKeyRing(keys);
        var urls = ring.Enabled ? options.Urls : LoopbackOnly(options.Urls, out _);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss ";
            o.UseUtcTimestamp = true;
        });
        builder.Logging.SetMinimumLevel(options.LogLevel);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);

        // A start-up failure (e.g. the port is in use) is reported by ComityServer.RunAsync in one line, not as the
        // host's logged stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
        builder.WebHost.UseUrls(urls);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
            k.Limits.MaxRequestLineSize = 64 * 1024;
            k.Limits.MaxRequestHeadersTotalSize = 64 * 1024;
        });

        var store = await ComityStores.OpenAsync(options.Db, new StoreOptions { TimeProvider = options.Clock, ReviewPolicy = FourEyesPolicy.Instance, AuditKey = Comity.Storage.Audit.AuditKeys.Resolve(), IdempotencyLifetime = options.IdempotencyLifetime }, cancellationToken).ConfigureAwait(false);
        foreach (var k in keys)
        {
            await store.ImportApiKeyAsync(k.Name, k.Key, ToStoreRole(k.Role), "system", cancellationToken).ConfigureAwait(false);
        }

        var dataDir = new Lazy<string>(DefaultCorpus.DataDirectory);
        var s = builder.Services;
        s.AddSingleton(options);
        s.AddSingleton(options.Clock);
        s.AddSingleton(ring);
        s.AddSingleton(store);
        s.AddSingleton<ServerMetrics>();
        var listStore = options.DataDir is { } dd ? new Comity.Application.Lists.ListStore(dd) : null;

        // Every corpus (start-up, hot reloads, the list watcher's and the update schedule's swaps) comes through the
        // snapshot cache: read back when one exists for exactly these inputs and this engine, else built and written.
        var cached = new CachedCorpusSource(CorpusCache.FromEnvironment(), options.Clock);
        ICorpusSource corpusSource = listStore is not null && options.Lists is null
            ? new Comity.Application.Lists.LiveCorpusSource(listStore, cached)
            : cached;
        var host = new CorpusHost(corpusSource, options.Lists ?? [], options.Clock);
        var law = new Lazy<LawEngine>(() => LawEngine.LoadDefault(dataDir.Value));
        var monitor = new Comity.Application.Monitoring.MonitorService(store, () => host.Current?.Corpus, law, options.Clock, options.Monitor, listStore);
        s.AddSingleton(host);
        s.AddSingleton(law);
        s.AddSingleton(monitor);
        s.AddSingleton(new Monitoring.DataDirHolder(listStore));
        s.AddSingleton(new ScreeningRuns(store, law).RecordCorporaWith(monitor.RecordCorpusAsync));
        s.AddHostedService<StartupLoader>();
        s.AddHostedService<ListWatcherService>();
        s.AddHostedService<Monitoring.MonitorHostedService>();
        s.AddHostedService<Monitoring.ListScheduleService>();
        s.AddProblemDetails();
        s.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, ServerJsonContext.Default));

        // Bodies sent with Content-Encoding gzip, deflate or br are decompressed; the body size limit applies to the
        // decompressed bytes (a small bomb is still refused with 413).
        s.AddRequestDecompression();
        s.AddResponseCompression(o =>
        {
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ["application/json", "application/problem+json", "text/plain", "text/csv"];
        });
        s.Configure<GzipCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);
        // CORS is off unless origins are allowed explicitly (issue 10: any origin was allowed).
        s.AddCors(o => o.AddDefaultPolicy(p =>
        {
            if (options.CorsOrigins.Contains("*"))
            {
                p.AllowAnyOrigin().AllowAnyHeader().AllowAnyMethod();
            }
            else if (options.CorsOrigins.Count > 0)
            {
                p.WithOrigins([.. options.CorsOrigins]).AllowAnyHeader().AllowAnyMethod();
            }
        }));
        s.AddOpenApi("v1", o =>
        {
            o.AddDocumentTransformer((doc, _, _) =>
            {
                doc.Info.Title = "Comity";
                doc.Info.Version = "1";
                doc.Info.Description = "Screening against sanctions lists and ICC arrest warrants: a yente-compatible matching API (/match, /search, /entities, /catalog, /algorithms) and the native API (/v1: screening with alerts and decisions, four-eyes review, lists, audit, continuous monitoring of portfolios with events and webhooks, replay of runs).";
                doc.Servers?.Clear();
                return Task.CompletedTask;
            });
        });
        s.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, _) =>
            {
                var http = context.HttpContext;
                http.Response.Headers.RetryAfter = "1";
                IResult result = http.Request.Path.StartsWithSegments("/v1", StringComparison.Ordinal)
                    ? Results.Problem(title: "Too many requests.", detail: "The per-key rate limit was exceeded; retry after a second.", statusCode: StatusCodes.Status429TooManyRequests)
                    : YenteException.Detail(StatusCodes.Status429TooManyRequests, "Rate limit exceeded.");
                return new ValueTask(result.ExecuteAsync(http));
            };
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var caller = ApiKeyMiddleware.Of(context);
                var partition = caller is { Authenticated: true } ? "key:" + caller.Name : "ip:" + context.Connection.RemoteIpAddress;
                return RateLimitPartition.GetTokenBucketLimiter(partition, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = options.EffectiveRateLimitBurst,
                    TokensPerPeriod = Math.Max(1, options.RateLimitPerSecond),
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
        });

        s.AddSingleton<BindingGuard>();
        Ui.UiSetup.AddUi(s);

        var app = builder.Build();
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Comity.Server");
        if (!ring.Enabled)
        {
            LoopbackOnly(options.Urls, out var changed);
            LogNoKeys(log, urls, changed);
            LogFourEyes(log, NativeEndpoints.FourEyesNotEnforced, options.AllowUnauthenticatedReview ? "accepted (--allow-unauthenticated-review)" : "refused (403) unless --allow-unauthenticated-review is given");
        }
        else
        {
            LogKeys(log, ring.Count, urls);
        }

        LogStore(log, store.Provider);
        cached.Warning += message => LogSnapshot(log, message);
        app.Lifetime.ApplicationStopped.Register(() => store.DisposeAsync().AsTask().GetAwaiter().GetResult());

        // Nothing is served until the bound addresses are verified (see BindingGuard); metrics sit outside the
        // error middleware so that they count the status really sent.
        var guard = app.Services.GetRequiredService<BindingGuard>();
        app.Use(guard.GateAsync);
        app.UseMiddleware<MetricsMiddleware>();
        app.UseMiddleware<ErrorMiddleware>();
        app.UseRequestDecompression();
        app.UseResponseCompression();
        if (options.CorsOrigins.Count > 0)
        {
            app.UseCors();
        }
        app.UseMiddleware<CrossSiteGuard>();
        app.UseMiddleware<ApiKeyMiddleware>();
        app.UseMiddleware<Ui.Security.UiMiddleware>();
        app.UseRateLimiter();
        app.UseMiddleware<TimeBudgetMiddleware>();

        app.MapOpenApi("/openapi.json").WithTags("operations");
        YenteEndpoints.Map(app);
        NativeEndpoints.Map(app);
        Monitoring.MonitorEndpoints.Map(app);
        Ui.UiSetup.MapUi(app);
        app.MapGet("/metrics", (ServerMetrics metrics) => Results.Text(metrics.Render(), "text/plain; version=0.0.4; charset=utf-8"))
            .WithTags("operations").WithName("metrics").WithSummary("Prometheus metrics");
        return app;
    }

    /// <summary>Replaces every non-loopback host by 127.0.0.1 (used when no API key is configured).</summary>
    internal static string LoopbackOnly(string urls, out bool changed)
    {
        changed = false;
        var result = new List<string>();
        foreach (var u in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var uri = new Uri(u.Replace("*", "0.0.0.0", StringComparison.Ordinal).Replace("+", "0.0.0.0", StringComparison.Ordinal));
            var loopback = uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
            if (loopback)
            {
                result.Add(u);
            }
            else
            {
                changed = true;
                result.Add(new UriBuilder(uri) { Host = "127.0.0.1" }.Uri.ToString().TrimEnd('/'));
            }
        }

        return string.Join(';', result);
    }

    private static ApiRole ToStoreRole(AccessRole role) => role switch
    {
        AccessRole.Admin => ApiRole.Admin,
        AccessRole.Analyst => ApiRole.Analyst,
        _ => ApiRole.Screener,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "no API keys configured: authentication is off, so --urls is limited to loopback ({Urls}; rewritten from non-loopback: {Changed}); the addresses really bound are checked after start")]
    private static partial void LogNoKeys(ILogger log, string urls, bool changed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Text} true_match reviews are {Policy}")]
    private static partial void LogFourEyes(ILogger log, string text, string policy);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} API keys configured (held as SHA-256 hashes); --urls {Urls}")]
    private static partial void LogKeys(ILogger log, int count, string urls);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Message}")]
    private static partial void LogSnapshot(ILogger log, string message);

    [LoggerMessage(Level = LogLevel.Information, Message = "store: {Provider}")]
    private static partial void LogStore(ILogger log, string provider);
}
