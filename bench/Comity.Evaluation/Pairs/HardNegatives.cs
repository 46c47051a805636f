using Comity.Core.Model;
using Comity.Evaluation.Text;
using Comity.Evaluation.Variants;

namespace Comity.Evaluation.Pairs;

/// <summary>Hard negatives: names of two different entities of the same list that look alike. Pairs of entities that
/// may be one subject listed twice are left out: any identical normalised name, a shared strong identifier or a
/// shared cross reference (UN reference number, IMO...).</summary>
internal static class HardNegatives
{
    private const int MaxTokenFrequency = 300;
    private const int RareTokenFrequency = 8;
    private const int PairsPerCommonToken = 200;
    private const double SimilarDice = 0.5;
    private const double RareTokenDice = 0.3;
    private const int CommonNameFrequency = 4;

    public static List<PairRow> Generate(IReadOnlyList<Entity> entities, GeneratorOptions options)
    {
        var names = entities.OrderBy(e => e.Id, StringComparer.Ordinal)
            .SelectMany(e => PositivePairs.StrongNames(e).Select(n => new ListedName(e, n.Full, NameKey.Normalized(n.Full))))
            .Where(n => n.Key.Length >= 3)
            .ToList();
        var entityKeys = names.GroupBy(n => n.Entity.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(n => n.Key).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);

        var rows = new List<PairRow>();
        for (var g = 0; g < SchemaGroup.All.Length; g++)
        {
            var group = SchemaGroup.All[g];
            var inGroup = names.Where(n => SchemaGroup.Of(n.Entity.Schema) == group).ToList();
            var rng = new Random(StableHash.Seed(options.Seed, "similar_other/" + group));
            var candidates = SimilarCandidates(inGroup, entityKeys, rng);
            rows.AddRange(Take(candidates, options.SimilarOtherQuota[g], PairKinds.SimilarOther, rng));
            if (group == "Person")
            {
                var swapRng = new Random(StableHash.Seed(options.Seed, "one_name_differs"));
                var swaps = OneNameDiffersCandidates(inGroup, entityKeys);
                rows.AddRange(Take(swaps, options.OneNameDiffersQuota, PairKinds.OneNameDiffers, swapRng));
            }
        }

        return rows;
    }

    /// <summary>True when two entities may be one subject listed twice (or linked so closely that a hit would be
    /// right): same normalised name, a shared strong identifier or a shared cross reference.</summary>
    public static bool MaybeSame(Entity a, Entity b, HashSet<string> keysA, HashSet<string> keysB)
    {
        if (keysA.Overlaps(keysB))
        {
            return true;
        }

        var ids = a.Identifiers.Where(i => i.IsStrong).Select(i => i.Normalized).ToHashSet(StringComparer.Ordinal);
        if (b.Identifiers.Any(i => i.IsStrong && ids.Contains(i.Normalized)))
        {
            return true;
        }

        var refs = a.CrossReferences.Select(r => r.Scheme + "/" + r.Value).ToHashSet(StringComparer.Ordinal);
        return b.CrossReferences.Any(r => refs.Contains(r.Scheme + "/" + r.Value))
            || a.CrossReferences.Any(r => string.Equals(r.Value, b.SourceId, StringComparison.Ordinal))
            || b.CrossReferences.Any(r => string.Equals(r.Value, a.SourceId, StringComparison.Ordinal));
    }

    private static List<ListedName[]> SimilarCandidates(List<ListedName> names, Dictionary<string, HashSet<string>> entityKeys, Random rng)
    {
        var postings = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
        {
            foreach (var token in names[i].Key.Split(' ').Distinct(StringComparer.Ordinal))
            {
                if (token.Length >= 3 && !LegalForms.IsLegalFormToken(token))
                {
                    (postings.TryGetValue(token, out var list) ? list : postings[token] = []).Add(i);
                }
            }
        }

        var result = new List<ListedName[]>();
        var seen = new HashSet<(string, string)>();
        foreach (var (token, posting) in postings.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var entityCount = posting.Select(i => names[i].Entity.Id).Distinct(StringComparer.Ordinal).Count();
            if (entityCount < 2 || entityCount > MaxTokenFrequency)
            {
                continue;
            }

            var pairs = new List<(int, int)>();
            for (var x = 0; x < posting.Count; x++)
            {
                for (var y = x + 1; y < posting.Count; y++)
                {
                    pairs.Add((posting[x], posting[y]));
                }
            }

            if (pairs.Count > PairsPerCommonToken)
            {
                PositivePairs.Shuffle(pairs, rng);
                pairs = pairs.GetRange(0, PairsPerCommonToken);
            }

            foreach (var (x, y) in pairs)
            {
                var a = names[x];
                var b = names[y];
                if (string.Equals(a.Entity.Id, b.Entity.Id, StringComparison.Ordinal)
                    || !string.Equals(a.Entity.Source, b.Entity.Source, StringComparison.Ordinal))
                {
                    continue;
                }

                var dice = Similarity.TrigramDice(a.Key, b.Key);
                var rare = entityCount <= RareTokenFrequency && (dice >= RareTokenDice || TokenOverlap(a.Key, b.Key) >= 0.5);
                if (!rare && dice < SimilarDice)
                {
                    continue;
                }

                var key = string.CompareOrdinal(a.Entity.Id, b.Entity.Id) < 0 ? (a.Entity.Id, b.Entity.Id) : (b.Entity.Id, a.Entity.Id);
                if (seen.Contains(key) || MaybeSame(a.Entity, b.Entity, entityKeys[a.Entity.Id], entityKeys[b.Entity.Id]))
                {
                    continue;
                }

                seen.Add(key);
                result.Add([a, b]);
            }
        }

        return result;
    }

    /// <summary>Shared tokens (legal forms left out) over the token count of the shorter name.</summary>
    public static double TokenOverlap(string keyA, string keyB)
    {
        var a = keyA.Split(' ').Where(t => !LegalForms.IsLegalFormToken(t)).ToHashSet(StringComparer.Ordinal);
        var b = keyB.Split(' ').Where(t => !LegalForms.IsLegalFormToken(t)).ToHashSet(StringComparer.Ordinal);
        var shorter = Math.Min(a.Count, b.Count);
        return shorter == 0 ? 0 : (double)a.Count(b.Contains) / shorter;
    }

    private static List<ListedName[]> OneNameDiffersCandidates(List<ListedName> names, Dictionary<string, HashSet<string>> entityKeys)
    {
        var frequency = names.SelectMany(n => n.Key.Split(' ').Distinct(StringComparer.Ordinal).Select(t => (Token: t, n.Entity.Id)))
            .Distinct()
            .GroupBy(x => x.Token, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var buckets = new Dictionary<string, List<(int Name, string Removed)>>(StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
        {
            var tokens = names[i].Key.Split(' ');
            if (tokens.Length < 2 || tokens.Length > 4)
            {
                continue;
            }

            for (var t = 0; t < tokens.Length; t++)
            {
                var rest = string.Join(' ', tokens.Where((_, k) => k != t).Order(StringComparer.Ordinal));
                (buckets.TryGetValue(rest, out var list) ? list : buckets[rest] = []).Add((i, tokens[t]));
            }
        }

        var result = new List<ListedName[]>();
        var seen = new HashSet<(string, string)>();
        foreach (var (_, bucket) in buckets.OrderBy(b => b.Key, StringComparer.Ordinal))
        {
            for (var x = 0; x < bucket.Count; x++)
            {
                for (var y = x + 1; y < bucket.Count; y++)
                {
                    var a = names[bucket[x].Name];
                    var b = names[bucket[y].Name];
                    var ra = bucket[x].Removed;
                    var rb = bucket[y].Removed;
                    if (string.Equals(a.Entity.Id, b.Entity.Id, StringComparison.Ordinal)
                        || !string.Equals(a.Entity.Source, b.Entity.Source, StringComparison.Ordinal)
                        || frequency[ra] < CommonNameFrequency || frequency[rb] < CommonNameFrequency
                        || !DifferentNames(ra, rb))
                    {
                        continue;
                    }

                    var key = string.CompareOrdinal(a.Entity.Id, b.Entity.Id) < 0 ? (a.Entity.Id, b.Entity.Id) : (b.Entity.Id, a.Entity.Id);
                    if (seen.Contains(key) || MaybeSame(a.Entity, b.Entity, entityKeys[a.Entity.Id], entityKeys[b.Entity.Id]))
                    {
                        continue;
                    }

                    seen.Add(key);
                    result.Add([a, b]);
                }
            }
        }

        return result;
    }

    /// <summary>Two name tokens that are different names, not spellings of one: at least three letters each, not in one
    /// romanisation class, at least two edits apart, not a prefix of each other, and few shared trigrams.</summary>
    public static bool DifferentNames(string a, string b) =>
        a.Length >= 3 && b.Length >= 3
        && a.All(char.IsAsciiLetter) && b.All(char.IsAsciiLetter)
        && !Romanisation.SameClass(a, b)
        && !a.StartsWith(b, StringComparison.Ordinal) && !b.StartsWith(a, StringComparison.Ordinal)
        && Similarity.Levenshtein(a, b) >= 2
        && Similarity.TrigramDice(a, b) < 0.4;

    private static IEnumerable<PairRow> Take(List<ListedName[]> candidates, int quota, string kind, Random rng)
    {
        PositivePairs.Shuffle(candidates, rng);
        foreach (var pair in candidates.Take(quota))
        {
            var (query, listed) = rng.Next(2) == 0 ? (pair[0], pair[1]) : (pair[1], pair[0]);
            yield return new PairRow(query.Full, listed.Full, query.Entity.Schema.Name(), false, kind, Split.Of(query.Entity.Id), query.Entity.Id, listed.Entity.Id);
        }
    }

    private sealed record ListedName(Entity Entity, string Full, string Key);
}
