namespace Comity.Core.Matching;

/// <summary>Per-query memo of token similarities (query token position × vocabulary token). Lives for one query
/// only; nothing is cached across queries.</summary>
internal sealed class SimilarityCache
{
    private readonly Dictionary<long, (double Score, MatchKind Kind)> _memo = [];
    private readonly VariantTable? _variants;

    public SimilarityCache(VariantTable? variants) => _variants = variants;

    public VariantTable? Variants => _variants;

    public (double Score, MatchKind Kind) Compare(int slot, int position, in Tok q, in Tok c)
    {
        if (c.Id < 0 || position >= 256)
        {
            return TokenSimilarity.Compare(q.Info, q.Id, c.Info, c.Id, _variants);
        }

        var key = ((long)((slot * 256) + position) << 32) | (uint)c.Id;
        if (!_memo.TryGetValue(key, out var value))
        {
            value = TokenSimilarity.Compare(q.Info, q.Id, c.Info, c.Id, _variants);
            _memo[key] = value;
        }

        return value;
    }
}
