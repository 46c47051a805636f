using Comity.Core.Text;

namespace Comity.Core.Matching;

/// <summary>Aligns the tokens of each entity's aliases to find spelling variants.</summary>
/// <remarks>For every pair of names of one entity, tokens both names share are set aside; the rest are paired in
/// order when the two names leave the same number of tokens (at most four), and a pair is kept when the tokens
/// sound alike (same phonetic key or skeleton) or are close in spelling with the same first letter. Each entity
/// counts once per pair.</remarks>
internal static class VariantMiner
{
    private const int MaxNamesPerEntity = 12;
    private const int MaxResidue = 4;

    public static Dictionary<long, int> Mine(Vocabulary vocabulary, int entityCount, Func<int, IEnumerable<int[]>> namesOf)
    {
        var support = new Dictionary<long, int>();
        var seen = new HashSet<long>();
        var ra = new List<int>(8);
        var rb = new List<int>(8);
        for (var e = 0; e < entityCount; e++)
        {
            var names = namesOf(e).Take(MaxNamesPerEntity).ToArray();
            if (names.Length < 2)
            {
                continue;
            }

            seen.Clear();
            for (var i = 0; i < names.Length; i++)
            {
                for (var j = i + 1; j < names.Length; j++)
                {
                    Residue(vocabulary, names[i], names[j], ra);
                    Residue(vocabulary, names[j], names[i], rb);
                    if (ra.Count == 0 || ra.Count != rb.Count || ra.Count > MaxResidue)
                    {
                        continue;
                    }

                    for (var k = 0; k < ra.Count; k++)
                    {
                        if (Plausible(vocabulary[ra[k]], vocabulary[rb[k]], ra.Count == 1))
                        {
                            seen.Add(VariantTable.Pack(ra[k], rb[k]));
                        }
                    }
                }
            }

            foreach (var pair in seen)
            {
                support[pair] = support.GetValueOrDefault(pair) + 1;
            }
        }

        return support;
    }

    private static void Residue(Vocabulary vocabulary, int[] a, int[] b, List<int> result)
    {
        result.Clear();
        foreach (var t in a)
        {
            if (vocabulary[t].Class is TokenClass.Word or TokenClass.Patronymic && Array.IndexOf(b, t) < 0 && !result.Contains(t))
            {
                result.Add(t);
            }
        }
    }

    private static bool Plausible(TokenInfo a, TokenInfo b, bool single)
    {
        if (a.Text.Length < 3 || b.Text.Length < 3)
        {
            return false;
        }

        if (string.Equals(a.Key, b.Key, StringComparison.Ordinal) || string.Equals(a.Skeleton, b.Skeleton, StringComparison.Ordinal))
        {
            return true;
        }

        if (a.Text[0] != b.Text[0] && !(single && a.Key[0] == b.Key[0]))
        {
            return false;
        }

        var max = Math.Max(1, Math.Max(a.Text.Length, b.Text.Length) / 3);
        return EditDistance.Bounded(a.Text, b.Text, max) <= max;
    }
}
