using System.Reflection;
using System.Text.Json.Nodes;
using Comity.Application.Screening;
using Comity.Core.Matching;
using Comity.Core.Model;
using Comity.Law;

namespace Comity.Application.Monitoring;

/// <summary>Proof of screening as JSON: the engine version, every screening option and the dated profile, so a run
/// can be replayed with exactly what it screened with.</summary>
internal static class ProofJson
{
    /// <summary>The matcher's version: Comity.Core's informational version (with the source revision when built from
    /// a git checkout).</summary>
    public static string EngineVersion { get; } =
        typeof(MatchIndex).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(MatchIndex).Assembly.GetName().Version?.ToString() ?? "unknown";

    /// <summary>Every option of <paramref name="o"/> as canonical JSON.</summary>
    public static string Options(ScreeningOptions o)
    {
        ArgumentNullException.ThrowIfNull(o);
        var scope = o.Scope;
        return new JsonObject
        {
            ["threshold"] = o.Threshold,
            ["min_score"] = o.MinScore,
            ["limit"] = o.Limit,
            ["qualifiers"] = o.Qualifiers,
            ["weights"] = new JsonObject([.. o.Weights.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))]),
            ["sources"] = scope.Sources is null ? null : Strings(scope.Sources),
            ["schemata"] = scope.Schemata is null ? null : Strings(scope.Schemata.Select(s => s.Name())),
            ["query_schemata"] = scope.QuerySchemata is null ? null : new JsonArray([.. scope.QuerySchemata.Select(s => (JsonNode)s.Name())]),
            ["exclude"] = Strings(scope.ExcludeEntityIds),
            ["topics"] = Strings(scope.Topics),
            ["changed_since"] = scope.ChangedSince?.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        }.ToJsonString();
    }

    /// <summary>Reads what <see cref="Options(ScreeningOptions)"/> wrote.</summary>
    public static ScreeningOptions ParseOptions(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var o = JsonNode.Parse(json)!.AsObject();
        static Schema Parse(string s) => Schemata.TryParse(s, out var schema) ? schema : throw new FormatException($"unknown schema '{s}'");
        var scope = new CandidateScope
        {
            Sources = o["sources"] is JsonArray s ? ReadStrings(s).ToHashSet(StringComparer.Ordinal) : null,
            Schemata = o["schemata"] is JsonArray sc ? ReadStrings(sc).Select(Parse).ToHashSet() : null,
            QuerySchemata = o["query_schemata"] is JsonArray qs ? [.. ReadStrings(qs).Select(Parse)] : null,
            ExcludeEntityIds = o["exclude"] is JsonArray ex ? ReadStrings(ex).ToHashSet(StringComparer.Ordinal) : new HashSet<string>(StringComparer.Ordinal),
            Topics = o["topics"] is JsonArray t ? ReadStrings(t).ToHashSet(StringComparer.Ordinal) : new HashSet<string>(StringComparer.Ordinal),
            ChangedSince = o["changed_since"]?.GetValue<string>() is { } c ? DateTime.Parse(c, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind) : null,
        };
        var weights = o["weights"] is JsonObject w ? w.ToDictionary(kv => kv.Key, kv => kv.Value!.GetValue<double>(), StringComparer.Ordinal) : [];
        return new ScreeningOptions
        {
            Threshold = o["threshold"]!.GetValue<double>(),
            MinScore = o["min_score"]!.GetValue<double>(),
            Limit = o["limit"]!.GetValue<int>(),
            Qualifiers = o["qualifiers"]?.GetValue<bool>() ?? true,
            Weights = weights,
            Scope = scope.Sources is null && scope.Schemata is null && scope.QuerySchemata is null && scope.ExcludeEntityIds.Count == 0 && scope.Topics.Count == 0 && scope.ChangedSince is null
                ? CandidateScope.All
                : scope,
        };
    }

    /// <summary>The dated profile as JSON (<c>{}</c> without one).</summary>
    public static string Profile(ScreenerProfile? p) => p is null
        ? "{}"
        : new JsonObject
        {
            ["jurisdiction"] = p.Jurisdiction,
            ["role"] = p.Role.ToString().ToLowerInvariant(),
            ["as_of"] = SubjectHits.Day(p.AsOf),
            ["us_person"] = p.UsPerson,
            ["us_nexus"] = p.UsNexus,
            ["us_subsidiary"] = p.UsSubsidiary,
            ["assume"] = Strings(p.Assumptions ?? new HashSet<string>()),
        }.ToJsonString();

    /// <summary>Reads what <see cref="Profile(ScreenerProfile?)"/> wrote (null for <c>{}</c>).</summary>
    public static ScreenerProfile? ParseProfile(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var o = JsonNode.Parse(json)!.AsObject();
        if (o["jurisdiction"]?.GetValue<string>() is not { } j)
        {
            return null;
        }

        return new ScreenerProfile(
            j,
            Enum.Parse<Role>(o["role"]!.GetValue<string>(), ignoreCase: true),
            DateOnly.ParseExact(o["as_of"]!.GetValue<string>(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            o["us_person"]?.GetValue<bool>() ?? false,
            o["us_nexus"]?.GetValue<bool>() ?? false,
            o["assume"] is JsonArray a ? ReadStrings(a).ToHashSet(StringComparer.Ordinal) : null,
            o["us_subsidiary"]?.GetValue<bool>() ?? false);
    }

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Order(StringComparer.Ordinal).Select(v => (JsonNode)JsonValue.Create(v))]);

    private static IEnumerable<string> ReadStrings(JsonArray a) => a.Select(x => x!.GetValue<string>());
}
