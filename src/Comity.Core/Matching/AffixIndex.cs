using Comity.Core.Text;

namespace Comity.Core.Matching;

/// <summary>Finds which prefixes and which suffixes of a text are vocabulary words, in time linear in the text's
/// length (times the logarithm of the vocabulary size), however long the text and the words.</summary>
/// <remarks>Two sorted arrays of word ids: by text (ordinal) and by reversed text. Walking a text's prefixes narrows
/// a range of the first array one character at a time (words sharing the prefix are contiguous, and the word equal to
/// the prefix, when listed, comes first); suffixes walk the second array from the text's end. Legal forms live apart
/// (see <see cref="Vocabulary.InternKey"/>) and are left out.</remarks>
internal sealed class AffixIndex
{
    private readonly Vocabulary _vocabulary;
    private readonly int[] _forward;
    private readonly int[] _backward;

    /// <summary>The index of a vocabulary from its two sorted arrays (read from a snapshot).</summary>
    public AffixIndex(Vocabulary vocabulary, int[] forward, int[] backward)
    {
        _vocabulary = vocabulary;
        _forward = forward;
        _backward = backward;
        if (forward.Length != backward.Length || forward.Length > vocabulary.Count)
        {
            throw new InvalidDataException("affix index: sizes do not match the vocabulary");
        }

        for (var i = 0; i < forward.Length; i++)
        {
            if ((uint)forward[i] >= (uint)vocabulary.Count || (uint)backward[i] >= (uint)vocabulary.Count)
            {
                throw new InvalidDataException("affix index: token out of range");
            }
        }
    }

    /// <summary>The two sorted arrays (for a snapshot).</summary>
    public (int[] Forward, int[] Backward) Arrays => (_forward, _backward);

    public AffixIndex(Vocabulary vocabulary)
    {
        _vocabulary = vocabulary;
        var ids = new List<int>(vocabulary.Count);
        for (var id = 0; id < vocabulary.Count; id++)
        {
            if (vocabulary[id].Class != TokenClass.LegalForm)
            {
                ids.Add(id);
            }
        }

        _forward = [.. ids];
        _backward = [.. ids];
        Array.Sort(_forward, (a, b) => string.CompareOrdinal(vocabulary[a].Text, vocabulary[b].Text));
        Array.Sort(_backward, (a, b) => CompareReversed(vocabulary[a].Text, vocabulary[b].Text));
    }

    /// <summary>Fills <paramref name="ids"/>[p] with the id of the word spelt <c>text[..p]</c> (or -1), for p in
    /// 1 .. text.Length; returns the characters examined.</summary>
    public int Prefixes(ReadOnlySpan<char> text, Span<int> ids) => Walk(text, ids, _forward, fromEnd: false);

    /// <summary>Fills <paramref name="ids"/>[p] with the id of the word spelt <c>text[p..]</c> (or -1), for p in
    /// 0 .. text.Length - 1; returns the characters examined.</summary>
    public int Suffixes(ReadOnlySpan<char> text, Span<int> ids) => Walk(text, ids, _backward, fromEnd: true);

    private int Walk(ReadOnlySpan<char> text, Span<int> ids, int[] sorted, bool fromEnd)
    {
        ids.Fill(-1);
        var lo = 0;
        var hi = sorted.Length;
        var steps = 0;
        for (var depth = 0; depth < text.Length && lo < hi; depth++)
        {
            var c = fromEnd ? text[text.Length - 1 - depth] : text[depth];
            var start = Bound(sorted, lo, hi, depth, c, fromEnd, upper: false);
            var end = Bound(sorted, start, hi, depth, c, fromEnd, upper: true);
            (lo, hi) = (start, end);
            steps++;
            if (lo < hi && _vocabulary[sorted[lo]].Text.Length == depth + 1)
            {
                // A prefix (suffix) of length depth + 1 is itself a word.
                ids[fromEnd ? text.Length - 1 - depth : depth + 1] = sorted[lo];
            }
        }

        return steps;
    }

    /// <summary>First index in [lo, hi) whose character at <paramref name="depth"/> is ≥ c (or &gt; c when
    /// <paramref name="upper"/>); words shorter than depth + 1 count as lower than any character.</summary>
    private int Bound(int[] sorted, int lo, int hi, int depth, char c, bool fromEnd, bool upper)
    {
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) / 2);
            var at = CharAt(_vocabulary[sorted[mid]].Text, depth, fromEnd);
            if (upper ? at <= c : at < c)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private static int CharAt(string s, int depth, bool fromEnd) => depth >= s.Length ? -1 : fromEnd ? s[s.Length - 1 - depth] : s[depth];

    private static int CompareReversed(string a, string b)
    {
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            var d = a[a.Length - 1 - i].CompareTo(b[b.Length - 1 - i]);
            if (d != 0)
            {
                return d;
            }
        }

        return a.Length.CompareTo(b.Length);
    }
}
