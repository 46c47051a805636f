using System.Buffers;

namespace Comity.Core.Matching;

/// <summary>Per-query memo of token similarities (query token position × vocabulary token), in pooled dense arrays.
/// Lives for one query only and returns its arrays when disposed; nothing is cached across queries.</summary>
internal sealed class SimilarityCache : IDisposable
{
    private const int MaxSlots = 64;
    private const int Resolution = 1000;

    private readonly ushort[]?[] _rows = new ushort[MaxSlots][];
    private readonly int _vocabularySize;

    public SimilarityCache(VariantTable? variants, int vocabularySize)
    {
        Variants = variants;
        _vocabularySize = vocabularySize;
    }

    public VariantTable? Variants { get; }

    public (double Score, MatchKind Kind) Compare(int slot, int position, in Tok q, in Tok c)
    {
        var row = (slot * 16) + position;
        if (c.Id < 0 || c.Id >= _vocabularySize || position >= 16 || row >= MaxSlots)
        {
            return TokenSimilarity.Compare(q.Info, q.Id, c.Info, c.Id, Variants);
        }

        var cells = _rows[row];
        if (cells is null)
        {
            cells = ArrayPool<ushort>.Shared.Rent(_vocabularySize);
            Array.Clear(cells, 0, _vocabularySize);
            _rows[row] = cells;
        }

        var packed = cells[c.Id];
        if (packed == 0)
        {
            var (score, kind) = TokenSimilarity.Compare(q.Info, q.Id, c.Info, c.Id, Variants);
            packed = (ushort)(1 + ((int)kind * 1024) + (int)Math.Round(score * Resolution));
            cells[c.Id] = packed;
        }

        var v = packed - 1;
        return ((v % 1024) / (double)Resolution, (MatchKind)(v / 1024));
    }

    public void Dispose()
    {
        for (var i = 0; i < _rows.Length; i++)
        {
            if (_rows[i] is { } cells)
            {
                ArrayPool<ushort>.Shared.Return(cells);
                _rows[i] = null;
            }
        }
    }
}
