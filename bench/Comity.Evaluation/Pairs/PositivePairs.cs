using Comity.Core.Model;
using Comity.Evaluation.Text;
using Comity.Evaluation.Variants;

namespace Comity.Evaluation.Pairs;

/// <summary>Positive pairs: two names of one listed entity, and generated variants of a listed name.</summary>
internal static class PositivePairs
{
    public static List<PairRow> Generate(IReadOnlyList<Entity> entities, GeneratorOptions options)
    {
        var ordered = entities.OrderBy(e => e.Id, StringComparer.Ordinal).ToList();
        var owners = NameOwners(ordered);
        var rows = new List<PairRow>();
        var seen = new HashSet<(string, string)>();
        foreach (var (kind, quotas) in options.PositiveQuotas.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            for (var g = 0; g < SchemaGroup.All.Length; g++)
            {
                var quota = g < quotas.Length ? quotas[g] : 0;
                if (quota == 0)
                {
                    continue;
                }

                var group = SchemaGroup.All[g];
                var rng = new Random(StableHash.Seed(options.Seed, "positive/" + kind + "/" + group));
                var pool = ordered.Where(e => SchemaGroup.Of(e.Schema) == group).ToList();
                Shuffle(pool, rng);
                var taken = 0;
                foreach (var entity in pool)
                {
                    if (taken >= quota)
                    {
                        break;
                    }

                    var pair = kind is PairKinds.Alias or PairKinds.Former
                        ? NamePair(entity, kind == PairKinds.Alias ? NameKind.Alias : NameKind.Former, rng)
                        : kind == PairKinds.CrossScript ? CrossScriptPair(entity, rng)
                        : VariantPair(entity, kind, options.AliasVariantShare, rng, owners);
                    if (pair is { } p && seen.Add((p.Query, p.Listed)))
                    {
                        rows.Add(new PairRow(p.Query, p.Listed, entity.Schema.Name(), true, kind, Split.Of(entity.Id), entity.Id, entity.Id));
                        taken++;
                    }
                }
            }
        }

        rows.AddRange(HandRendered(ordered, seen));
        return rows;
    }

    /// <summary>Two names of one listed entity in different scripts, as the list gives them: one in a non-Latin script
    /// (Cyrillic, Arabic, Chinese, Greek...), one in Latin letters; the query is either (cross-script in both
    /// directions).</summary>
    private static (string Query, string Listed)? CrossScriptPair(Entity entity, Random rng)
    {
        var names = entity.Names.Where(n => n.Kind is NameKind.Primary or NameKind.Alias && n.Full.Count(char.IsLetter) >= 2).ToList();
        var native = names.Where(n => n.Full.Any(c => char.IsLetter(c) && c > '\u024F') && !n.Full.Any(char.IsAsciiLetter)).ToList();
        var latin = names.Where(n => Variants.ScriptRendering.IsLatin(n.Full)).ToList();
        if (native.Count == 0 || latin.Count == 0)
        {
            return null;
        }

        var a = native[rng.Next(native.Count)].Full;
        var b = latin[rng.Next(latin.Count)].Full;
        return rng.Next(2) == 0 ? (a, b) : (b, a);
    }

    /// <summary>The hand-typed renderings of <see cref="Variants.HandRenderings"/>, each paired with the first listed person
    /// (by id) whose strong name carries every word of its Latin spelling; the listed name is that name.</summary>
    private static IEnumerable<PairRow> HandRendered(List<Entity> ordered, HashSet<(string, string)> seen)
    {
        var persons = ordered.Where(e => e.Schema == Schema.Person).ToList();
        foreach (var (kind, native, latin) in Variants.HandRenderings.All)
        {
            var want = NameKey.Tokens(latin);
            foreach (var e in persons)
            {
                var listed = StrongNames(e).FirstOrDefault(n => Variants.ScriptRendering.IsLatin(n.Full) && want.All(NameKey.Tokens(n.Full).Contains));
                if (listed is not null)
                {
                    if (seen.Add((native, listed.Full)))
                    {
                        yield return new PairRow(native, listed.Full, e.Schema.Name(), true, kind, Split.Of(e.Id), e.Id, e.Id);
                    }

                    break;
                }
            }
        }
    }

    /// <summary>Names of an entity usable as listed names: primary and strong aliases, at least two letters.</summary>
    public static List<EntityName> StrongNames(Entity entity) =>
        entity.Names.Where(n => n.Kind is NameKind.Primary or NameKind.Alias && n.Full.Count(char.IsLetter) >= 2).ToList();

    private static (string Query, string Listed)? NamePair(Entity entity, NameKind kind, Random rng)
    {
        var primary = entity.Names.FirstOrDefault(n => n.Kind == NameKind.Primary);
        var others = entity.Names.Where(n => n.Kind == kind && n.Full.Count(char.IsLetter) >= 2).ToList();
        if (primary is null || others.Count == 0)
        {
            return null;
        }

        var candidates = new List<(string, string)>();
        foreach (var o in others)
        {
            candidates.Add((o.Full, primary.Full));
        }

        if (kind == NameKind.Alias)
        {
            for (var i = 0; i < others.Count; i++)
            {
                for (var j = i + 1; j < others.Count; j++)
                {
                    candidates.Add((others[i].Full, others[j].Full));
                }
            }
        }

        candidates = candidates.Where(c => !string.Equals(NameKey.Sorted(c.Item1), NameKey.Sorted(c.Item2), StringComparison.Ordinal)).ToList();
        return candidates.Count == 0 ? null : candidates[rng.Next(candidates.Count)];
    }

    /// <summary>Sorted normalised name → the id of the one entity that carries it, or null when several do.</summary>
    private static Dictionary<string, string?> NameOwners(IEnumerable<Entity> entities)
    {
        var owners = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var e in entities)
        {
            foreach (var n in e.Names)
            {
                var key = NameKey.Sorted(n.Full);
                owners[key] = owners.TryGetValue(key, out var id) && !string.Equals(id, e.Id, StringComparison.Ordinal) ? null : e.Id;
            }
        }

        return owners;
    }

    /// <summary>A variant of one of the entity's names; null when none applies or when the variant spells a name of
    /// another listed entity (then it is not a variant of this one only).</summary>
    private static (string Query, string Listed)? VariantPair(Entity entity, string kind, double aliasShare, Random rng, Dictionary<string, string?> owners)
    {
        var names = StrongNames(entity);
        if (names.Count == 0)
        {
            return null;
        }

        var aliases = names.Where(n => n.Kind == NameKind.Alias).ToList();
        var name = aliases.Count > 0 && rng.NextDouble() < aliasShare ? aliases[rng.Next(aliases.Count)] : names[0];
        var variant = NameVariants.Make(kind, name, entity.Schema, rng, entity.Gender);
        if (variant is null || (owners.TryGetValue(NameKey.Sorted(variant), out var owner) && !string.Equals(owner, entity.Id, StringComparison.Ordinal)))
        {
            return null;
        }

        return (variant, name.Full);
    }

    public static void Shuffle<T>(List<T> list, Random rng)
    {
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = rng.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
    }
}
