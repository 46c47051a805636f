using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Nodes;

namespace Comity.Application.Monitoring;

/// <summary>One hit kept in a subject's state: its best listing, every listing of its subject, the score, whether it
/// matches, and (for a match under a profile) the decision's action; <see cref="ClearedBy"/> names the cleared alert
/// that keeps a match from alerting again (decision memory).</summary>
internal sealed record MonitoredHit(string EntityId, ImmutableArray<string> Listings, double Score, bool Match, string? Action, string? ClearedBy = null);

/// <summary>A subject's state after its last screening: the kept hits and the overall action (the corpus version and
/// the decision date are its shard's, or the subject's own version override).</summary>
internal sealed record SubjectHits(IReadOnlyList<MonitoredHit> Hits, string? Overall)
{
    public bool HasMatch => Hits.Any(h => h.Match);

    /// <summary>The smallest distance of a kept hit's score to <paramref name="threshold"/>; null without kept hits.</summary>
    public double? Nearest(double threshold) => Hits.Count == 0 ? null : Hits.Min(h => Math.Abs(h.Score - threshold));

    /// <summary>Every listed entity id the kept hits involve.</summary>
    public IReadOnlyList<string> EntityIds => [.. Hits.SelectMany(h => h.Listings.Prepend(h.EntityId)).Distinct(StringComparer.Ordinal)];

    public string ToJson() => new JsonObject
    {
        ["o"] = Overall,
        ["hits"] = new JsonArray([.. Hits.Select(h => (JsonNode)new JsonObject
        {
            ["e"] = h.EntityId,
            ["l"] = new JsonArray([.. h.Listings.Select(l => (JsonNode)JsonValue.Create(l))]),
            ["s"] = h.Score,
            ["m"] = h.Match,
            ["a"] = h.Action,
            ["c"] = h.ClearedBy,
        })]),
    }.ToJsonString();

    /// <summary>No hits (a subject never screened).</summary>
    public static SubjectHits Empty { get; } = new([], null);

    public static SubjectHits FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var o = JsonNode.Parse(json)!.AsObject();
        var hits = o["hits"] is JsonArray a
            ? a.Select(h => new MonitoredHit(
                h!["e"]!.GetValue<string>(),
                [.. h["l"]!.AsArray().Select(x => x!.GetValue<string>())],
                h["s"]!.GetValue<double>(),
                h["m"]!.GetValue<bool>(),
                h["a"]?.GetValue<string>(),
                h["c"]?.GetValue<string>())).ToList()
            : [];
        return new SubjectHits(hits, o["o"]?.GetValue<string>());
    }

    internal static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
