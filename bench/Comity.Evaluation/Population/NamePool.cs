namespace Comity.Evaluation.Population;

/// <summary>Draws names with realistic skew: the <c>head</c> list is ordered most common first and drawn with weight
/// 1 / (rank + <see cref="Offset"/>) (a Zipf-like law, the shape of published surname and given-name frequencies:
/// a handful of names carry a large share); the <c>tail</c> (a long list in no frequency order) shares
/// <see cref="TailShare"/> of the draws uniformly. A population drawn uniformly from 20 names per locale under-counts
/// the John Smiths, Mohammed Alis and Kims that an analyst actually sees.</summary>
internal sealed class NamePool
{
    public const int Offset = 3;

    public const double TailShare = 0.3;

    private readonly string[] head;
    private readonly double[] cumulative;
    private readonly string[] tail;

    public NamePool(string[] head, string[] tail)
    {
        var headSet = head.ToHashSet(StringComparer.Ordinal);
        this.head = head;
        this.tail = [.. tail.Where(t => !headSet.Contains(t))];
        cumulative = new double[head.Length];
        var sum = 0.0;
        for (var r = 0; r < head.Length; r++)
        {
            sum += 1.0 / (r + Offset);
            cumulative[r] = sum;
        }

        for (var r = 0; r < head.Length; r++)
        {
            cumulative[r] /= sum;
        }
    }

    public int Count => head.Length + tail.Length;

    public string Draw(Random rng)
    {
        if (head.Length == 0 || (tail.Length > 0 && rng.NextDouble() < TailShare))
        {
            return tail[rng.Next(tail.Length)];
        }

        var u = rng.NextDouble();
        var i = System.Array.BinarySearch(cumulative, u);
        return head[Math.Min(head.Length - 1, i < 0 ? ~i : i)];
    }
}
