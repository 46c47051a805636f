using System.Buffers;
using System.Collections.Concurrent;

namespace Comity.Core.Matching;

/// <summary>Per-query memo of token similarities (query token position × vocabulary token), in dense rows of one cell
/// per vocabulary token. Lives for one query only; nothing is cached across queries.</summary>
/// <remarks>A query writes a few hundred cells of rows as long as the vocabulary (1.5 M cells on a 2.7 M-entity
/// corpus), so clearing a whole row for every query token cost more than the lookups it saves. Rows are therefore
/// kept in a small shared pool of all-zero rows: a query records the cells it writes and zeroes just those when it is
/// disposed (the whole row when it wrote many), so a row goes back all zero and is never cleared whole on rent.</remarks>
internal sealed class SimilarityCache : IDisposable
{
    private const int MaxSlots = 64;
    private const int Resolution = 1000;

    /// <summary>Bytes of all-zero rows the pool keeps for the next queries; rows beyond it are left to the GC.</summary>
    private const long PoolBytes = 64L << 20;

    private static readonly ConcurrentBag<ushort[]> Pool = [];
    private static long _pooledBytes;

    private readonly ushort[]?[] _rows = new ushort[MaxSlots][];
    private readonly int _vocabularySize;

    /// <summary>The cells written, as (row × 2^32 + token id); null once more were written than are worth listing.</summary>
    private long[]? _written;
    private int _writtenCount;
    private int _rowCount;

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
            cells = Rent(_vocabularySize);
            _rows[row] = cells;
            _rowCount++;
        }

        var packed = cells[c.Id];
        if (packed == 0)
        {
            var (score, kind) = TokenSimilarity.Compare(q.Info, q.Id, c.Info, c.Id, Variants);
            packed = (ushort)(1 + ((int)kind * 1024) + (int)Math.Round(score * Resolution));
            cells[c.Id] = packed;
            Written(row, c.Id);
        }

        var v = packed - 1;
        return ((v % 1024) / (double)Resolution, (MatchKind)(v / 1024));
    }

    public void Dispose()
    {
        // Listing the cells is worth it while they are fewer than an eighth of the rows' cells; past that, rows are
        // cleared whole (as fast per cell, and no list to keep).
        var written = _written;
        if (written is not null)
        {
            foreach (var cell in written.AsSpan(0, _writtenCount))
            {
                _rows[(int)(cell >> 32)]![(int)cell] = 0;
            }

            ArrayPool<long>.Shared.Return(written);
            _written = null;
        }

        for (var i = 0; i < _rows.Length; i++)
        {
            if (_rows[i] is { } cells)
            {
                if (_writtenCount < 0)
                {
                    Array.Clear(cells, 0, _vocabularySize);
                }

                Return(cells);
                _rows[i] = null;
            }
        }

        _writtenCount = 0;
        _rowCount = 0;
    }

    private void Written(int row, int id)
    {
        if (_writtenCount < 0)
        {
            return;
        }

        var written = _written ??= ArrayPool<long>.Shared.Rent(256);
        if (_writtenCount == written.Length)
        {
            if ((long)_writtenCount * 8 >= (long)_rowCount * _vocabularySize)
            {
                // Too many to list: the rows are cleared whole on dispose.
                ArrayPool<long>.Shared.Return(written);
                _written = null;
                _writtenCount = -1;
                return;
            }

            var grown = ArrayPool<long>.Shared.Rent(written.Length * 2);
            written.AsSpan().CopyTo(grown);
            ArrayPool<long>.Shared.Return(written);
            _written = written = grown;
        }

        written[_writtenCount++] = ((long)row << 32) | (uint)id;
    }

    /// <summary>An all-zero row of at least <paramref name="length"/> cells.</summary>
    private static ushort[] Rent(int length)
    {
        while (Pool.TryTake(out var row))
        {
            Interlocked.Add(ref _pooledBytes, -2L * row.Length);
            if (row.Length >= length)
            {
                return row;
            }

            // A row of a smaller vocabulary (an index since replaced): dropped.
        }

        return new ushort[length];
    }

    private static void Return(ushort[] row)
    {
        if (Interlocked.Add(ref _pooledBytes, 2L * row.Length) <= PoolBytes)
        {
            Pool.Add(row);
        }
        else
        {
            Interlocked.Add(ref _pooledBytes, -2L * row.Length);
        }
    }
}
