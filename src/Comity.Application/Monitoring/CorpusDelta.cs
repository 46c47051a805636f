using System.Collections.Frozen;
using System.Text.Json.Nodes;
using Comity.Application.Linking;
using Comity.Core.Model;
using Comity.Law;

namespace Comity.Application.Monitoring;

/// <summary>What changed between two corpus versions, by entity id: entities added, removed, changed (any field,
/// see <see cref="EntityFingerprint"/>; <see cref="MatchChanged"/>: those whose matched facts changed, not only their
/// programmes, dates of listing or remarks), and relinked (the set of listings its subject groups with changed: one
/// real-world subject gained or lost a listing on another list). A delta re-screen starts from these sets.</summary>
internal sealed record CorpusDelta(
    string FromVersion, string ToVersion, IReadOnlyList<string> Added, IReadOnlyList<string> Removed, IReadOnlyList<string> Changed, IReadOnlyList<string> Relinked)
{
    /// <summary>The changed entities whose match facts changed (see <see cref="EntityFingerprint.OfMatchFacts"/>).</summary>
    public IReadOnlyList<string> MatchChanged { get; init; } = Changed;

    /// <summary>The coverage facts of the older version's lists (loaded, data date, size, limits), when they were known
    /// as the change was recorded; null otherwise. A delta re-screen on the day its shard was last decided compares the
    /// coverage gaps they give with the new version's: when they are the same, a hit whose listings did not change keeps
    /// its decision, and only the subjects the change touches are decided again.</summary>
    public IReadOnlyList<ListCoverage>? FromCoverage { get; init; }

    /// <summary>Every id in any of the four sets.</summary>
    public int Count => Added.Count + Removed.Count + Changed.Count + Relinked.Count;

    /// <summary>The listed entities whose names the reverse index is queried with: added ones, and changed ones whose
    /// match facts changed (a change of programme or listing date alone changes no score and no statistic of the
    /// index; the subjects whose hits involve the entity are re-screened anyway).</summary>
    public IEnumerable<string> Queried => Added.Concat(MatchChanged);

    /// <summary>The ids whose presence in a subject's current hits makes it re-screen (removed, changed, relinked).</summary>
    public FrozenSet<string> Involving { get; } = Removed.Concat(Changed).Concat(Relinked).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The difference between two entity sets with their subject links.</summary>
    public static CorpusDelta Between(string fromVersion, IReadOnlyList<Entity> before, SubjectLinks beforeLinks, string toVersion, IReadOnlyList<Entity> after, SubjectLinks afterLinks)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(beforeLinks);
        ArgumentNullException.ThrowIfNull(afterLinks);
        var old = new Dictionary<string, (string All, string Match)>(StringComparer.Ordinal);
        foreach (var e in before)
        {
            old.TryAdd(e.Id, (EntityFingerprint.Of(e), EntityFingerprint.OfMatchFacts(e)));
        }

        var now = new Dictionary<string, (string All, string Match)>(StringComparer.Ordinal);
        foreach (var e in after)
        {
            now.TryAdd(e.Id, (EntityFingerprint.Of(e), EntityFingerprint.OfMatchFacts(e)));
        }

        var added = now.Keys.Where(k => !old.ContainsKey(k)).Order(StringComparer.Ordinal).ToList();
        var removed = old.Keys.Where(k => !now.ContainsKey(k)).Order(StringComparer.Ordinal).ToList();
        var changed = now.Where(kv => old.TryGetValue(kv.Key, out var f) && !string.Equals(f.All, kv.Value.All, StringComparison.Ordinal)).Select(kv => kv.Key).Order(StringComparer.Ordinal).ToList();
        var matchChanged = changed.Where(id => !string.Equals(old[id].Match, now[id].Match, StringComparison.Ordinal)).ToList();
        var relinked = new List<string>();
        foreach (var id in now.Keys.Where(old.ContainsKey))
        {
            if (!SameGroup(beforeLinks.SubjectOf(id), afterLinks.SubjectOf(id)))
            {
                relinked.Add(id);
            }
        }

        relinked.Sort(StringComparer.Ordinal);
        return new CorpusDelta(fromVersion, toVersion, added, removed, changed, relinked) { MatchChanged = matchChanged };
    }

    private static bool SameGroup(Subject? a, Subject? b)
    {
        if (a is null || b is null)
        {
            return a is null && b is null;
        }

        if (a.Entities.Length != b.Entities.Length)
        {
            return false;
        }

        var ids = a.Entities.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        return b.Entities.All(e => ids.Contains(e.Id));
    }

    public string ToJson() => new JsonObject
    {
        ["from"] = FromVersion,
        ["to"] = ToVersion,
        ["added"] = Array(Added),
        ["removed"] = Array(Removed),
        ["changed"] = Array(Changed),
        ["relinked"] = Array(Relinked),
        ["match_changed"] = Array(MatchChanged),
        ["from_coverage"] = FromCoverage is null ? null : new JsonArray([.. FromCoverage.Select(c => (JsonNode)new JsonObject
        {
            ["source"] = c.Source,
            ["loaded"] = c.Loaded,
            ["data_date"] = c.DataDate is { } d ? SubjectHits.Day(d) : null,
            ["entities"] = c.Entities,
            ["min_entities"] = c.MinEntities,
            ["max_age_days"] = c.MaxAgeDays,
        })]),
    }.ToJsonString();

    public static CorpusDelta FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var o = JsonNode.Parse(json)!.AsObject();
        var changed = Read(o, "changed");
        return new CorpusDelta(o["from"]!.GetValue<string>(), o["to"]!.GetValue<string>(), Read(o, "added"), Read(o, "removed"), changed, Read(o, "relinked"))
        {
            MatchChanged = o["match_changed"] is JsonArray ? Read(o, "match_changed") : changed,
            FromCoverage = o["from_coverage"] is JsonArray c ? [.. c.Select(x => new ListCoverage(
                x!["source"]!.GetValue<string>(),
                x["loaded"]!.GetValue<bool>(),
                x["data_date"] is { } d ? DateOnly.ParseExact(d.GetValue<string>(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : null,
                x["entities"]!.GetValue<int>(),
                x["min_entities"]?.GetValue<int>(),
                x["max_age_days"]?.GetValue<int>()))] : null,
        };
    }

    private static JsonArray Array(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)JsonValue.Create(v))]);

    private static List<string> Read(JsonObject o, string name) => o[name] is JsonArray a ? [.. a.Select(x => x!.GetValue<string>())] : [];
}
