namespace Comity.Sources.Building;

/// <summary>An insertion-ordered set: the order of first appearance is kept, duplicates are dropped.</summary>
internal sealed class OrderedSet<T>(IEqualityComparer<T>? comparer = null)
{
    private readonly List<T> _items = [];
    private readonly HashSet<T> _seen = new(comparer);

    public int Count => _items.Count;

    public IReadOnlyList<T> Items => _items;

    /// <summary>Adds the value unless it is already present; true when it was added.</summary>
    public bool Add(T value)
    {
        if (!_seen.Add(value))
        {
            return false;
        }

        _items.Add(value);
        return true;
    }
}
