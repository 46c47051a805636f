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
