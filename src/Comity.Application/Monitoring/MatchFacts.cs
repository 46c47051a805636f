using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Comity.Core.Model;

namespace Comity.Application.Monitoring;

/// <summary>What matters to a match on one side of a pair (decision memory): names, dates of birth, identifiers and
/// nationalities, each sorted and distinct. A cleared pair stays cleared while both sides' facts stay the same.</summary>
internal sealed record MatchFacts(ImmutableArray<string> Names, ImmutableArray<string> Dates, ImmutableArray<string> Identifiers, ImmutableArray<string> Countries)
{
    /// <summary>The facts of a screened subject.</summary>
    public static MatchFacts Of(Query query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return new MatchFacts(
            Sorted(query.Names),
            Sorted(query.BirthDates.Select(d => d.ToString())),
            Sorted(query.Identifiers.Select(Id)),
            Sorted(query.Countries.Select(c => c.ToLowerInvariant())));
    }

    /// <summary>The facts of a listed subject: the union over every listing of the hit.</summary>
    public static MatchFacts Of(IEnumerable<Entity> listings)
    {
        ArgumentNullException.ThrowIfNull(listings);
        var all = listings.ToList();
        return new MatchFacts(
            Sorted(all.SelectMany(e => e.Names.Select(n => n.Full))),
            Sorted(all.SelectMany(e => e.BirthDates.Select(d => d.ToString()))),
            Sorted(all.SelectMany(e => e.Identifiers.Select(Id))),
            Sorted(all.SelectMany(e => e.Nationalities.Concat(e.Citizenships)).Select(c => c.ToLowerInvariant())));
    }

    public string ToJson() => new JsonObject
    {
        ["names"] = Array(Names),
        ["dates"] = Array(Dates),
        ["identifiers"] = Array(Identifiers),
        ["countries"] = Array(Countries),
    }.ToJsonString();

    public static MatchFacts FromJson(string json)
    {
        var o = JsonNode.Parse(json)!.AsObject();
        return new MatchFacts(Read(o, "names"), Read(o, "dates"), Read(o, "identifiers"), Read(o, "countries"));
    }

    /// <summary>What changed from <paramref name="before"/> to this, as text (<c>names: +"X", -"Y"; identifiers:
    /// +"Passport:123"</c>), or null when nothing that matters changed.</summary>
    public string? ChangesFrom(MatchFacts before)
    {
        ArgumentNullException.ThrowIfNull(before);
        var parts = new List<string>();
        Compare(parts, "names", before.Names, Names);
        Compare(parts, "dates of birth", before.Dates, Dates);
        Compare(parts, "identifiers", before.Identifiers, Identifiers);
        Compare(parts, "nationalities", before.Countries, Countries);
        return parts.Count == 0 ? null : string.Join("; ", parts);
    }

    private static void Compare(List<string> parts, string label, ImmutableArray<string> before, ImmutableArray<string> after)
    {
        var added = after.Except(before, StringComparer.Ordinal).ToList();
        var removed = before.Except(after, StringComparer.Ordinal).ToList();
        if (added.Count + removed.Count > 0)
        {
            parts.Add(label + ": " + string.Join(", ", added.Select(a => "+\"" + a + "\"").Concat(removed.Select(r => "-\"" + r + "\""))));
        }
    }

    private static string Id(Identifier i) => i.Type + ":" + i.Normalized;

    private static ImmutableArray<string> Sorted(IEnumerable<string> values) =>
        [.. values.Where(v => !string.IsNullOrWhiteSpace(v)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    private static JsonArray Array(ImmutableArray<string> values) => new([.. values.Select(v => (JsonNode)JsonValue.Create(v))]);

    private static ImmutableArray<string> Read(JsonObject o, string name) =>
        o[name] is JsonArray a ? [.. a.Select(x => x!.GetValue<string>())] : [];
}
