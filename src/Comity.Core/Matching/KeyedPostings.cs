using System.Runtime.CompilerServices;
using Comity.Core.Snapshots;

namespace Comity.Core.Matching;

/// <summary>Rows of ints by string key: a dictionary from key to row number over one <see cref="Postings"/> (two flat
/// arrays), instead of an array per key. Rows keep the order keys were first added in, and so does enumerating
/// <see cref="Keys"/>; a snapshot stores the keys in that order and the two arrays as they are, so that reading one back
/// is a dictionary fill and two block copies.</summary>
internal sealed class KeyedPostings
{
    private readonly Dictionary<string, int> _rows;
    private readonly Postings _postings;

    private KeyedPostings(Dictionary<string, int> rows, Postings postings)
    {
        _rows = rows;
        _postings = postings;
    }

    public int Count => _rows.Count;

    /// <summary>The keys, in row order.</summary>
    public Dictionary<string, int>.KeyCollection Keys => _rows.Keys;

    /// <summary>The row of <paramref name="key"/>, empty when it has none.</summary>
    public ReadOnlySpan<int> this[string key] => _rows.TryGetValue(key, out var row) ? _postings[row] : [];

    public bool TryGet(string key, out ReadOnlySpan<int> values)
    {
        if (_rows.TryGetValue(key, out var row))
        {
            values = _postings[row];
            return true;
        }

        values = [];
        return false;
    }

    /// <summary>Rows from (key, values) pairs, in the order given (each key once).</summary>
    public static KeyedPostings Build(IEnumerable<KeyValuePair<string, GrowableInts>> rows)
    {
        var dictionary = new Dictionary<string, int>(StringComparer.Ordinal);
        var keys = new GrowableInts(1024);
        var values = new GrowableInts(1024);
        foreach (var (key, row) in rows)
        {
            var at = dictionary.Count;
            dictionary.Add(key, at);
            foreach (var v in row.AsSpan())
            {
                keys.Add(at);
                values.Add(v);
            }
        }

        return new KeyedPostings(dictionary, Postings.Build(dictionary.Count, keys.AsSpan(), values.AsSpan()));
    }

    /// <summary>Writes the keys in row order (pooled: most are also token texts or keys written before) and the rows.</summary>
    public void Write(SnapshotWriter writer)
    {
        var keys = new string[_rows.Count];
        foreach (var (key, row) in _rows)
        {
            keys[row] = key;
        }

        writer.WriteCount(keys.Length);
        foreach (var key in keys)
        {
            writer.WritePooled(key);
        }

        var (offsets, values) = _postings.Arrays;
        writer.WriteInts(offsets);
        writer.WriteInts(values);
    }

    /// <summary>Reads what <see cref="Write"/> wrote; every value must be below <paramref name="valueBound"/>.</summary>
    /// <exception cref="InvalidDataException">Damaged: a key twice, rows not matching the keys, a value out of range.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static KeyedPostings Read(SnapshotReader reader, int valueBound, string what)
    {
        var n = reader.ReadLength();
        var rows = new Dictionary<string, int>(n, StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            if (!rows.TryAdd(reader.ReadRequiredString(), i))
            {
                throw SnapshotReader.Corrupt(what + ": a key is listed twice");
            }
        }

        var postings = Postings.FromArrays(reader.ReadInts(), reader.ReadInts(), valueBound);
        if (postings.KeyCount != n)
        {
            throw SnapshotReader.Corrupt(what + ": rows do not match the keys");
        }

        return new KeyedPostings(rows, postings);
    }
}
