using System.Text.Json.Nodes;

namespace Comity.Application.Monitoring;

/// <summary>The hits a run found for one subject, as stored for replay: <c>[{entity_id, score, match}]</c> in result
/// order.</summary>
internal static class RunHits
{
    public static string Encode(IEnumerable<MonitoredHit> hits) =>
        new JsonArray([.. hits.Select(h => (JsonNode)new JsonObject { ["entity_id"] = h.EntityId, ["score"] = h.Score, ["match"] = h.Match })]).ToJsonString();

    public static string Encode(IEnumerable<(string EntityId, double Score, bool Match)> hits) =>
        new JsonArray([.. hits.Select(h => (JsonNode)new JsonObject { ["entity_id"] = h.EntityId, ["score"] = h.Score, ["match"] = h.Match })]).ToJsonString();

    public static IReadOnlyList<(string EntityId, double Score, bool Match)> Decode(string json) =>
        [.. JsonNode.Parse(json)!.AsArray().Select(h => (h!["entity_id"]!.GetValue<string>(), h["score"]!.GetValue<double>(), h["match"]!.GetValue<bool>()))];
}
