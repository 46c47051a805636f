using System.Globalization;
using System.Text;
using System.Text.Json;
using Comity.Application.Output;
using Comity.Application.Runs;
using Comity.Law;
using Comity.Server.Metrics;
using Comity.Server.Security;
using Comity.Server.Yente;
using Comity.Storage;
using Comity.Storage.Alerts;
using Comity.Storage.Audit;
using Comity.Storage.Reviews;

namespace Comity.Server.Native;

/// <summary>The native API under <c>/v1</c>: screening with alerts, alert review (four eyes), lists and reloads,
/// the audit log. Errors are RFC 9457 problem details.</summary>
internal static class NativeEndpoints
{
    public const string IdempotencyHeader = "Idempotency-Key";

    public static void Map(WebApplication app)
    {
        var v1 = app.MapGroup("/v1").WithTags("native");

        v1.MapPost("/screen", ScreenAsync)
            .AddEndpointFilter(new RoleFilter(AccessRole.Screener, ProblemStyle.Problem))
            .WithName("screen")
            .WithSummary("Screen one subject or a batch (≤ 1,000); hits, decisions under the screener profile, alert ids. 'Idempotency-Key' makes retries create no second alert.")
            .Accepts<Docs.ScreenRequestDoc>("application/json")
            .Produces<Docs.ScreenResponseDoc>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesValidationProblem();

        v1.MapGet("/alerts", ListAlertsAsync)
            .AddEndpointFilter(new RoleFilter(AccessRole.Analyst, ProblemStyle.Problem))
            .WithName("alerts")
            .WithSummary("Alerts, newest first; filters status, source, run_id, portfolio (alerts monitoring raised for its subjects), from, to (ISO dates); offset/limit; format=csv exports (formula-safe)")
            .Produces<Docs.AlertPageDoc>()
            .ProducesProblem(StatusCodes.Status400BadRequest);

        v1.MapGet("/alerts/{id}", GetAlertAsync)
            .AddEndpointFilter(new RoleFilter(AccessRole.Analyst, ProblemStyle.Problem))
            .WithName("alert")
            .WithSummary("One alert with its reviews")
            .Produces<Docs.AlertDoc>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        v1.MapPost("/alerts/{id}/review", ReviewAsync)
            .AddEndpointFilter(new RoleFilter(AccessRole.Analyst, ProblemStyle.Problem))
            .WithName("review")
            .WithSummary("Review an alert: true_match (closes only when a second, different reviewer confirms), false_positive (closes), escalate")
            .Accepts<Docs.ReviewRequestDoc>("application/json")
            .Produces<Docs.ReviewResponseDoc>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesValidationProblem();

        v1.MapGet("/lists", (CorpusHost host, TimeProvider clock) => WireJson.Ok(w => NativeJson.WriteLists(w, host, clock)))
            .AddEndpointFilter(new RoleFilter(AccessRole.Screener, ProblemStyle.Problem))
            .WithName("lists")
            .WithSummary("Loaded datasets, versions, provenance, the last reload and the last reload error")
            .Produces<Docs.ListsDoc>();

        v1.MapPost("/lists/reload", ReloadAsync)
            .AddEndpointFilter(new RoleFilter(AccessRole.Admin, ProblemStyle.Problem))
            .WithName("reload")
            .WithSummary("Reload the lists in the background and swap atomically (wait=true waits for the result)")
            .Produces<Docs.ReloadDoc>()
            .Produces<Docs.ReloadDoc>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status500InternalServerError)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        v1.MapGet("/audit", AuditAsync)
            .AddEndpointFilter(new RoleFilter(AccessRole.Analyst, ProblemStyle.Problem))
            .WithName("audit")
            .WithSummary("Audit records after a sequence number (after, limit ≤ 1000), ascending, each with the hash of the previous one")
            .Produces<Docs.AuditPageDoc>();

        v1.MapGet("/audit/verify", VerifyAsync)
            .AddEndpointFilter(new RoleFilter(AccessRole.Admin, ProblemStyle.Problem))
            .WithName("auditVerify")
            .WithSummary("Recompute the audit hash chain; names the first broken record")
            .Produces<Docs.AuditVerificationDoc>();
    }

    private static async Task<IResult> ScreenAsync(HttpContext context, CorpusHost host, ScreeningRuns service, ServerMetrics metrics, ServeOptions options, Lazy<LawEngine> law)
    {
        var snapshot = host.Current;
        if (snapshot is null)
        {
            return Results.Problem(title: "Index not ready.", detail: "The corpus is still loading; retry shortly.", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        var (body, bad) = await ReadJsonAsync(context).ConfigureAwait(false);
        if (bad is not null)
        {
            return bad;
        }

        using (body)
        {
            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            var warnings = new Dictionary<int, IReadOnlyList<string>>();
            var request = ScreenRequest.Parse(body!.RootElement, options.MaxScreenBatch, law.Value.KnownAssumptions, options.Clock, errors, warnings);

            if (request is null || errors.Count > 0)
            {
                return Results.ValidationProblem(errors, title: "Invalid screening request.");
            }

            Hosting.TimeBudgetMiddleware.ForBatch(context, options, request.Subjects.Count);
            var key = context.Request.Headers[IdempotencyHeader].ToString();
            if (key.Length > 200)
            {
                return Results.Problem(title: "Idempotency-Key too long.", detail: "At most 200 characters.", statusCode: StatusCodes.Status400BadRequest);
            }

            var caller = ApiKeyMiddleware.Of(context)!;
            var idempotency = key.Length == 0 ? null : new Idempotency(key, IdempotencyScope(context, caller), CanonicalJson.Sha256(body!.RootElement));
            RunOutcome outcome;
            try
            {
                outcome = await service.ScreenAsync(snapshot, request, caller.Name, idempotency, context.RequestAborted).ConfigureAwait(false);
            }
            catch (IdempotencyConflictException e)
            {
                metrics.IdempotencyConflict();
                return Results.Problem(title: "Idempotency-Key reused with a different request.", detail: e.Message, statusCode: StatusCodes.Status422UnprocessableEntity);
            }

            metrics.Screened(outcome.Subjects.Count);
            metrics.AlertsCreated(outcome.AlertsCreated);
            return WireJson.Ok(w => NativeJson.WriteScreen(w, outcome, warnings));
        }
    }

    private static async Task<IResult> ListAlertsAsync(HttpContext context, IComityStore store, CorpusHost host)
    {
        var q = context.Request.Query;
        var format = q["format"].ToString();
        if (format.Length > 0 && !format.Equals("csv", StringComparison.OrdinalIgnoreCase) && !format.Equals("json", StringComparison.OrdinalIgnoreCase))
        {
            throw new BadRequestException($"format: unknown '{format}' (json or csv)");
        }

        var filter = new AlertFilter();
        if (q["status"].ToString() is { Length: > 0 } status)
        {
            filter = filter with { Status = NativeJson.ParseStatus(status) ?? throw new BadRequestException($"status: unknown '{status}' (open, pending_second_review, closed_true_match, closed_false_positive, escalated, closed_delisted)") };
        }

        if (q["source"].ToString() is { Length: > 0 } source)
        {
            filter = filter with { Source = DatasetScope.Canonical(source) };
        }

        if (q["run_id"].ToString() is { Length: > 0 } run)
        {
            filter = filter with { RunId = run };
        }

        if (q["portfolio"].ToString() is { Length: > 0 } portfolio)
        {
            filter = filter with { Portfolio = portfolio };
        }

        filter = filter with
        {
            CreatedFrom = Date(q["from"].ToString(), "from"),
            CreatedTo = Date(q["to"].ToString(), "to"),
            Offset = Int(q["offset"].ToString(), "offset", 0, 0, int.MaxValue),
            Limit = Int(q["limit"].ToString(), "limit", 100, 1, AlertFilter.MaxLimit),
        };
        var page = await store.ListAlertsAsync(filter, context.RequestAborted).ConfigureAwait(false);
        if (format.Equals("csv", StringComparison.OrdinalIgnoreCase))
        {
            var corpus = host.Current?.Corpus;
            return Results.Text(Csv(page.Items, id => corpus?.Find(id)?.Caption), "text/csv; charset=utf-8");
        }

        return WireJson.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("items");
            foreach (var a in page.Items)
            {
                NativeJson.WriteAlert(w, a);
            }

            w.WriteEndArray();
            w.WriteNumber("total", page.Total);
            w.WriteNumber("offset", page.Offset);
            w.WriteNumber("limit", page.Limit);
            w.WriteEndObject();
        });
    }

    /// <summary>Alerts as CSV; every text cell goes through <see cref="CsvCell"/> so no cell can run as a formula.
    /// <c>query_name</c> is the screened name; <c>caption</c> the listed subject's name in the corpus in force
    /// (<paramref name="caption"/>; empty when the entity is no longer listed).</summary>
    internal static string Csv(IReadOnlyList<Alert> alerts, Func<string, string?> caption)
    {
        var sb = new StringBuilder("id,run_id,status,created_at,query_id,query_name,entity_id,source,source_id,caption,score,corpus_version,action,conflict,unconfirmed,basis\n");
        foreach (var a in alerts)
        {
            string name;
            try
            {
                using var doc = JsonDocument.Parse(a.QueryJson);
                name = doc.RootElement.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.Array && n.GetArrayLength() > 0 ? n[0].GetString() ?? string.Empty : string.Empty;
            }
            catch (JsonException)
            {
                name = string.Empty;
            }

            sb.AppendJoin(',', CsvCell.Escape(a.Id), CsvCell.Escape(a.RunId), NativeJson.Status(a.Status), NativeJson.Time(a.CreatedAt),
                CsvCell.Escape(a.QueryId), CsvCell.Escape(name), CsvCell.Escape(a.EntityId), CsvCell.Escape(a.Source), CsvCell.Escape(a.SourceId),
                CsvCell.Escape(caption(a.EntityId) ?? string.Empty), a.Score.ToString("0.####", CultureInfo.InvariantCulture), CsvCell.Escape(a.CorpusVersion));
            var (action, conflict, unconfirmed, basis) = DecisionColumns.FromJson(a.DecisionJson);
            sb.Append(',').AppendJoin(',', action, conflict, unconfirmed, CsvCell.Escape(basis));
            sb.Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>What a keyless server says about four eyes (at start-up, in every alert and refused review).</summary>
    public const string FourEyesNotEnforced = "No API keys are configured, so reviewers are only named in the request body and the four-eyes rule (a second, different reviewer confirms a true match) is not enforced.";

    private static async Task<IResult> GetAlertAsync(HttpContext context, string id, IComityStore store, CancellationToken cancellationToken)
    {
        var alert = await store.GetAlertAsync(id, cancellationToken).ConfigureAwait(false);
        if (alert is null)
        {
            return Results.Problem(title: "No such alert.", detail: $"alert '{id}' does not exist", statusCode: StatusCodes.Status404NotFound);
        }

        var reviews = await store.GetReviewsAsync(id, cancellationToken).ConfigureAwait(false);
        if (!ApiKeyMiddleware.Of(context)!.Authenticated)
        {
            context.Response.Headers["Warning"] = "299 comity \"four-eyes not enforced: no API keys\"";
            return WireJson.Ok(w =>
            {
                // The alert object with one more member: a warning that four eyes is not enforced.
                using var doc = JsonDocument.Parse(AlertJson(alert, reviews));
                w.WriteStartObject();
                foreach (var p in doc.RootElement.EnumerateObject())
                {
                    p.WriteTo(w);
                }

                w.WriteString("four_eyes_warning", FourEyesNotEnforced);
                w.WriteEndObject();
            });
        }

        return WireJson.Ok(w => NativeJson.WriteAlert(w, alert, reviews));
    }

    private static async Task<IResult> ReviewAsync(HttpContext context, string id, IComityStore store)
    {
        var (body, bad) = await ReadJsonAsync(context).ConfigureAwait(false);
        if (bad is not null)
        {
            return bad;
        }

        using (body)
        {
            var root = body!.RootElement;
            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            var outcome = NativeJson.ParseOutcome(Text(root, "outcome"));
            if (outcome is null)
            {
                errors["outcome"] = ["outcome must be true_match, false_positive or escalate"];
            }

            var reason = Text(root, "reason")?.Trim();
            if (string.IsNullOrEmpty(reason))
            {
                errors["reason"] = ["a reason is required"];
            }

            var caller = ApiKeyMiddleware.Of(context)!;
            var reviewer = caller.Authenticated ? caller.Name : Text(root, "reviewer")?.Trim();
            if (string.IsNullOrEmpty(reviewer))
            {
                errors["reviewer"] = ["without API keys the reviewer must be named in the body"];
            }

            if (errors.Count > 0)
            {
                return Results.ValidationProblem(errors, title: "Invalid review.");
            }

            if (ReviewGate.Refusal(caller, outcome!.Value, context.RequestServices.GetRequiredService<ServeOptions>()) is { } refusal)
            {
                return Results.Problem(title: "Four eyes cannot be enforced without API keys.", detail: refusal, statusCode: StatusCodes.Status403Forbidden);
            }

            var result = await store.ReviewAsync(id, new ReviewRequest(reviewer!, outcome!.Value, reason!), context.RequestAborted).ConfigureAwait(false);
            if (!result.Accepted)
            {
                return result.Refusal switch
                {
                    ReviewRefusal.AlertNotFound => Results.Problem(title: "No such alert.", detail: $"alert '{id}' does not exist", statusCode: StatusCodes.Status404NotFound),
                    ReviewRefusal.SameReviewer => Results.Problem(title: "Four eyes: a second, different reviewer must confirm.", detail: $"'{reviewer}' proposed true_match on this alert and cannot confirm it.", statusCode: StatusCodes.Status409Conflict),
                    ReviewRefusal.AlertClosed => Results.Problem(title: "Alert closed.", detail: "A closed alert takes no further reviews.", statusCode: StatusCodes.Status409Conflict),
                    _ => Results.Problem(title: "Alert already escalated.", detail: "Escalated alerts take true_match or false_positive.", statusCode: StatusCodes.Status409Conflict),
                };
            }

            return WireJson.Ok(w =>
            {
                w.WriteStartObject();
                w.WritePropertyName("review");
                NativeJson.WriteReview(w, result.Review!);
                w.WritePropertyName("alert");
                NativeJson.WriteAlert(w, result.Alert!);
                w.WriteEndObject();
            });
        }
    }

    private static async Task<IResult> ReloadAsync(HttpContext context, CorpusHost host)
    {
        var waitText = context.Request.Query["wait"].ToString();
        var wait = waitText.Length > 0 && (QueryParams.ParseBool(waitText) ?? throw new BadRequestException($"wait: '{waitText}' is not true or false"));
        var actor = ApiKeyMiddleware.Of(context)!.Name;
        var task = host.ReloadAsync("api:" + actor);
        if (!wait)
        {
            _ = task;
            return WireJson.Ok(w =>
            {
                w.WriteStartObject();
                w.WriteString("status", "reloading");
                w.WriteEndObject();
            }, StatusCodes.Status202Accepted);
        }

        var attempt = await task.WaitAsync(context.RequestAborted).ConfigureAwait(false);
        if (!attempt.Succeeded)
        {
            return ReloadFailed(attempt);
        }

        return WireJson.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteString("status", "reloaded");
            w.WritePropertyName("attempt");
            NativeJson.WriteAttempt(w, attempt);
            w.WriteEndObject();
        });
    }

    /// <summary>A failed reload as problem details: 422 when the lists could not be loaded (the detail names the file
    /// and line), 503 when the load was cancelled (shutdown), 500 for an internal error. The previous corpus stays in
    /// force; the attempt is in <c>attempt</c>, in <c>GET /v1/lists</c>, in metrics and in the audit log.</summary>
    internal static IResult ReloadFailed(ReloadAttempt attempt)
    {
        var status = attempt.Error == "load cancelled" ? StatusCodes.Status503ServiceUnavailable
            : attempt.InternalError ? StatusCodes.Status500InternalServerError
            : StatusCodes.Status422UnprocessableEntity;
        return WireJson.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteString("type", "https://tools.ietf.org/html/rfc9110#section-15.5.21");
            w.WriteString("title", "List reload failed; the previous corpus stays in force.");
            w.WriteNumber("status", status);
            JsonFormat.WriteNullable(w, "detail", attempt.Error);
            w.WriteString("outcome", "failed");
            w.WritePropertyName("attempt");
            NativeJson.WriteAttempt(w, attempt);
            w.WriteEndObject();
        }, status, "application/problem+json");
    }

    private static async Task<IResult> AuditAsync(HttpContext context, IComityStore store)
    {
        var q = context.Request.Query;
        var after = Int(q["after"].ToString(), "after", 0, 0, int.MaxValue);
        var limit = Int(q["limit"].ToString(), "limit", 100, 1, 1000);
        var records = await store.ReadAuditAsync(after, limit, context.RequestAborted).ConfigureAwait(false);
        return WireJson.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("records");
            foreach (var r in records)
            {
                NativeJson.WriteAudit(w, r);
            }

            w.WriteEndArray();
            w.WriteNumber("after", after);
            w.WriteNumber("limit", limit);
            w.WriteEndObject();
        });
    }

    private static async Task<IResult> VerifyAsync(IComityStore store, CancellationToken cancellationToken)
    {
        var v = await store.VerifyAuditAsync(cancellationToken).ConfigureAwait(false);
        return WireJson.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteBoolean("valid", v.IsValid);
            w.WriteNumber("records_checked", v.RecordsChecked);
            if (v.FirstBrokenSequence is { } s)
            {
                w.WriteNumber("first_broken_sequence", s);
            }
            else
            {
                w.WriteNull("first_broken_sequence");
            }

            JsonFormat.WriteNullable(w, "problem", v.Problem);
            w.WriteString("head_hash", v.HeadHash);
            w.WriteEndObject();
        });
    }

    private static byte[] AlertJson(Alert alert, IReadOnlyList<Review> reviews)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, WireJson.Options))
        {
            NativeJson.WriteAlert(w, alert, reviews);
        }

        return ms.ToArray();
    }

    /// <summary>Appends the audit record of a reload attempt.</summary>
    public static Task AuditReloadAsync(IComityStore store, ReloadAttempt a)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms))
        {
            NativeJson.WriteAttempt(w, a);
        }

        var actor = a.Trigger.StartsWith("api:", StringComparison.Ordinal) ? a.Trigger[4..] : "system";
        return store.AppendAuditAsync(new AuditEntry(actor, a.Succeeded ? "corpus.reloaded" : "corpus.reload_failed", a.Version ?? "corpus", Encoding.UTF8.GetString(ms.ToArray())));
    }

    /// <summary>Whose idempotency keys a request's key is among: the API key's name; without keys, the caller's
    /// address (every caller of a keyless server is on loopback, so in practice one scope).</summary>
    internal static string IdempotencyScope(HttpContext context, Caller caller) =>
        caller.Authenticated ? "key:" + caller.Name : "anonymous:" + context.Connection.RemoteIpAddress;

    /// <summary>Reads a JSON body: a 400 problem when it is not JSON or holds text that is not valid Unicode
    /// (naming the field).</summary>
    internal static async Task<(JsonDocument? Body, IResult? Problem)> ReadJsonAsync(HttpContext context)
    {
        JsonDocument body;
        try
        {
            body = await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            return (null, Results.Problem(title: "Body is not JSON.", detail: e.Message, statusCode: StatusCodes.Status400BadRequest));
        }

        if (JsonText.FirstInvalid(body.RootElement) is { } path)
        {
            body.Dispose();
            return (null, Results.Problem(title: "Invalid text in the body.", detail: JsonText.Detail(path), statusCode: StatusCodes.Status400BadRequest, extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["field"] = path }));
        }

        return (body, null);
    }

    private static string? Text(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static DateTimeOffset? Date(string text, string name)
    {
        if (text.Length == 0)
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var d)
            ? d
            : throw new BadRequestException($"{name}: not an ISO date or timestamp: '{text}'");
    }

    /// <summary>An optional integer query parameter in [min, max]; a 400 naming it otherwise.</summary>
    internal static int Int(string text, string name, int fallback, int min, int max)
    {
        if (text.Length == 0)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max
            ? v
            : throw new BadRequestException($"{name}: expected an integer from {min} to {max}");
    }
}

/// <summary>A bad request on the native API; rendered as a 400 problem by the error handler.</summary>
internal sealed class BadRequestException : Exception
{
    public BadRequestException()
    {
    }

    public BadRequestException(string message)
        : base(message)
    {
    }

    public BadRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
