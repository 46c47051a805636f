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
                        : VariantPair(entity, kind, options.AliasVariantShare, rng);
                    if (pair is { } p && seen.Add((p.Query, p.Listed)))
                    {
                        rows.Add(new PairRow(p.Query, p.Listed, entity.Schema.Name(), true, kind, Split.Of(entity.Id), entity.Id, entity.Id));
                        taken++;
                    }
                }
            }
        }

        return rows;
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

    private static (string Query, string Listed)? VariantPair(Entity entity, string kind, double aliasShare, Random rng)
    {
        var names = StrongNames(entity);
        if (names.Count == 0)
        {
            return null;
        }

        var aliases = names.Where(n => n.Kind == NameKind.Alias).ToList();
        var name = aliases.Count > 0 && rng.NextDouble() < aliasShare ? aliases[rng.Next(aliases.Count)] : names[0];
        var variant = NameVariants.Make(kind, name, entity.Schema, rng);
        return variant is null ? null : (variant, name.Full);
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
