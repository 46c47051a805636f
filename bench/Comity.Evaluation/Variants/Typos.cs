using System.Text;

namespace Comity.Evaluation.Variants;

/// <summary>Keyboard typos: substitution by a QWERTY neighbour, deletion, insertion of a neighbour, transposition of
/// two letters. Edits fall at random letter positions inside words of at least four letters.</summary>
internal static class Typos
{
    private static readonly string[] Rows = ["qwertyuiop", "asdfghjkl", "zxcvbnm"];

    /// <summary>Applies <paramref name="edits"/> edits at distinct positions, or returns null when the name has too few
    /// letters in long-enough words.</summary>
    public static string? Apply(string name, int edits, Random rng)
    {
        var text = new StringBuilder(name);
        for (var e = 0; e < edits; e++)
        {
            var positions = EligiblePositions(text.ToString());
            if (positions.Count < 4)
            {
                return null;
            }

            var at = positions[rng.Next(positions.Count)];
            var c = text[at];
            var upper = char.IsUpper(c);
            var neighbour = Neighbour(char.ToLowerInvariant(c), rng);
            var replacement = upper ? char.ToUpperInvariant(neighbour) : neighbour;
            switch (rng.Next(100))
            {
                case < 50:
                    text[at] = replacement;
                    break;
                case < 70:
                    text.Remove(at, 1);
                    break;
                case < 85:
                    text.Insert(at + 1, replacement);
                    break;
                default:
                    if (at + 1 < text.Length && char.IsLetter(text[at + 1]) && text[at + 1] != c)
                    {
                        (text[at], text[at + 1]) = (text[at + 1], text[at]);
                    }
                    else
                    {
                        text[at] = replacement;
                    }

                    break;
            }
        }

        return text.ToString();
    }

    /// <summary>A key next to <paramref name="c"/> on a QWERTY keyboard (same row or the rows above and below).</summary>
    public static char Neighbour(char c, Random rng)
    {
        var options = new List<char>();
        for (var r = 0; r < Rows.Length; r++)
        {
            var col = Rows[r].IndexOf(c, StringComparison.Ordinal);
            if (col < 0)
            {
                continue;
            }

            for (var dr = -1; dr <= 1; dr++)
            {
                var row = r + dr;
                if (row < 0 || row >= Rows.Length)
                {
                    continue;
                }

                for (var dc = -1; dc <= 1; dc++)
                {
                    var k = col + dc;
                    if ((dr != 0 || dc != 0) && k >= 0 && k < Rows[row].Length)
                    {
                        options.Add(Rows[row][k]);
                    }
                }
            }
        }

        return options.Count == 0 ? 'e' : options[rng.Next(options.Count)];
    }

    private static List<int> EligiblePositions(string text)
    {
        var positions = new List<int>();
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsAsciiLetter(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && char.IsAsciiLetter(text[i]))
            {
                i++;
            }

            if (i - start >= 4)
            {
                positions.AddRange(Enumerable.Range(start, i - start));
            }
        }

        return positions;
    }
}
