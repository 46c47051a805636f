using System.Globalization;
using System.Text.Json;
using Comity.Application.Output;
using Comity.Application.Runs;
using Comity.Storage.Alerts;
using Comity.Storage.Audit;
using Comity.Storage.Reviews;

namespace Comity.Server.Native;

/// <summary>Wire shapes of the native API (snake_case).</summary>
internal static class NativeJson
{
    public static string Status(AlertStatus s) => s switch
    {
        AlertStatus.PendingSecondReview => "pending_second_review",
        AlertStatus.ClosedTrueMatch => "closed_true_match",
        AlertStatus.ClosedFalsePositive => "closed_false_positive",
        AlertStatus.Escalated => "escalated",
        AlertStatus.ClosedDelisted => "closed_delisted",
        _ => "open",
    };

    public static AlertStatus? ParseStatus(string? s) => s switch
    {
        "open" => AlertStatus.Open,
        "pending_second_review" => AlertStatus.PendingSecondReview,
        "closed_true_match" => AlertStatus.ClosedTrueMatch,
        "closed_false_positive" => AlertStatus.ClosedFalsePositive,
        "escalated" => AlertStatus.Escalated,
        "closed_delisted" => AlertStatus.ClosedDelisted,
        _ => null,
    };

    public static string Outcome(ReviewOutcome o) => o switch
    {
        ReviewOutcome.TrueMatch => "true_match",
        ReviewOutcome.FalsePositive => "false_positive",
        _ => "escalate",
    };

    public static ReviewOutcome? ParseOutcome(string? s) => s switch
    {
        "true_match" => ReviewOutcome.TrueMatch,
        "false_positive" => ReviewOutcome.FalsePositive,
        "escalate" => ReviewOutcome.Escalate,
        _ => null,
    };

    public static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static void WriteScreen(Utf8JsonWriter w, RunOutcome o, IReadOnlyDictionary<int, IReadOnlyList<string>>? warnings = null)
    {
        w.WriteStartObject();
        w.WriteString("run_id", o.RunId);
        w.WriteString("corpus_version", o.CorpusVersion);
        w.WriteBoolean("replayed", o.Replayed);
        w.WriteStartArray("results");
        foreach (var s in o.Subjects)
        {
            w.WriteStartObject();
            w.WriteNumber("index", s.Index);
            JsonFormat.WriteNullable(w, "id", s.Result.Query.Id);
            w.WritePropertyName("query");
            JsonFormat.WriteQuery(w, s.Result.Query);
            w.WriteBoolean("match", s.Result.HasMatch);
            if (warnings is not null && warnings.TryGetValue(s.Index, out var dropped) && dropped.Count > 0)
            {
                w.WriteStartArray("warnings");
                foreach (var text in dropped)
                {
                    w.WriteStringValue(text);
                }

                w.WriteEndArray();
            }

            if (s.Result.Overall is { } overall)
            {
                w.WritePropertyName("decision");
                DecisionJson.Write(w, overall);
            }

            w.WriteStartArray("hits");
            for (var h = 0; h < s.Result.Hits.Count; h++)
            {
                var hit = s.Result.Hits[h];
                var key = (s.QueryId, hit.Entity.Id);
                HitJson.Write(w, hit, x => JsonFormat.WriteNullable(x, "alert_id", o.AlertIds.GetValueOrDefault(key)));
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("alerts");
        foreach (var id in o.AlertIds.Values.Order(StringComparer.Ordinal))
        {
            w.WriteStringValue(id);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static void WriteAlert(Utf8JsonWriter w, Alert a, IReadOnlyList<Review>? reviews = null)
    {
        w.WriteStartObject();
        w.WriteString("id", a.Id);
        w.WriteString("run_id", a.RunId);
        JsonFormat.WriteNullable(w, "idempotency_key", a.IdempotencyKey);
        w.WriteNumber("ordinal", a.Ordinal);
        w.WriteString("query_id", a.QueryId);
        w.WriteString("query_hash", a.QueryHash);
        Raw(w, "query", a.QueryJson);
        w.WriteString("entity_id", a.EntityId);
        w.WriteString("source", a.Source);
        w.WriteString("source_id", a.SourceId);
        w.WriteNumber("score", a.Score);
        Raw(w, "decision", a.DecisionJson);
        w.WriteString("corpus_version", a.CorpusVersion);
        Raw(w, "provenance", a.ProvenanceJson);
        w.WriteString("status", Status(a.Status));
        w.WriteString("created_at", Time(a.CreatedAt));
        w.WriteString("updated_at", Time(a.UpdatedAt));
        if (reviews is not null)
        {
            w.WriteStartArray("reviews");
            foreach (var r in reviews)
            {
                WriteReview(w, r);
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    public static void WriteReview(Utf8JsonWriter w, Review r)
    {
        w.WriteStartObject();
        w.WriteNumber("id", r.Id);
        w.WriteString("alert_id", r.AlertId);
        w.WriteString("reviewer", r.Reviewer);
        w.WriteString("outcome", Outcome(r.Outcome));
        w.WriteString("reason", r.Reason);
        w.WriteString("status_before", Status(r.StatusBefore));
        w.WriteString("status_after", Status(r.StatusAfter));
        w.WriteString("at", Time(r.At));
        w.WriteEndObject();
    }

    public static void WriteAudit(Utf8JsonWriter w, AuditRecord r)
    {
        w.WriteStartObject();
        w.WriteNumber("sequence", r.Sequence);
        w.WriteString("at", Time(r.At));
        w.WriteString("actor", r.Actor);
        w.WriteString("action", r.Action);
        w.WriteString("subject", r.Subject);
        Raw(w, "payload", r.PayloadJson);
        w.WriteString("previous_hash", r.PreviousHash);
        w.WriteString("hash", r.Hash);
        w.WriteEndObject();
    }

    public static void WriteLists(Utf8JsonWriter w, CorpusHost host, TimeProvider clock)
    {
        var c = host.Current;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var statuses = c is null ? [] : Application.Lists.ListStatuses.Of(c.Corpus);
        w.WriteStartObject();
        w.WriteString("status", c is null ? "loading" : "ready");
        w.WriteBoolean("reloading", host.Reloading);
        if (c is null)
        {
            w.WriteNull("corpus");
        }
        else
        {
            w.WriteStartObject("corpus");
            w.WriteString("version", c.Corpus.Version);
            w.WriteString("loaded_at", Time(c.Corpus.LoadedAt));
            w.WriteNumber("entities", c.Corpus.Entities.Length);
            w.WriteNumber("load_ms", Math.Round(c.LoadTime.TotalMilliseconds));
            w.WriteEndObject();
        }

        w.WriteStartArray("datasets");
        foreach (var d in c?.Corpus.Datasets ?? [])
        {
            var p = d.Provenance;
            w.WriteStartObject();
            w.WriteString("source", d.Source);
            w.WriteString("authority", p.Authority);
            w.WriteString("format", d.Format);
            JsonFormat.WriteNullable(w, "published", p.Published);
            w.WriteNumber("entity_count", d.EntityCount);
            w.WriteStartObject("schemata");
            foreach (var (k, v) in d.Schemata.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                w.WriteNumber(k, v);
            }

            w.WriteEndObject();
            w.WriteNumber("diagnostics", d.Diagnostics.Length);
            if (statuses.FirstOrDefault(s => s.Source == d.Source && s.Path == d.Path) is { } st)
            {
                Application.Lists.ListStatusJson.WriteFields(w, st, today);
            }

            JsonFormat.WriteFiles(w, p);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("not_loaded");
        foreach (var st in statuses.Where(s => !s.Loaded))
        {
            w.WriteStringValue(st.Source);
        }

        w.WriteEndArray();
        w.WriteStartArray("stale_sources");
        foreach (var st in statuses.Where(s => s.Loaded && s.StaleOn(today)))
        {
            w.WriteStringValue(st.Source);
        }

        w.WriteEndArray();
        w.WriteStartArray("incomplete_sources");
        foreach (var st in statuses.Where(s => s.Loaded && !s.Complete))
        {
            w.WriteStringValue(st.Source);
        }

        w.WriteEndArray();
        w.WritePropertyName("last_reload");
        WriteAttempt(w, host.LastAttempt);
        w.WritePropertyName("last_error");
        WriteAttempt(w, host.LastFailure);
        w.WriteEndObject();
    }

    public static void WriteAttempt(Utf8JsonWriter w, ReloadAttempt? a)
    {
        if (a is null)
        {
            w.WriteNullValue();
            return;
        }

        w.WriteStartObject();
        w.WriteString("trigger", a.Trigger);
        w.WriteString("started_at", Time(a.StartedAt));
        w.WriteString("finished_at", Time(a.FinishedAt));
        w.WriteBoolean("succeeded", a.Succeeded);
        JsonFormat.WriteNullable(w, "error", a.Error);
        JsonFormat.WriteNullable(w, "version", a.Version);
        w.WriteEndObject();
    }

    private static void Raw(Utf8JsonWriter w, string name, string json)
    {
        w.WritePropertyName(name);
        try
        {
            using var doc = JsonDocument.Parse(json);
            doc.RootElement.WriteTo(w);
        }
        catch (JsonException)
        {
            w.WriteStringValue(json);
        }
    }
}
