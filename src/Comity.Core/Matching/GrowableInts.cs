namespace Comity.Core.Matching;

/// <summary>An append-only int buffer (a list without per-item boxing or bounds on growth policy).</summary>
internal sealed class GrowableInts(int capacity = 16)
{
    private int[] _items = new int[Math.Max(4, capacity)];

    public int Count { get; private set; }

    public void Add(int value)
    {
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }

        _items[Count++] = value;
    }

    public ReadOnlySpan<int> AsSpan() => _items.AsSpan(0, Count);

    public int[] ToArray() => _items.AsSpan(0, Count).ToArray();
}
