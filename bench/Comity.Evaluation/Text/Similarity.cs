namespace Comity.Evaluation.Text;

/// <summary>String similarity measures used to pick hard negatives.</summary>
internal static class Similarity
{
    /// <summary>Sørensen–Dice coefficient of the character-trigram sets of two strings (padded with one space each
    /// side), in [0, 1].</summary>
    public static double TrigramDice(string a, string b)
    {
        var ta = Trigrams(a);
        var tb = Trigrams(b);
        if (ta.Count == 0 || tb.Count == 0)
        {
            return 0;
        }

        var shared = ta.Count(tb.Contains);
        return 2.0 * shared / (ta.Count + tb.Count);
    }

    /// <summary>Levenshtein edit distance (insert, delete, substitute; each costs 1).</summary>
    public static int Levenshtein(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            prev[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }

            (prev, cur) = (cur, prev);
        }

        return prev[b.Length];
    }

    private static HashSet<string> Trigrams(string s)
    {
        var padded = " " + s + " ";
        var set = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 3 <= padded.Length; i++)
        {
            set.Add(padded.Substring(i, 3));
        }

        return set;
    }
}
