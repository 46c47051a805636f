using System.Text.Json;

namespace Comity.Server.Yente;

/// <summary>The parameters and body of one <c>POST /match/{dataset}</c>, validated.</summary>
internal sealed record MatchRequest(
    int Limit,
    double Threshold,
    double Cutoff,
    Algorithm Algorithm,
    bool Qualifiers,
    IReadOnlyList<string> IncludeDatasets,
    IReadOnlyList<string> ExcludeDatasets,
    IReadOnlyList<string> ExcludeSchemata,
    IReadOnlyList<string> Topics,
    DateTime? ChangedSince,
    IReadOnlySet<string> ExcludeEntityIds,
    IReadOnlyList<KeyValuePair<string, ExampleEntity>> Queries,
    IReadOnlyDictionary<string, double> Weights)
{
    public const int MaxLimit = 500;

    public const int MaxQueries = 100;

    public const int MaxExcludedIds = 50;

    /// <summary>Reads the query parameters (422 on bad values) — before the body, as yente does.</summary>
    public static MatchRequest FromParameters(QueryParams q)
    {
        var limit = q.Int("limit", 5, 0, MaxLimit);
        var threshold = q.Float("threshold") ?? Comity.Application.Screening.ScreeningOptions.DefaultThreshold;
        var cutoff = Math.Min(q.Float("cutoff") ?? threshold, threshold);
        var excluded = q.Many("exclude_entity_ids");
        if (excluded.Count > MaxExcludedIds)
        {
            throw YenteException.Invalid("too_long", $"List should have at most {MaxExcludedIds} items after validation, not {excluded.Count}", string.Join(',', excluded), "query", "exclude_entity_ids");
        }

        var changed = q.ChangedSince();
        var algorithmName = q.One("algorithm");
        var algorithm = Algorithms.Find(algorithmName) ?? throw new YenteException(StatusCodes.Status400BadRequest, $"Invalid algorithm: {algorithmName}");
        return new MatchRequest(
            limit, threshold, cutoff, algorithm, !algorithm.NamesOnly,
            q.Many("include_dataset").Select(DatasetScope.Canonical).ToList(),
            q.Many("exclude_dataset").Select(DatasetScope.Canonical).ToList(),
            q.Many("exclude_schema"),
            q.Many("topics"),
            changed,
            excluded.ToHashSet(StringComparer.Ordinal),
            [],
            new Dictionary<string, double>(StringComparer.Ordinal));
    }

    /// <summary>Adds the body: queries (1–100), weights and config.</summary>
    public MatchRequest WithBody(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw YenteException.Invalid("model_attributes_type", "Input should be a valid dictionary or object to extract fields from", body.Clone(), "body");
        }

        if (!body.TryGetProperty("queries", out var queries))
        {
            throw YenteException.Invalid("missing", "Field required", body.Clone(), "body", "queries");
        }

        if (queries.ValueKind != JsonValueKind.Object)
        {
            throw YenteException.Invalid("dict_type", "Input should be a valid dictionary", queries.Clone(), "body", "queries");
        }

        var parsed = new List<KeyValuePair<string, ExampleEntity>>();
        var count = 0;
        foreach (var _ in queries.EnumerateObject())
        {
            count++;
        }

        if (count == 0)
        {
            throw new YenteException(StatusCodes.Status400BadRequest, "No queries provided.");
        }

        if (count > MaxQueries)
        {
            throw new YenteException(StatusCodes.Status400BadRequest, $"Too many queries in one batch (limit: {MaxQueries})");
        }

        foreach (var p in queries.EnumerateObject())
        {
            parsed.Add(new(p.Name, ExampleParser.Parse(p.Name, p.Value)));
        }

        var qualifiers = Qualifiers;
        if (body.TryGetProperty("config", out var config) && config.ValueKind == JsonValueKind.Object)
        {
            foreach (var c in config.EnumerateObject())
            {
                if (!string.Equals(c.Name, Algorithms.QualifiersConfig, StringComparison.Ordinal))
                {
                    throw new YenteException(StatusCodes.Status400BadRequest, $"Invalid configuration parameter: {c.Name} for algorithm {Algorithm.Name}");
                }

                qualifiers = c.Value.ValueKind switch
                {
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    JsonValueKind.String => QueryParams.ParseBool(c.Value.GetString()!) ?? throw new YenteException(StatusCodes.Status400BadRequest, $"Invalid configuration value for {c.Name}: expected a boolean"),
                    _ => throw new YenteException(StatusCodes.Status400BadRequest, $"Invalid configuration value for {c.Name}: expected a boolean"),
                };
            }
        }

        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        if (body.TryGetProperty("weights", out var w) && w.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in w.EnumerateObject())
            {
                if (p.Value.ValueKind == JsonValueKind.Number && p.Value.TryGetDouble(out var v) && double.IsFinite(v))
                {
                    weights[p.Name] = v;
                }
                else
                {
                    throw YenteException.Invalid("float_type", "Input should be a valid number", p.Value.Clone(), "body", "weights", p.Name);
                }
            }
        }

        return this with { Queries = parsed, Qualifiers = qualifiers, Weights = weights };
    }
}
