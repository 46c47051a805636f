namespace Comity.Core.Matching;

/// <summary>Name variants mined from the lists: pairs of tokens that one entity's aliases use in the same place
/// (Qadhafi/Gaddafi, Mohammed/Muhammad, Cyrillic and Latin spellings after transliteration), with the number of
/// entities that support each pair.</summary>
internal sealed class VariantTable
{
    private readonly Dictionary<long, int> _support;
    private readonly Postings _partners;

    /// <summary>The support of each pair, row by row beside <see cref="_partners"/>: <see cref="Support"/> scans a
    /// token's few partners instead of hashing every pair the scorer compares (most tokens have none).</summary>
    private readonly Postings _partnerSupport;

    public VariantTable(Dictionary<long, int> support, int tokenCount)
    {
        _support = support;
        var keys = new GrowableInts(support.Count * 2);
        var values = new GrowableInts(support.Count * 2);
        var counts = new GrowableInts(support.Count * 2);
        foreach (var (pair, n) in support)
        {
            var (a, b) = Split(pair);
            keys.Add(a);
            values.Add(b);
            counts.Add(n);
            keys.Add(b);
            values.Add(a);
            counts.Add(n);
        }

        _partners = Postings.Build(tokenCount, keys.AsSpan(), values.AsSpan());
        _partnerSupport = Postings.Build(tokenCount, keys.AsSpan(), counts.AsSpan());
    }

    public int PairCount => _support.Count;

    /// <summary>The mined pairs and their support, in the table's own order (for a snapshot: a table built from them in
    /// this order lists each token's partners in the same order).</summary>
    internal (long[] Pairs, int[] Support) Export()
    {
        var pairs = _support.Keys.ToArray();
        var support = new int[pairs.Length];
        for (var i = 0; i < pairs.Length; i++)
        {
            support[i] = _support[pairs[i]];
        }

        return (pairs, support);
    }

    /// <summary>How many entities use <paramref name="a"/> and <paramref name="b"/> as variants (0 if none).</summary>
    public int Support(int a, int b)
    {
        if (a < 0 || b < 0 || a == b)
        {
            return 0;
        }

        var partners = _partners[a];
        for (var i = 0; i < partners.Length; i++)
        {
            if (partners[i] == b)
            {
                return _partnerSupport[a][i];
            }
        }

        return 0;
    }

    public ReadOnlySpan<int> Partners(int token) => _partners[token];

    public static long Pack(int a, int b) => a < b ? ((long)a << 32) | (uint)b : ((long)b << 32) | (uint)a;

    private static (int A, int B) Split(long pair) => ((int)(pair >> 32), (int)(pair & 0xFFFFFFFF));
}
