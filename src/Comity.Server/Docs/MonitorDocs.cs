using System.Text.Json.Serialization;

namespace Comity.Server.Docs;

// Shapes of the monitoring API, for the OpenAPI document only (the endpoints write JSON directly).
#pragma warning disable CA1812

/// <summary>Portfolio settings: the screener profile (no date: decisions are made as of each screening's day), the
/// match threshold, the shard size (subjects per re-screen job).</summary>
internal sealed record PortfolioRequestDoc(
    [property: JsonPropertyName("profile")] ProfileDoc? Profile,
    [property: JsonPropertyName("threshold")] double? Threshold,
    [property: JsonPropertyName("shard_size")] int? ShardSize);

internal sealed record PortfolioDoc(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("profile")] Dictionary<string, object> Profile,
    [property: JsonPropertyName("threshold")] double Threshold,
    [property: JsonPropertyName("shard_size")] int ShardSize,
    [property: JsonPropertyName("subjects")] long Subjects,
    [property: JsonPropertyName("revision")] long Revision,
    [property: JsonPropertyName("created_at")] string CreatedAt,
    [property: JsonPropertyName("updated_at")] string UpdatedAt,
    [property: JsonPropertyName("shards")] List<ShardDoc>? Shards);

internal sealed record ShardDoc(
    [property: JsonPropertyName("shard")] int Shard,
    [property: JsonPropertyName("corpus_version")] string CorpusVersion,
    [property: JsonPropertyName("decided_on")] string DecidedOn);

internal sealed record PortfolioListDoc([property: JsonPropertyName("portfolios")] List<PortfolioDoc> Portfolios);

/// <summary>Subjects to add (each an object of screening fields with an <c>id</c>), and the portfolio's settings when
/// it is created by this request.</summary>
internal sealed record AddSubjectsDoc(
    [property: JsonPropertyName("subjects")] List<Dictionary<string, object>> Subjects,
    [property: JsonPropertyName("profile")] ProfileDoc? Profile,
    [property: JsonPropertyName("threshold")] double? Threshold,
    [property: JsonPropertyName("shard_size")] int? ShardSize);

internal sealed record AddReportDoc(
    [property: JsonPropertyName("portfolio")] string Portfolio,
    [property: JsonPropertyName("run_id")] string RunId,
    [property: JsonPropertyName("corpus_version")] string CorpusVersion,
    [property: JsonPropertyName("added")] int Added,
    [property: JsonPropertyName("updated")] int Updated,
    [property: JsonPropertyName("unchanged")] int Unchanged,
    [property: JsonPropertyName("matches")] int Matches,
    [property: JsonPropertyName("alerts_created")] int AlertsCreated,
    [property: JsonPropertyName("errors")] List<string> Errors);

internal sealed record SubjectHitDoc(
    [property: JsonPropertyName("entity_id")] string EntityId,
    [property: JsonPropertyName("listings")] List<string> Listings,
    [property: JsonPropertyName("score")] double Score,
    [property: JsonPropertyName("match")] bool Match,
    [property: JsonPropertyName("action")] string? Action,
    [property: JsonPropertyName("cleared_by")] string? ClearedBy);

internal sealed record SubjectAlertDoc(
    [property: JsonPropertyName("alert_id")] string AlertId,
    [property: JsonPropertyName("entity_id")] string EntityId,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("live")] bool Live,
    [property: JsonPropertyName("reason")] string Reason,
    [property: JsonPropertyName("detail")] string? Detail,
    [property: JsonPropertyName("created_at")] string CreatedAt,
    [property: JsonPropertyName("ended_at")] string? EndedAt);

internal sealed record SubjectDoc(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("seq")] long Seq,
    [property: JsonPropertyName("query")] Dictionary<string, object> Query,
    [property: JsonPropertyName("match")] bool Match,
    [property: JsonPropertyName("action")] string? Action,
    [property: JsonPropertyName("hits")] List<SubjectHitDoc> Hits,
    [property: JsonPropertyName("added_at")] string AddedAt,
    [property: JsonPropertyName("updated_at")] string UpdatedAt,
    [property: JsonPropertyName("alerts")] List<SubjectAlertDoc>? Alerts);

internal sealed record SubjectPageDoc(
    [property: JsonPropertyName("items")] List<SubjectDoc> Items,
    [property: JsonPropertyName("total")] long Total,
    [property: JsonPropertyName("offset")] int Offset,
    [property: JsonPropertyName("limit")] int Limit);

internal sealed record RescreenDoc(
    [property: JsonPropertyName("mode")] string Mode,
    [property: JsonPropertyName("corpus_version")] string CorpusVersion,
    [property: JsonPropertyName("jobs")] int Jobs);

internal sealed record WebhookRequestDoc(
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("secret")] string? Secret,
    [property: JsonPropertyName("max_attempts")] int? MaxAttempts);

internal sealed record WebhookDoc(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("portfolio")] string Portfolio,
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("secret")] string? Secret,
    [property: JsonPropertyName("max_attempts")] int MaxAttempts,
    [property: JsonPropertyName("created_at")] string CreatedAt,
    [property: JsonPropertyName("removed_at")] string? RemovedAt,
    [property: JsonPropertyName("deliveries")] Dictionary<string, long> Deliveries);

internal sealed record DeliveryDoc(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("webhook_id")] string WebhookId,
    [property: JsonPropertyName("event_seq")] long EventSeq,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("attempts")] int Attempts,
    [property: JsonPropertyName("next_attempt_at")] string NextAttemptAt,
    [property: JsonPropertyName("last_status")] int? LastStatus,
    [property: JsonPropertyName("last_error")] string? LastError,
    [property: JsonPropertyName("delivered_at")] string? DeliveredAt,
    [property: JsonPropertyName("created_at")] string CreatedAt);

/// <summary>One event: <c>alert.created</c>, <c>alert.reopened</c>, <c>alert.closed</c> (reason delisted),
/// <c>hit.vanished</c>, <c>decision.changed</c>, <c>subjects.added</c>, <c>subjects.removed</c>,
/// <c>rescreen.completed</c>; <c>id</c> de-duplicates deliveries.</summary>
internal sealed record EventDoc(
    [property: JsonPropertyName("seq")] long Seq,
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("portfolio")] string? Portfolio,
    [property: JsonPropertyName("subject_id")] string? SubjectId,
    [property: JsonPropertyName("alert_id")] string? AlertId,
    [property: JsonPropertyName("created_at")] string CreatedAt);

internal sealed record EventPageDoc(
    [property: JsonPropertyName("events")] List<EventDoc> Events,
    [property: JsonPropertyName("after")] long After,
    [property: JsonPropertyName("next_after")] long NextAfter);

internal sealed record RunDoc(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("started_at")] string StartedAt,
    [property: JsonPropertyName("finished_at")] string? FinishedAt,
    [property: JsonPropertyName("actor")] string Actor,
    [property: JsonPropertyName("corpus_version")] string CorpusVersion,
    [property: JsonPropertyName("subjects")] long Subjects,
    [property: JsonPropertyName("hits")] long Hits,
    [property: JsonPropertyName("alerts")] long Alerts,
    [property: JsonPropertyName("engine_version")] string? EngineVersion,
    [property: JsonPropertyName("threshold")] double? Threshold,
    [property: JsonPropertyName("options")] Dictionary<string, object>? Options,
    [property: JsonPropertyName("profile")] Dictionary<string, object>? Profile,
    [property: JsonPropertyName("corpus")] Dictionary<string, object>? Corpus);

internal sealed record ReplayDoc(
    [property: JsonPropertyName("run_id")] string RunId,
    [property: JsonPropertyName("reproduced")] bool Reproduced,
    [property: JsonPropertyName("corpus_version")] string CorpusVersion,
    [property: JsonPropertyName("replayed_corpus_version")] string ReplayedCorpusVersion,
    [property: JsonPropertyName("corpus_source")] string CorpusSource,
    [property: JsonPropertyName("engine_version")] string EngineVersion,
    [property: JsonPropertyName("current_engine_version")] string CurrentEngineVersion,
    [property: JsonPropertyName("subjects")] long Subjects,
    [property: JsonPropertyName("hits")] long Hits,
    [property: JsonPropertyName("matches")] long Matches,
    [property: JsonPropertyName("differences")] long Differences,
    [property: JsonPropertyName("listed_differences")] List<Dictionary<string, object>> ListedDifferences);

internal sealed record JobDoc(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("portfolio")] string Portfolio,
    [property: JsonPropertyName("shard")] int Shard,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("plan")] string Plan,
    [property: JsonPropertyName("to_version")] string ToVersion,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("attempts")] int Attempts,
    [property: JsonPropertyName("lease_owner")] string? LeaseOwner,
    [property: JsonPropertyName("created_at")] string CreatedAt,
    [property: JsonPropertyName("finished_at")] string? FinishedAt,
    [property: JsonPropertyName("error")] string? Error,
    [property: JsonPropertyName("result")] Dictionary<string, object>? Result);
