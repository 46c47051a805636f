namespace Comity.Core.Matching;

/// <summary>Compressed rows of ints (CSR): key k owns <c>Values[Offsets[k]..Offsets[k+1]]</c>. Two arrays, no
/// per-key objects, so a million-entity index stays compact.</summary>
internal sealed class Postings
{
    private readonly int[] _offsets;
    private readonly int[] _values;

    private Postings(int[] offsets, int[] values)
    {
        _offsets = offsets;
        _values = values;
    }

    public int KeyCount => _offsets.Length - 1;

    public long ValueCount => _values.Length;

    public ReadOnlySpan<int> this[int key] =>
        (uint)key < (uint)KeyCount ? _values.AsSpan(_offsets[key], _offsets[key + 1] - _offsets[key]) : [];

    /// <summary>The two arrays (for a snapshot).</summary>
    internal (int[] Offsets, int[] Values) Arrays => (_offsets, _values);

    /// <summary>Rows from the arrays of <see cref="Arrays"/> (read from a snapshot), checked for consistency.</summary>
    internal static Postings FromArrays(int[] offsets, int[] values, int valueBound)
    {
        if (offsets.Length == 0 || offsets[0] != 0 || offsets[^1] != values.Length)
        {
            throw new InvalidDataException("postings: offsets do not span the values");
        }

        for (var i = 1; i < offsets.Length; i++)
        {
            if (offsets[i] < offsets[i - 1])
            {
                throw new InvalidDataException("postings: offsets decrease");
            }
        }

        foreach (var v in values)
        {
            if ((uint)v >= (uint)valueBound)
            {
                throw new InvalidDataException("postings: value out of range");
            }
        }

        return new Postings(offsets, values);
    }

    public int LengthOf(int key) => (uint)key < (uint)KeyCount ? _offsets[key + 1] - _offsets[key] : 0;

    /// <summary>Builds rows from (key, value) pairs given as two parallel lists; values keep their input order.</summary>
    public static Postings Build(int keyCount, ReadOnlySpan<int> keys, ReadOnlySpan<int> values)
    {
        var offsets = new int[keyCount + 1];
        foreach (var k in keys)
        {
            offsets[k + 1]++;
        }

        for (var i = 0; i < keyCount; i++)
        {
            offsets[i + 1] += offsets[i];
        }

        var fill = offsets.AsSpan(0, keyCount).ToArray();
        var data = new int[keys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            data[fill[keys[i]]++] = values[i];
        }

        return new Postings(offsets, data);
    }
}
