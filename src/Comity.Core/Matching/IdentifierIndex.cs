using Comity.Core.Model;
using Comity.Core.Snapshots;

namespace Comity.Core.Matching;

/// <summary>Postings of the listed entities' strong identifiers (documents, registrations, IMO and MMSI numbers, LEI,
/// BIC, crypto addresses) by normalised value: a query carrying one retrieves the listed entity whatever its name
/// (vessels are renamed to evade sanctions). Retrieval only: <see cref="IdentifierComparison"/> and the scorer decide
/// what a shared value is worth.</summary>
internal sealed class IdentifierIndex
{
    /// <summary>Most entities one identifier value may bring in: a value shared by more is not an identity.</summary>
    public const int MaxEntitiesPerValue = 32;

    private readonly KeyedPostings _byValue;

    private IdentifierIndex(KeyedPostings byValue) => _byValue = byValue;

    public int Count => _byValue.Count;

    public static IdentifierIndex Build(IReadOnlyList<Entity> entities)
    {
        var map = new Dictionary<string, GrowableInts>(StringComparer.Ordinal);
        for (var e = 0; e < entities.Count; e++)
        {
            foreach (var id in IdentifierComparison.Listed(entities[e]))
            {
                if (!id.IsStrong)
                {
                    continue;
                }

                if (!map.TryGetValue(id.Normalized, out var list))
                {
                    map[id.Normalized] = list = new GrowableInts(2);
                }

                if (list.Count == 0 || list.AsSpan()[^1] != e)
                {
                    list.Add(e);
                }
            }
        }

        return new IdentifierIndex(KeyedPostings.Build(map.Where(kv => kv.Value.Count <= MaxEntitiesPerValue)));
    }

    /// <summary>Writes the postings as built (for a snapshot).</summary>
    internal void Write(SnapshotWriter writer) => _byValue.Write(writer);

    /// <summary>Postings written by <see cref="Write"/> over <paramref name="entityCount"/> entities.</summary>
    /// <exception cref="InvalidDataException">Damaged.</exception>
    internal static IdentifierIndex Read(SnapshotReader reader, int entityCount) =>
        new(KeyedPostings.Read(reader, entityCount, "identifier index"));

    /// <summary>The name candidates followed by every entity sharing a strong identifier with the query (each once, in
    /// entity order); the name candidates unchanged when the query has none.</summary>
    public int[] Merge(IReadOnlyList<Identifier> query, int[] candidates)
    {
        List<int>? extra = null;
        foreach (var q in query)
        {
            if (q.IsStrong && _byValue.TryGet(q.Normalized, out var entities))
            {
                extra ??= [];
                extra.AddRange(entities);
            }
        }

        if (extra is null)
        {
            return candidates;
        }

        var seen = new HashSet<int>(candidates);
        extra.Sort();
        var merged = new List<int>(candidates.Length + extra.Count);
        merged.AddRange(candidates);
        foreach (var e in extra)
        {
            if (seen.Add(e))
            {
                merged.Add(e);
            }
        }

        return [.. merged];
    }
}
