namespace Comity.Core.Text;

/// <summary>Bounded optimal-string-alignment distance (Levenshtein plus adjacent transposition) with a band and
/// early exit, and the length-aware edit budget names are allowed.</summary>
internal static class EditDistance
{
    /// <summary>Edits a token of this length tolerates: none up to 3 characters, 1 up to 5, 2 up to 15, then 3
    /// (close to yente's log base 2.35 budget, one more edit for four-letter tokens).</summary>
    public static int Budget(int length) => length switch
    {
        <= 3 => 0,
        <= 5 => 1,
        <= 15 => 2,
        _ => 3,
    };

    /// <summary>The distance, or <paramref name="max"/> + 1 when it exceeds <paramref name="max"/>.</summary>
    public static int Bounded(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max)
        {
            return max + 1;
        }

        if (a.SequenceEqual(b))
        {
            return 0;
        }

        if (max == 0)
        {
            return 1;
        }

        var n = a.Length;
        var m = b.Length;
        var width = m + 1;
        Span<int> rows = width * 3 <= 512 ? stackalloc int[width * 3] : new int[width * 3];
        var prev2 = rows[..width];
        var prev = rows.Slice(width, width);
        var cur = rows.Slice(width * 2, width);
        var big = max + 1;
        for (var j = 0; j <= m; j++)
        {
            prev[j] = j <= max ? j : big;
        }

        for (var i = 1; i <= n; i++)
        {
            var lo = Math.Max(1, i - max);
            var hi = Math.Min(m, i + max);
            cur.Fill(big);
            cur[0] = i <= max ? i : big;
            var rowMin = cur[0];
            for (var j = lo; j <= hi; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var v = Math.Min(Math.Min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    v = Math.Min(v, prev2[j - 2] + 1);
                }

                cur[j] = Math.Min(v, big);
                rowMin = Math.Min(rowMin, cur[j]);
            }

            if (rowMin > max)
            {
                return big;
            }

            var t = prev2;
            prev2 = prev;
            prev = cur;
            cur = t;
        }

        return Math.Min(prev[m], big);
    }
}
