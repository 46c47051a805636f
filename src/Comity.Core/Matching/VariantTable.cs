namespace Comity.Core.Matching;

/// <summary>Name variants mined from the lists: pairs of tokens that one entity's aliases use in the same place
/// (Qadhafi/Gaddafi, Mohammed/Muhammad, Cyrillic and Latin spellings after transliteration), with the number of
/// entities that support each pair.</summary>
internal sealed class VariantTable
{
    private readonly Postings _partners;

    /// <summary>The support of each pair, row by row beside <see cref="_partners"/>: <see cref="Support"/> scans a
    /// token's few partners instead of hashing every pair the scorer compares (most tokens have none).</summary>
    private readonly Postings _partnerSupport;

    public VariantTable(Dictionary<long, int> support, int tokenCount)
    {
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

    private VariantTable(Postings partners, Postings partnerSupport)
    {
        _partners = partners;
        _partnerSupport = partnerSupport;
    }

    /// <summary>Mined pairs (each is listed under both its tokens).</summary>
    public int PairCount => (int)(_partners.ValueCount / 2);

    /// <summary>The partner rows and the support rows beside them (for a snapshot).</summary>
    internal (int[] Offsets, int[] Partners, int[] Support) Arrays
    {
        get
        {
            var (offsets, partners) = _partners.Arrays;
            return (offsets, partners, _partnerSupport.Arrays.Values);
        }
    }

    /// <summary>The table of <see cref="Arrays"/> (read from a snapshot), checked for consistency.</summary>
    internal static VariantTable FromArrays(int[] offsets, int[] partners, int[] support, int tokenCount)
    {
        if (offsets.Length != tokenCount + 1 || support.Length != partners.Length)
        {
            throw new InvalidDataException("variants: rows do not match the vocabulary");
        }

        foreach (var n in support)
        {
            if (n <= 0)
            {
                throw new InvalidDataException("variants: a pair without support");
            }
        }

        return new VariantTable(Postings.FromArrays(offsets, partners, tokenCount), Postings.FromArrays(offsets, support, int.MaxValue));
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
