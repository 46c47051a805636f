using System.Globalization;
using System.Text.Json;
using Comity.Application.Monitoring;
using Comity.Application.Screening;
using Comity.Law;
using Comity.Server.Native;
using Comity.Server.Security;
using Comity.Server.Yente;
using Comity.Storage;
using Comity.Storage.Monitoring;

namespace Comity.Server.Monitoring;

/// <summary>Continuous monitoring under <c>/v1</c>: portfolios and their subjects (screened on add), re-screens, the
/// event feed, webhooks with their deliveries (dead letters included), runs with their proof of screening and replay,
/// and the job queue. Errors are RFC 9457 problem details.</summary>
internal static class MonitorEndpoints
{
    /// <summary>Most subjects in one <c>POST /v1/portfolios/{name}/subjects</c>.</summary>
    public const int MaxSubjects = 10_000;

    public static void Map(WebApplication app)
    {
        var v1 = app.MapGroup("/v1").WithTags("monitoring");
        v1.MapGet("/portfolios", ListAsync).AddEndpointFilter(new RoleFilter(AccessRole.Analyst, ProblemStyle.Problem))
            .WithName("portfolios").WithSummary("Every portfolio with its profile, threshold and subject count").Produces<Docs.PortfolioListDoc>();
        v1.MapPut("/portfolios/{name}", CreateAsync).AddEndpointFilter(new RoleFilter(AccessRole.Analyst, ProblemStyle.Problem))
            .WithName("createPortfolio").WithSummary("Create a portfolio with a screener profile (decided as of each screening's day), threshold and shard size; the same settings again answer the existing one")
            .Accepts<Docs.PortfolioRequestDoc>("application/json").Produces<Docs.PortfolioDoc>().ProducesProblem(StatusCodes.Status409Conflict).ProducesValidationProblem();
        v1.MapGet("/portfolios/{name}", GetAsync).AddEndpointFilter(new RoleFilter(AccessRole.Analyst, ProblemStyle.Problem))
            .WithName("portfolio").WithSummary("One portfolio with its shards (corpus version, decision date)").Produces<Docs.PortfolioDoc>().ProducesProblem(StatusCodes.Status404NotFound);
        v1.MapPost("/portfolios/{name}/subjects", AddAsync).AddEndpointFilter(new RoleFilter(AccessRole.Screener, ProblemStyle.Problem))
            .WithName("addSubjects").WithSummary("Add or update subjects (≤ 10,000; each needs an id) and screen them now; new matches become alerts. Creates the portfolio with 'profile' and 'threshold' when it does not exist")
            .Accepts<Docs.AddSubjectsDoc>("application/json").Produces<Docs.AddReportDoc>().ProducesProblem(StatusCodes.Status409Conflict).ProducesValidationProblem();
        v1.MapGet("/portfolios/{name}/subjects", SubjectsAsync).AddEndpointFilter(new RoleFilter(AccessRole.Analyst, ProblemStyle.Problem))
            .WithName("subjects").WithSummary("Subjects of a portfolio in the order they were added (offset, limit ≤ 1000)").Produces<Docs.SubjectPageDoc>().ProducesProblem(StatusCodes.Status404NotFound);
        v1.MapGet("/portfolios/{name}/subjects/{id}", SubjectAsync).AddEndpointFilter(new RoleFilter(AccessRole.Analyst, ProblemStyle.Problem))
            .WithName("subject").WithSummary("One subject: its query, current hits (cleared ones name the alert that cleared them) and every alert monitoring raised for it").Produces<Docs.SubjectDoc>().ProducesProblem(StatusCodes.Status404NotFound);
        v1.MapDelete("/portfolios/{name}/subjects/{id}", RemoveAsync).AddEndpointFilter(new RoleFilter(AccessRole.Analyst, ProblemStyle.Problem))
            .WithName("removeSubject").WithSummary("Stop monitoring a subject (its alerts stay)").Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);
        v1.MapPost("/portfolios/{name}/rescreen", RescreenAsync).AddEndpointFilter(new RoleFilter(AccessRole.Admin, ProblemStyle.Problem))
            .WithName("rescreen").WithSummary("Enqueue re-screen jobs against the corpus in force: mode=delta (what changed since each shard's version; the default) or mode=full").Produces<Docs.RescreenDoc>(StatusCodes.Status202Accepted);
        v1.MapPost("/portfolios/{name}/webhooks", AddWebhookAsync).AddEndpointFilter(new RoleFilter(AccessRole.Admin, ProblemStyle.Problem))
            .WithName("addWebhook").WithSummary("Deliver every event of the portfolio to a URL, HMAC-SHA256 signed (Comity-Signature, Comity-Timestamp, Comity-Event-Id); the secret is shown once")
            .Accepts<Docs.WebhookRequestDoc>("application/json").Produces<Docs.WebhookDoc>(StatusCodes.Status201Created).ProducesValidationProblem();
        v1.MapGet("/portfolios/{name}/webhooks", WebhooksAsync).AddEndpointFilter(new RoleFilter(AccessRole.Admin, ProblemStyle.Problem))
            .WithName("webhooks").WithSummary("The portfolio's webhooks with delivery counts (pending, delivered, dead)").Produces<List<Docs.WebhookDoc>>();
        v1.MapDelete("/portfolios/{name}/webhooks/{id}", RemoveWebhookAsync).AddEndpointFilter(new RoleFilter(AccessRole.Admin, ProblemStyle.Problem))
            .WithName("removeWebhook").WithSummary("Stop a webhook").Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);
        v1.MapGet("/portfolios/{name}/webhooks/{id}/deliveries", DeliveriesAsync).AddEndpointFilter(new RoleFilter(AccessRole.Admin, ProblemStyle.Problem))
            .WithName("deliveries").WithSummary("Deliveries of a webhook (status=pending|delivered|dead: dead letters), with attempts and the last error").Produces<List<Docs.DeliveryDoc>>();
        v1.MapGet("/events", EventsAsync).AddEndpointFilter(new RoleFilter(AccessRole.Analyst, ProblemStyle.Problem))
            .WithName("events").WithSummary("The event feed after a sequence number (after, limit ≤ 1000, portfolio), ascending; page with next_after").Produces<Docs.EventPageDoc>();
        v1.MapGet("/runs/{id}", RunAsync).AddEndpointFilter(new RoleFilter(AccessRole.Analyst, ProblemStyle.Problem))
            .WithName("run").WithSummary("A screening run with its proof of screening: engine version, threshold, options, dated profile and the corpus recipe (every list file with its SHA-256)").Produces<Docs.RunDoc>().ProducesProblem(StatusCodes.Status404NotFound);
        v1.MapGet("/runs/{id}/replay", ReplayAsync).AddEndpointFilter(new RoleFilter(AccessRole.Analyst, ProblemStyle.Problem))
            .WithName("replay").WithSummary("Screen the run's subjects again against its corpus version rebuilt from the archived lists, and compare the hits with the stored ones").Produces<Docs.ReplayDoc>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        v1.MapGet("/jobs", JobsAsync).AddEndpointFilter(new RoleFilter(AccessRole.Admin, ProblemStyle.Problem))
            .WithName("jobs").WithSummary("The re-screen work queue (status=queued|running|done|failed, portfolio, limit)").Produces<List<Docs.JobDoc>>();
    }

    private static async Task<IResult> ListAsync(MonitorService monitor, CancellationToken ct)
    {
        var list = await monitor.Store.ListPortfoliosAsync(ct).ConfigureAwait(false);
        return WireJson.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("portfolios");
            foreach (var p in list)
            {
                MonitorJson.WritePortfolio(w, p);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private static async Task<IResult> CreateAsync(HttpContext context, string name, MonitorService monitor, Lazy<LawEngine> law, TimeProvider clock)
    {
        if (Name(name) is { } bad)
        {
            return bad;
        }

        JsonDocument? body = null;
        if (context.Request.ContentLength is not 0)
        {
            (body, var problem) = await NativeEndpoints.ReadJsonAsync(context).ConfigureAwait(false);
            if (problem is not null)
            {
                return problem;
            }
        }

        using (body)
        {
            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            var settings = Settings(body?.RootElement, law.Value, clock, errors);
            if (errors.Count > 0)
            {
                return Results.ValidationProblem(errors, title: "Invalid portfolio.");
            }

            try
            {
                var caller = ApiKeyMiddleware.Of(context)!;
                var p = await monitor.EnsurePortfolioAsync(name, settings.Profile, settings.Threshold, settings.ShardSize, caller.Name, context.RequestAborted).ConfigureAwait(false);
                return WireJson.Ok(w => MonitorJson.WritePortfolio(w, p));
            }
            catch (StoreException e)
            {
                return Results.Problem(title: "Portfolio exists with other settings.", detail: e.Message, statusCode: StatusCodes.Status409Conflict);
            }
        }
    }

    private static async Task<IResult> GetAsync(string name, MonitorService monitor, CancellationToken ct)
    {
        var p = await monitor.Store.GetPortfolioAsync(name, ct).ConfigureAwait(false);
        if (p is null)
        {
            return NotFound("portfolio", name);
        }

        var shards = await monitor.Store.GetShardsAsync(name, ct).ConfigureAwait(false);
        return WireJson.Ok(w => MonitorJson.WritePortfolio(w, p, shards));
    }

    private static async Task<IResult> AddAsync(HttpContext context, string name, MonitorService monitor, CorpusHost host, Lazy<LawEngine> law, TimeProvider clock)
    {
        if (Name(name) is { } bad)
        {
            return bad;
        }

        if (host.Current is null)
        {
            return Results.Problem(title: "Index not ready.", detail: "The corpus is still loading; retry shortly.", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        var (body, problem) = await NativeEndpoints.ReadJsonAsync(context).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        using (body)
        {
            var root = body!.RootElement;
            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("subjects", out var subjects) || subjects.ValueKind != JsonValueKind.Array)
            {
                errors["subjects"] = ["expected {\"subjects\": [{\"id\": ..., \"name\": ..., ...}]}"];
                return Results.ValidationProblem(errors, title: "Invalid subjects.");
            }

            if (subjects.GetArrayLength() > MaxSubjects)
            {
                errors["subjects"] = [string.Create(CultureInfo.InvariantCulture, $"too many subjects in one request: {subjects.GetArrayLength()} (limit: {MaxSubjects})")];
                return Results.ValidationProblem(errors, title: "Invalid subjects.");
            }

            var inputs = new List<SubjectInput>();
            var i = 0;
            foreach (var s in subjects.EnumerateArray())
            {
                var q = ScreenRequest.Subject(s, out var error, out _);
                var at = string.Create(CultureInfo.InvariantCulture, $"subjects[{i++}]");
                if (q is null)
                {
                    errors[at] = [error ?? "invalid subject"];
                }
                else if (string.IsNullOrWhiteSpace(q.Id))
                {
                    errors[at] = ["id: required (a monitored subject needs a stable id)"];
                }
                else
                {
                    inputs.Add(new SubjectInput(q.Id, q, null));
                }
            }

            var settings = Settings(root, law.Value, clock, errors);
            if (errors.Count > 0)
            {
                return Results.ValidationProblem(errors, title: "Invalid subjects.");
            }

            var caller = ApiKeyMiddleware.Of(context)!;
            try
            {
                if (await monitor.Store.GetPortfolioAsync(name, context.RequestAborted).ConfigureAwait(false) is null || settings.Given)
                {
                    await monitor.EnsurePortfolioAsync(name, settings.Profile, settings.Threshold, settings.ShardSize, caller.Name, context.RequestAborted).ConfigureAwait(false);
                }
            }
            catch (StoreException e)
            {
                return Results.Problem(title: "Portfolio exists with other settings.", detail: e.Message, statusCode: StatusCodes.Status409Conflict);
            }

            Hosting.TimeBudgetMiddleware.ForBatch(context, context.RequestServices.GetRequiredService<ServeOptions>(), inputs.Count);
            var report = await monitor.AddAsync(name, inputs, caller.Name, null, context.RequestAborted).ConfigureAwait(false);
            return WireJson.Ok(w => MonitorJson.WriteAdd(w, report));
        }
    }

    private static async Task<IResult> SubjectsAsync(HttpContext context, string name, MonitorService monitor)
    {
        if (await monitor.Store.GetPortfolioAsync(name, context.RequestAborted).ConfigureAwait(false) is null)
        {
            return NotFound("portfolio", name);
        }

        var q = context.Request.Query;
        var offset = NativeEndpoints.Int(q["offset"].ToString(), "offset", 0, 0, int.MaxValue);
        var limit = NativeEndpoints.Int(q["limit"].ToString(), "limit", 100, 1, 1000);
        var (items, total) = await monitor.Store.PageSubjectsAsync(name, offset, limit, context.RequestAborted).ConfigureAwait(false);
        return WireJson.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("items");
            foreach (var s in items)
            {
                MonitorJson.WriteSubject(w, s);
            }

            w.WriteEndArray();
            w.WriteNumber("total", total);
            w.WriteNumber("offset", offset);
            w.WriteNumber("limit", limit);
            w.WriteEndObject();
        });
    }

    private static async Task<IResult> SubjectAsync(string name, string id, MonitorService monitor, CancellationToken ct)
    {
        var found = await monitor.Store.GetSubjectsAsync(name, [id], ct).ConfigureAwait(false);
        if (found.Count == 0)
        {
            return NotFound("subject", id);
        }

        var pairs = await monitor.Store.GetPairsAsync(name, [id], ct).ConfigureAwait(false);
        return WireJson.Ok(w => MonitorJson.WriteSubject(w, found[0], pairs));
    }

    private static async Task<IResult> RemoveAsync(HttpContext context, string name, string id, MonitorService monitor)
    {
        if (await monitor.Store.GetPortfolioAsync(name, context.RequestAborted).ConfigureAwait(false) is null)
        {
            return NotFound("portfolio", name);
        }

        var n = await monitor.RemoveAsync(name, [id], ApiKeyMiddleware.Of(context)!.Name, context.RequestAborted).ConfigureAwait(false);
        return n == 0 ? NotFound("subject", id) : Results.NoContent();
    }

    private static async Task<IResult> RescreenAsync(HttpContext context, string name, MonitorService monitor, CorpusHost host)
    {
        if (await monitor.Store.GetPortfolioAsync(name, context.RequestAborted).ConfigureAwait(false) is null)
        {
            return NotFound("portfolio", name);
        }

        if (host.Current is not { } current)
        {
            return Results.Problem(title: "Index not ready.", detail: "The corpus is still loading; retry shortly.", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        var mode = context.Request.Query["mode"].ToString();
        var actor = ApiKeyMiddleware.Of(context)!.Name;
        int jobs;
        if (mode is "" or "delta")
        {
            jobs = await monitor.PlanAsync(current.Corpus, null, actor, context.RequestAborted).ConfigureAwait(false);
            mode = "delta";
        }
        else if (mode == "full")
        {
            jobs = await monitor.EnqueueFullAsync(name, actor, context.RequestAborted).ConfigureAwait(false);
        }
        else
        {
            throw new BadRequestException($"mode: expected delta or full, not '{mode}'");
        }

        return WireJson.Ok(
            w =>
            {
                w.WriteStartObject();
                w.WriteString("mode", mode);
                w.WriteString("corpus_version", current.Corpus.Version);
                w.WriteNumber("jobs", jobs);
                w.WriteEndObject();
            },
            StatusCodes.Status202Accepted);
    }

    private static async Task<IResult> AddWebhookAsync(HttpContext context, string name, MonitorService monitor)
    {
        if (await monitor.Store.GetPortfolioAsync(name, context.RequestAborted).ConfigureAwait(false) is null)
        {
            return NotFound("portfolio", name);
        }

        var (body, problem) = await NativeEndpoints.ReadJsonAsync(context).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        using (body)
        {
            var root = body!.RootElement;
            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            var url = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("url", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() : null;
            if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                errors["url"] = ["required: an absolute http or https URL"];
            }

            string? secret = null;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("secret", out var s) && s.ValueKind != JsonValueKind.Null)
            {
                secret = s.ValueKind == JsonValueKind.String ? s.GetString() : null;
                if (secret is null || secret.Length < 16)
                {
                    errors["secret"] = ["at least 16 characters (or leave it out: a random one is made)"];
                }
            }

            var max = monitor.Options.WebhookMaxAttempts;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("max_attempts", out var m) && m.ValueKind != JsonValueKind.Null)
            {
                if (m.ValueKind != JsonValueKind.Number || !m.TryGetInt32(out max) || max is < 1 or > 100)
                {
                    errors["max_attempts"] = ["an integer from 1 to 100"];
                }
            }

            if (errors.Count > 0)
            {
                return Results.ValidationProblem(errors, title: "Invalid webhook.");
            }

            var hook = await monitor.Store.AddWebhookAsync(name, url!, secret ?? WebhookSignature.NewSecret(), max, ApiKeyMiddleware.Of(context)!.Name, context.RequestAborted).ConfigureAwait(false);
            return WireJson.Ok(w => MonitorJson.WriteWebhook(w, hook, withSecret: true), StatusCodes.Status201Created);
        }
    }

    private static async Task<IResult> WebhooksAsync(string name, MonitorService monitor, CancellationToken ct)
    {
        var hooks = await monitor.Store.ListWebhooksAsync(name, ct).ConfigureAwait(false);
        return WireJson.Ok(w =>
        {
            w.WriteStartArray();
            foreach (var h in hooks)
            {
                MonitorJson.WriteWebhook(w, h);
            }

            w.WriteEndArray();
        });
    }

    private static async Task<IResult> RemoveWebhookAsync(HttpContext context, string name, string id, MonitorService monitor) =>
        await monitor.Store.RemoveWebhookAsync(name, id, ApiKeyMiddleware.Of(context)!.Name, context.RequestAborted).ConfigureAwait(false) ? Results.NoContent() : NotFound("webhook", id);

    private static async Task<IResult> DeliveriesAsync(HttpContext context, string name, string id, MonitorService monitor)
    {
        var hooks = await monitor.Store.ListWebhooksAsync(name, context.RequestAborted).ConfigureAwait(false);
        if (!hooks.Any(h => h.Id == id))
        {
            return NotFound("webhook", id);
        }

        var q = context.Request.Query;
        DeliveryStatus? status = q["status"].ToString() switch
        {
            "" => null,
            "pending" => DeliveryStatus.Pending,
            "delivered" => DeliveryStatus.Delivered,
            "dead" => DeliveryStatus.Dead,
            var other => throw new BadRequestException($"status: expected pending, delivered or dead, not '{other}'"),
        };
        var limit = NativeEndpoints.Int(q["limit"].ToString(), "limit", 100, 1, 1000);
        var list = await monitor.Store.ListDeliveriesAsync(id, status, limit, context.RequestAborted).ConfigureAwait(false);
        return WireJson.Ok(w =>
        {
            w.WriteStartArray();
            foreach (var d in list)
            {
                MonitorJson.WriteDelivery(w, d);
            }

            w.WriteEndArray();
        });
    }

    private static async Task<IResult> EventsAsync(HttpContext context, MonitorService monitor)
    {
        var q = context.Request.Query;
        var after = Long(q["after"].ToString(), "after");
        var limit = NativeEndpoints.Int(q["limit"].ToString(), "limit", 100, 1, 1000);
        var portfolio = q["portfolio"].ToString() is { Length: > 0 } p ? p : null;
        var events = await monitor.Store.ReadEventsAsync(after, limit, portfolio, context.RequestAborted).ConfigureAwait(false);
        return WireJson.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("events");
            foreach (var e in events)
            {
                MonitorJson.WriteEvent(w, e);
            }

            w.WriteEndArray();
            w.WriteNumber("after", after);
            w.WriteNumber("next_after", events.Count > 0 ? events[^1].Seq : after);
            w.WriteEndObject();
        });
    }

    private static async Task<IResult> RunAsync(string id, IComityStore store, CancellationToken ct)
    {
        var run = await store.GetRunAsync(id, ct).ConfigureAwait(false);
        if (run is null)
        {
            return NotFound("run", id);
        }

        var corpus = await store.GetCorpusVersionAsync(run.CorpusVersion, ct).ConfigureAwait(false);
        return WireJson.Ok(w => MonitorJson.WriteRun(w, run, corpus?.CorpusJson));
    }

    private static async Task<IResult> ReplayAsync(string id, IComityStore store, CorpusHost host, DataDirHolder dataDir, Lazy<LawEngine> law, CancellationToken ct)
    {
        try
        {
            var report = await RunReplayer.ReplayAsync(store, id, host.Current?.Corpus, dataDir.Store, law, ct).ConfigureAwait(false);
            return WireJson.Ok(w => MonitorJson.WriteReplay(w, report));
        }
        catch (KeyNotFoundException e)
        {
            return Results.Problem(title: "No such run.", detail: e.Message, statusCode: StatusCodes.Status404NotFound);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or Comity.Sources.Abstractions.ListFormatException or DirectoryNotFoundException)
        {
            return Results.Problem(title: "The run cannot be replayed.", detail: e.Message, statusCode: StatusCodes.Status422UnprocessableEntity);
        }
    }

    private static async Task<IResult> JobsAsync(HttpContext context, MonitorService monitor)
    {
        var q = context.Request.Query;
        JobStatus? status = q["status"].ToString() switch
        {
            "" => null,
            "queued" => JobStatus.Queued,
            "running" => JobStatus.Running,
            "done" => JobStatus.Done,
            "failed" => JobStatus.Failed,
            var other => throw new BadRequestException($"status: expected queued, running, done or failed, not '{other}'"),
        };
        var portfolio = q["portfolio"].ToString() is { Length: > 0 } p ? p : null;
        var limit = NativeEndpoints.Int(q["limit"].ToString(), "limit", 100, 1, 1000);
        var jobs = await monitor.Store.ListJobsAsync(status, portfolio, limit, context.RequestAborted).ConfigureAwait(false);
        return WireJson.Ok(w =>
        {
            w.WriteStartArray();
            foreach (var j in jobs)
            {
                MonitorJson.WriteJob(w, j);
            }

            w.WriteEndArray();
        });
    }

    /// <summary>Portfolio settings from a body: <c>profile</c> (through the one profile parser; its date is ignored:
    /// decisions are made as of each screening's day), <c>threshold</c>, <c>shard_size</c>.</summary>
    private static (PortfolioProfile Profile, double? Threshold, int? ShardSize, bool Given) Settings(JsonElement? body, LawEngine law, TimeProvider clock, Dictionary<string, string[]> errors)
    {
        if (body is not { ValueKind: JsonValueKind.Object } root)
        {
            return (PortfolioProfile.None, null, null, false);
        }

        var given = false;
        var profile = PortfolioProfile.None;
        if (root.TryGetProperty("profile", out var p) && p.ValueKind == JsonValueKind.Object)
        {
            given = true;
            string? Text(string n) => p.TryGetProperty(n, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            bool Flag(string n) => p.TryGetProperty(n, out var v) && v.ValueKind == JsonValueKind.True;
            var assume = p.TryGetProperty("assume", out var a) && a.ValueKind == JsonValueKind.Array ? a.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToList() : [];
            var parsed = ProfileParser.Parse(new ProfileInput(Text("jurisdiction"), Text("role"), null, Flag("us_person"), Flag("us_nexus"), Flag("us_subsidiary"), assume), law.KnownAssumptions, clock, requireJurisdiction: true);
            foreach (var e in parsed.Errors)
            {
                errors["profile." + e.Field] = [e.Value is null ? e.Message : $"{e.Value}: {e.Message}"];
            }

            profile = PortfolioProfile.From(parsed.Profile);
        }

        double? threshold = null;
        if (root.TryGetProperty("threshold", out var t) && t.ValueKind != JsonValueKind.Null)
        {
            given = true;
            if (t.ValueKind == JsonValueKind.Number && t.TryGetDouble(out var d) && d is >= 0 and <= 1)
            {
                threshold = d;
            }
            else
            {
                errors["threshold"] = ["a number in [0, 1]"];
            }
        }

        int? shardSize = null;
        if (root.TryGetProperty("shard_size", out var s) && s.ValueKind != JsonValueKind.Null)
        {
            given = true;
            if (s.ValueKind == JsonValueKind.Number && s.TryGetInt32(out var n) && n is >= 1 and <= 10_000_000)
            {
                shardSize = n;
            }
            else
            {
                errors["shard_size"] = ["an integer from 1 to 10,000,000"];
            }
        }

        return (profile, threshold, shardSize, given);
    }

    private static IResult? Name(string name)
    {
        try
        {
            MonitorService.CheckName(name);
            return null;
        }
        catch (ArgumentException e)
        {
            return Results.Problem(title: "Invalid portfolio name.", detail: e.Message, statusCode: StatusCodes.Status400BadRequest);
        }
    }

    private static IResult NotFound(string what, string id) =>
        Results.Problem(title: $"No such {what}.", detail: $"{what} '{id}' does not exist", statusCode: StatusCodes.Status404NotFound);

    private static long Long(string text, string name) =>
        text.Length == 0 ? 0
        : long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v
        : throw new BadRequestException($"{name}: expected a non-negative integer");
}
