using System.Text.Json.Serialization;

namespace Comity.Server.Docs;

// Shapes of the native API, for the OpenAPI document only (the endpoints write JSON directly).
#pragma warning disable CA1812

/// <summary>Screener profile: the law that binds the one who screens.</summary>
internal sealed record ProfileDoc(
    [property: JsonPropertyName("jurisdiction")] string Jurisdiction,
    [property: JsonPropertyName("role")] string Role,
    [property: JsonPropertyName("as_of")] string? AsOf,
    [property: JsonPropertyName("us_person")] bool? UsPerson,
    [property: JsonPropertyName("us_nexus")] bool? UsNexus,
    [property: JsonPropertyName("us_subsidiary")] bool? UsSubsidiary,
    [property: JsonPropertyName("assume")] List<string>? Assume);

/// <summary>Body of <c>POST /v1/screen</c>: <c>subject</c> or <c>subjects</c>; a subject is an object of fields
/// (name, first_name, middle_name, last_name, schema, gender, dob, place_of_birth, country, passport, national_id,
/// tax_id, registration_number, imo, id), each a string or a list of strings.</summary>
internal sealed record ScreenRequestDoc(
    [property: JsonPropertyName("subject")] Dictionary<string, object>? Subject,
    [property: JsonPropertyName("subjects")] List<Dictionary<string, object>>? Subjects,
    [property: JsonPropertyName("profile")] ProfileDoc? Profile,
    [property: JsonPropertyName("threshold")] double? Threshold,
    [property: JsonPropertyName("min_score")] double? MinScore,
    [property: JsonPropertyName("limit")] int? Limit);

internal sealed record ScreenResponseDoc(
    [property: JsonPropertyName("run_id")] string RunId,
    [property: JsonPropertyName("corpus_version")] string CorpusVersion,
    [property: JsonPropertyName("replayed")] bool Replayed,
    [property: JsonPropertyName("results")] List<SubjectResultDoc> Results,
    [property: JsonPropertyName("alerts")] List<string> Alerts);

internal sealed record SubjectResultDoc(
    [property: JsonPropertyName("index")] int Index,
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("query")] Dictionary<string, object> Query,
    [property: JsonPropertyName("match")] bool Match,
    [property: JsonPropertyName("decision")] DecisionDoc? Decision,
    [property: JsonPropertyName("hits")] List<HitDoc> Hits);

internal sealed record HitDoc(
    [property: JsonPropertyName("entity_id")] string EntityId,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("source_id")] string SourceId,
    [property: JsonPropertyName("schema")] string Schema,
    [property: JsonPropertyName("caption")] string Caption,
    [property: JsonPropertyName("score")] double Score,
    [property: JsonPropertyName("match")] bool Match,
    [property: JsonPropertyName("programs")] List<string> Programs,
    [property: JsonPropertyName("listings")] List<SubjectListingDoc> Listings,
    [property: JsonPropertyName("explanation")] Dictionary<string, object> Explanation,
    [property: JsonPropertyName("decision")] DecisionDoc? Decision,
    [property: JsonPropertyName("alert_id")] string? AlertId);

/// <summary>One listing of the hit's subject (the same person or organisation on another list).</summary>
internal sealed record SubjectListingDoc(
    [property: JsonPropertyName("entity_id")] string EntityId,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("source_id")] string SourceId,
    [property: JsonPropertyName("programs")] List<string> Programs,
    [property: JsonPropertyName("listed_on")] string? ListedOn,
    [property: JsonPropertyName("linked_by")] string LinkedBy);

internal sealed record DecisionDoc(
    [property: JsonPropertyName("action")] string Action,
    [property: JsonPropertyName("conflict")] bool Conflict,
    [property: JsonPropertyName("unconfirmed")] bool Unconfirmed,
    [property: JsonPropertyName("profile")] Dictionary<string, object> Profile,
    [property: JsonPropertyName("listings")] List<DecisionEntryDoc> Listings,
    [property: JsonPropertyName("notes")] List<string> Notes);

internal sealed record DecisionEntryDoc(
    [property: JsonPropertyName("listing_id")] string ListingId,
    [property: JsonPropertyName("regime")] string Regime,
    [property: JsonPropertyName("programme")] string? Programme,
    [property: JsonPropertyName("action")] string Action,
    [property: JsonPropertyName("basis")] string Basis,
    [property: JsonPropertyName("report")] ReportDoc? Report,
    [property: JsonPropertyName("unconfirmed")] bool Unconfirmed,
    [property: JsonPropertyName("reason")] string? Reason,
    [property: JsonPropertyName("explanation")] string Explanation,
    [property: JsonPropertyName("what_would_change")] string? WhatWouldChange,
    [property: JsonPropertyName("flags")] List<string> Flags);

internal sealed record ReportDoc(
    [property: JsonPropertyName("to")] string To,
    [property: JsonPropertyName("within_days")] int? WithinDays,
    [property: JsonPropertyName("days")] string? Days,
    [property: JsonPropertyName("when")] string? When,
    [property: JsonPropertyName("basis")] string Basis,
    [property: JsonPropertyName("unconfirmed")] bool Unconfirmed);

internal sealed record AlertDoc(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("run_id")] string RunId,
    [property: JsonPropertyName("idempotency_key")] string? IdempotencyKey,
    [property: JsonPropertyName("ordinal")] int Ordinal,
    [property: JsonPropertyName("query_id")] string QueryId,
    [property: JsonPropertyName("query_hash")] string QueryHash,
    [property: JsonPropertyName("query")] Dictionary<string, object> Query,
    [property: JsonPropertyName("entity_id")] string EntityId,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("source_id")] string SourceId,
    [property: JsonPropertyName("score")] double Score,
    [property: JsonPropertyName("decision")] Dictionary<string, object> Decision,
    [property: JsonPropertyName("corpus_version")] string CorpusVersion,
    [property: JsonPropertyName("provenance")] Dictionary<string, object> Provenance,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("created_at")] string CreatedAt,
    [property: JsonPropertyName("updated_at")] string UpdatedAt,
    [property: JsonPropertyName("reviews")] List<ReviewDoc>? Reviews);

internal sealed record AlertPageDoc(
    [property: JsonPropertyName("items")] List<AlertDoc> Items,
    [property: JsonPropertyName("total")] long Total,
    [property: JsonPropertyName("offset")] int Offset,
    [property: JsonPropertyName("limit")] int Limit);

internal sealed record ReviewRequestDoc(
    [property: JsonPropertyName("outcome")] string Outcome,
    [property: JsonPropertyName("reason")] string Reason,
    [property: JsonPropertyName("reviewer")] string? Reviewer);

internal sealed record ReviewDoc(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("alert_id")] string AlertId,
    [property: JsonPropertyName("reviewer")] string Reviewer,
    [property: JsonPropertyName("outcome")] string Outcome,
    [property: JsonPropertyName("reason")] string Reason,
    [property: JsonPropertyName("status_before")] string StatusBefore,
    [property: JsonPropertyName("status_after")] string StatusAfter,
    [property: JsonPropertyName("at")] string At);

internal sealed record ReviewResponseDoc(
    [property: JsonPropertyName("review")] ReviewDoc Review,
    [property: JsonPropertyName("alert")] AlertDoc Alert);

internal sealed record ListsDoc(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("reloading")] bool Reloading,
    [property: JsonPropertyName("corpus")] CorpusDoc? Corpus,
    [property: JsonPropertyName("datasets")] List<ListDatasetDoc> Datasets,
    [property: JsonPropertyName("last_reload")] ReloadAttemptDoc? LastReload,
    [property: JsonPropertyName("last_error")] ReloadAttemptDoc? LastError);

internal sealed record CorpusDoc(
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("loaded_at")] string LoadedAt,
    [property: JsonPropertyName("entities")] int Entities,
    [property: JsonPropertyName("load_ms")] double LoadMs);

internal sealed record ListDatasetDoc(
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("authority")] string Authority,
    [property: JsonPropertyName("format")] string Format,
    [property: JsonPropertyName("published")] string? Published,
    [property: JsonPropertyName("entity_count")] int EntityCount,
    [property: JsonPropertyName("schemata")] Dictionary<string, int> Schemata,
    [property: JsonPropertyName("diagnostics")] int Diagnostics,
    [property: JsonPropertyName("files")] List<FileDoc> Files);

internal sealed record FileDoc(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("sha256")] string Sha256,
    [property: JsonPropertyName("bytes")] long Bytes);

internal sealed record ReloadAttemptDoc(
    [property: JsonPropertyName("trigger")] string Trigger,
    [property: JsonPropertyName("started_at")] string StartedAt,
    [property: JsonPropertyName("finished_at")] string FinishedAt,
    [property: JsonPropertyName("succeeded")] bool Succeeded,
    [property: JsonPropertyName("error")] string? Error,
    [property: JsonPropertyName("version")] string? Version);

internal sealed record ReloadDoc(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("attempt")] ReloadAttemptDoc? Attempt);

internal sealed record AuditRecordDoc(
    [property: JsonPropertyName("sequence")] long Sequence,
    [property: JsonPropertyName("at")] string At,
    [property: JsonPropertyName("actor")] string Actor,
    [property: JsonPropertyName("action")] string Action,
    [property: JsonPropertyName("subject")] string Subject,
    [property: JsonPropertyName("payload")] Dictionary<string, object> Payload,
    [property: JsonPropertyName("previous_hash")] string PreviousHash,
    [property: JsonPropertyName("hash")] string Hash);

internal sealed record AuditPageDoc(
    [property: JsonPropertyName("records")] List<AuditRecordDoc> Records,
    [property: JsonPropertyName("after")] long After,
    [property: JsonPropertyName("limit")] int Limit);

internal sealed record AuditVerificationDoc(
    [property: JsonPropertyName("valid")] bool Valid,
    [property: JsonPropertyName("records_checked")] long RecordsChecked,
    [property: JsonPropertyName("first_broken_sequence")] long? FirstBrokenSequence,
    [property: JsonPropertyName("problem")] string? Problem,
    [property: JsonPropertyName("head_hash")] string HeadHash);
