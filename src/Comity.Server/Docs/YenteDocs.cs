using System.Text.Json.Serialization;

namespace Comity.Server.Docs;

// Shapes of the yente-compatible API, for the OpenAPI document only (the endpoints write JSON directly).
#pragma warning disable CA1812 // instantiated only by the OpenAPI generator's reflection

/// <summary>Body of <c>POST /match/{dataset}</c>.</summary>
internal sealed record MatchRequestDoc(
    [property: JsonPropertyName("queries")] Dictionary<string, ExampleDoc> Queries,
    [property: JsonPropertyName("weights")] Dictionary<string, double>? Weights,
    [property: JsonPropertyName("config")] Dictionary<string, object>? Config);

/// <summary>An example entity: FtM schema, properties (string or list of strings), optional id echoed back.</summary>
internal sealed record ExampleDoc(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("schema")] string Schema,
    [property: JsonPropertyName("properties")] Dictionary<string, List<string>> Properties);

internal sealed record MatchResponseDoc(
    [property: JsonPropertyName("responses")] Dictionary<string, QueryResponseDoc> Responses,
    [property: JsonPropertyName("limit")] int Limit);

internal sealed record QueryResponseDoc(
    [property: JsonPropertyName("status")] int Status,
    [property: JsonPropertyName("results")] List<ScoredEntityDoc> Results,
    [property: JsonPropertyName("total")] TotalDoc Total,
    [property: JsonPropertyName("query")] ExampleDoc Query);

internal sealed record TotalDoc(
    [property: JsonPropertyName("value")] int Value,
    [property: JsonPropertyName("relation")] string Relation);

/// <summary>An FtM entity.</summary>
internal record EntityDoc(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("caption")] string Caption,
    [property: JsonPropertyName("schema")] string Schema,
    [property: JsonPropertyName("properties")] Dictionary<string, List<string>> Properties,
    [property: JsonPropertyName("datasets")] List<string> Datasets,
    [property: JsonPropertyName("referents")] List<string> Referents,
    [property: JsonPropertyName("target")] bool Target,
    [property: JsonPropertyName("first_seen")] string FirstSeen,
    [property: JsonPropertyName("last_seen")] string LastSeen,
    [property: JsonPropertyName("last_change")] string LastChange);

/// <summary>An FtM entity with its score and explanation.</summary>
internal sealed record ScoredEntityDoc(
    string Id, string Caption, string Schema, Dictionary<string, List<string>> Properties, List<string> Datasets,
    List<string> Referents, bool Target, string FirstSeen, string LastSeen, string LastChange,
    [property: JsonPropertyName("score")] double Score,
    [property: JsonPropertyName("match")] bool Match,
    [property: JsonPropertyName("features")] Dictionary<string, double> Features,
    [property: JsonPropertyName("explanations")] Dictionary<string, FeatureExplanationDoc> Explanations)
    : EntityDoc(Id, Caption, Schema, Properties, Datasets, Referents, Target, FirstSeen, LastSeen, LastChange);

internal sealed record FeatureExplanationDoc(
    [property: JsonPropertyName("score")] double Score,
    [property: JsonPropertyName("detail")] string? Detail,
    [property: JsonPropertyName("query")] string? Query,
    [property: JsonPropertyName("candidate")] string? Candidate);

internal sealed record SearchResponseDoc(
    [property: JsonPropertyName("results")] List<EntityDoc> Results,
    [property: JsonPropertyName("facets")] Dictionary<string, FacetDoc> Facets,
    [property: JsonPropertyName("total")] TotalDoc Total,
    [property: JsonPropertyName("limit")] int Limit,
    [property: JsonPropertyName("offset")] int Offset);

internal sealed record FacetDoc(
    [property: JsonPropertyName("label")] string Label,
    [property: JsonPropertyName("values")] List<FacetValueDoc> Values);

internal sealed record FacetValueDoc(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("label")] string Label,
    [property: JsonPropertyName("count")] int Count);

internal sealed record CatalogDoc(
    [property: JsonPropertyName("datasets")] List<DatasetDoc> Datasets,
    [property: JsonPropertyName("current")] List<string> Current,
    [property: JsonPropertyName("outdated")] List<string> Outdated,
    [property: JsonPropertyName("index_stale")] bool IndexStale);

internal sealed record DatasetDoc(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("summary")] string Summary,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("url")] string? Url,
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("updated_at")] string UpdatedAt,
    [property: JsonPropertyName("last_export")] string LastExport,
    [property: JsonPropertyName("entity_count")] int EntityCount,
    [property: JsonPropertyName("children")] List<string> Children,
    [property: JsonPropertyName("load")] bool Load,
    [property: JsonPropertyName("entities_url")] string? EntitiesUrl,
    [property: JsonPropertyName("delta_url")] string? DeltaUrl,
    [property: JsonPropertyName("index_version")] string IndexVersion,
    [property: JsonPropertyName("index_current")] bool IndexCurrent,
    [property: JsonPropertyName("resources")] List<ResourceDoc> Resources);

internal sealed record ResourceDoc(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("sha256")] string Sha256,
    [property: JsonPropertyName("size")] long Size,
    [property: JsonPropertyName("mime_type")] string MimeType);

internal sealed record AlgorithmsDoc(
    [property: JsonPropertyName("algorithms")] List<AlgorithmDoc> Algorithms,
    [property: JsonPropertyName("default")] string Default,
    [property: JsonPropertyName("best")] string Best);

internal sealed record AlgorithmDoc(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("features")] Dictionary<string, FeatureDoc> Features,
    [property: JsonPropertyName("docs")] AlgorithmDocsDoc Docs);

internal sealed record AlgorithmDocsDoc(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("config")] Dictionary<string, ConfigVarDoc> Config,
    [property: JsonPropertyName("features")] Dictionary<string, FeatureDoc> Features);

internal sealed record FeatureDoc(
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("coefficient")] double Coefficient,
    [property: JsonPropertyName("url")] string? Url);

internal sealed record ConfigVarDoc(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("default")] object? Default);

internal sealed record StatusDoc([property: JsonPropertyName("status")] string Status);

/// <summary>yente's error body: <c>{"detail": "..."}</c>.</summary>
internal sealed record DetailDoc([property: JsonPropertyName("detail")] string Detail);

/// <summary>yente's 422 body.</summary>
internal sealed record ValidationDoc([property: JsonPropertyName("detail")] List<ValidationItemDoc> Detail);

internal sealed record ValidationItemDoc(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("loc")] List<object> Loc,
    [property: JsonPropertyName("msg")] string Msg,
    [property: JsonPropertyName("input")] object? Input);
