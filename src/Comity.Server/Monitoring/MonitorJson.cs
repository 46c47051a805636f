using System.Text.Json;
using Comity.Application.Monitoring;
using Comity.Server.Native;
using Comity.Storage.Monitoring;
using Comity.Storage.Runs;

namespace Comity.Server.Monitoring;

/// <summary>Wire shapes of the monitoring API (snake_case).</summary>
internal static class MonitorJson
{
    public static void WritePortfolio(Utf8JsonWriter w, Portfolio p, IReadOnlyList<PortfolioShard>? shards = null)
    {
        w.WriteStartObject();
        w.WriteString("name", p.Name);
        w.WritePropertyName("profile");
        using (var profile = JsonDocument.Parse(p.ProfileJson))
        {
            profile.RootElement.WriteTo(w);
        }

        w.WriteNumber("threshold", p.Threshold);
        w.WriteNumber("shard_size", p.ShardSize);
        w.WriteNumber("subjects", p.Subjects);
        w.WriteNumber("revision", p.Revision);
        w.WriteString("created_at", NativeJson.Time(p.CreatedAt));
        w.WriteString("updated_at", NativeJson.Time(p.UpdatedAt));
        if (shards is not null)
        {
            w.WriteStartArray("shards");
            foreach (var s in shards)
            {
                w.WriteStartObject();
                w.WriteNumber("shard", s.Shard);
                w.WriteString("corpus_version", s.CorpusVersion);
                w.WriteString("decided_on", s.DecidedOn);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    public static void WriteSubject(Utf8JsonWriter w, StoredSubject s, IReadOnlyList<MonitorPair>? pairs = null)
    {
        w.WriteStartObject();
        w.WriteString("id", s.SubjectId);
        w.WriteNumber("seq", s.Seq);
        w.WritePropertyName("query");
        using (var q = JsonDocument.Parse(s.QueryJson))
        {
            q.RootElement.WriteTo(w);
        }

        var state = SubjectHits.FromJson(s.StateJson);
        w.WriteBoolean("match", s.HasMatch);
        if (state.Overall is { } overall)
        {
            w.WriteString("action", overall);
        }
        else
        {
            w.WriteNull("action");
        }

        w.WriteStartArray("hits");
        foreach (var h in state.Hits)
        {
            w.WriteStartObject();
            w.WriteString("entity_id", h.EntityId);
            w.WriteStartArray("listings");
            foreach (var l in h.Listings)
            {
                w.WriteStringValue(l);
            }

            w.WriteEndArray();
            w.WriteNumber("score", h.Score);
            w.WriteBoolean("match", h.Match);
            if (h.Action is { } a)
            {
                w.WriteString("action", a);
            }

            if (h.ClearedBy is { } c)
            {
                w.WriteString("cleared_by", c);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (s.VersionOverride is { } v)
        {
            w.WriteString("corpus_version", v);
        }

        w.WriteString("added_at", NativeJson.Time(s.AddedAt));
        w.WriteString("updated_at", NativeJson.Time(s.UpdatedAt));
        if (pairs is not null)
        {
            w.WriteStartArray("alerts");
            foreach (var p in pairs)
            {
                w.WriteStartObject();
                w.WriteString("alert_id", p.AlertId);
                w.WriteString("entity_id", p.EntityId);
                w.WriteString("status", NativeJson.Status(p.Status));
                w.WriteBoolean("live", p.Live);
                w.WriteString("reason", p.Reason);
                if (p.Detail is { } d)
                {
                    w.WriteString("detail", d);
                }

                w.WriteString("created_at", NativeJson.Time(p.CreatedAt));
                if (p.EndedAt is { } e)
                {
                    w.WriteString("ended_at", NativeJson.Time(e));
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    public static void WriteAdd(Utf8JsonWriter w, AddReport r)
    {
        w.WriteStartObject();
        w.WriteString("portfolio", r.Portfolio);
        w.WriteString("run_id", r.RunId);
        w.WriteString("corpus_version", r.CorpusVersion);
        w.WriteNumber("added", r.Added);
        w.WriteNumber("updated", r.Updated);
        w.WriteNumber("unchanged", r.Unchanged);
        w.WriteNumber("matches", r.Matches);
        w.WriteNumber("alerts_created", r.AlertsCreated);
        w.WriteStartArray("errors");
        foreach (var e in r.Errors)
        {
            w.WriteStringValue(e);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static void WriteEvent(Utf8JsonWriter w, MonitorEvent e)
    {
        using var payload = JsonDocument.Parse(WebhookDispatcher.Envelope(e));
        payload.RootElement.WriteTo(w);
    }

    public static void WriteWebhook(Utf8JsonWriter w, Webhook h, bool withSecret = false)
    {
        w.WriteStartObject();
        w.WriteString("id", h.Id);
        w.WriteString("portfolio", h.Portfolio);
        w.WriteString("url", h.Url);
        if (withSecret)
        {
            w.WriteString("secret", h.Secret);
        }

        w.WriteNumber("max_attempts", h.MaxAttempts);
        w.WriteString("created_at", NativeJson.Time(h.CreatedAt));
        if (h.RemovedAt is { } r)
        {
            w.WriteString("removed_at", NativeJson.Time(r));
        }

        w.WriteStartObject("deliveries");
        foreach (var (k, v) in h.Deliveries.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            w.WriteNumber(k, v);
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    public static void WriteDelivery(Utf8JsonWriter w, WebhookDelivery d)
    {
        w.WriteStartObject();
        w.WriteNumber("id", d.Id);
        w.WriteString("webhook_id", d.WebhookId);
        w.WriteNumber("event_seq", d.EventSeq);
        w.WriteString("status", Delivery(d.Status));
        w.WriteNumber("attempts", d.Attempts);
        w.WriteString("next_attempt_at", NativeJson.Time(d.NextAttemptAt));
        if (d.LastStatus is { } s)
        {
            w.WriteNumber("last_status", s);
        }

        if (d.LastError is { } e)
        {
            w.WriteString("last_error", e);
        }

        if (d.DeliveredAt is { } at)
        {
            w.WriteString("delivered_at", NativeJson.Time(at));
        }

        w.WriteString("created_at", NativeJson.Time(d.CreatedAt));
        w.WriteEndObject();
    }

    public static string Delivery(DeliveryStatus s) => s switch
    {
        DeliveryStatus.Pending => "pending",
        DeliveryStatus.Delivered => "delivered",
        _ => "dead",
    };

    public static void WriteJob(Utf8JsonWriter w, MonitorJob j)
    {
        w.WriteStartObject();
        w.WriteString("id", j.Id);
        w.WriteString("portfolio", j.Portfolio);
        w.WriteNumber("shard", j.Shard);
        w.WriteString("kind", j.Kind == JobKind.Full ? "full" : "delta");
        w.WriteString("plan", j.Plan);
        w.WriteString("to_version", j.ToVersion);
        w.WriteString("status", j.Status.ToString().ToLowerInvariant());
        w.WriteNumber("attempts", j.Attempts);
        if (j.LeaseOwner is { } o)
        {
            w.WriteString("lease_owner", o);
        }

        w.WriteString("created_at", NativeJson.Time(j.CreatedAt));
        if (j.FinishedAt is { } f)
        {
            w.WriteString("finished_at", NativeJson.Time(f));
        }

        if (j.Error is { } e)
        {
            w.WriteString("error", e);
        }

        if (j.ResultJson is { } r)
        {
            w.WritePropertyName("result");
            using var doc = JsonDocument.Parse(r);
            doc.RootElement.WriteTo(w);
        }

        w.WriteEndObject();
    }

    public static void WriteRun(Utf8JsonWriter w, ScreeningRun r, string? corpusJson)
    {
        w.WriteStartObject();
        w.WriteString("id", r.Id);
        w.WriteString("started_at", NativeJson.Time(r.StartedAt));
        if (r.FinishedAt is { } f)
        {
            w.WriteString("finished_at", NativeJson.Time(f));
        }

        w.WriteString("actor", r.Actor);
        w.WriteString("corpus_version", r.CorpusVersion);
        w.WriteNumber("subjects", r.Counts.Queries);
        w.WriteNumber("hits", r.Counts.Hits);
        w.WriteNumber("alerts", r.Counts.Alerts);
        if (r.Proof is { } p)
        {
            w.WriteString("engine_version", p.EngineVersion);
            w.WriteNumber("threshold", p.Threshold);
            w.WritePropertyName("options");
            using (var o = JsonDocument.Parse(p.OptionsJson))
            {
                o.RootElement.WriteTo(w);
            }

            w.WritePropertyName("profile");
            using (var pr = JsonDocument.Parse(p.ProfileJson))
            {
                pr.RootElement.WriteTo(w);
            }
        }

        if (corpusJson is not null)
        {
            w.WritePropertyName("corpus");
            using var c = JsonDocument.Parse(corpusJson);
            c.RootElement.WriteTo(w);
        }

        w.WriteEndObject();
    }

    public static void WriteReplay(Utf8JsonWriter w, ReplayReport r)
    {
        w.WriteStartObject();
        w.WriteString("run_id", r.RunId);
        w.WriteBoolean("reproduced", r.Reproduced);
        w.WriteString("corpus_version", r.CorpusVersion);
        w.WriteString("replayed_corpus_version", r.ReplayedCorpusVersion);
        w.WriteString("corpus_source", r.CorpusSource);
        w.WriteString("engine_version", r.StoredEngine);
        w.WriteString("current_engine_version", r.CurrentEngine);
        w.WriteNumber("threshold", r.Threshold);
        w.WritePropertyName("profile");
        using (var p = JsonDocument.Parse(r.ProfileJson))
        {
            p.RootElement.WriteTo(w);
        }

        w.WriteNumber("subjects", r.Subjects);
        w.WriteNumber("hits", r.Hits);
        w.WriteNumber("matches", r.Matches);
        w.WriteNumber("differences", r.DifferenceCount);
        w.WriteStartArray("listed_differences");
        foreach (var d in r.Differences)
        {
            w.WriteStartObject();
            w.WriteNumber("ordinal", d.Ordinal);
            w.WriteString("query_id", d.QueryId);
            w.WritePropertyName("stored");
            using (var s = JsonDocument.Parse(d.Stored))
            {
                s.RootElement.WriteTo(w);
            }

            w.WritePropertyName("replayed");
            using (var rp = JsonDocument.Parse(d.Replayed))
            {
                rp.RootElement.WriteTo(w);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }
}
