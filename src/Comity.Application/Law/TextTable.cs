using System.Text;

namespace Comity.Application.Law;

/// <summary>A plain-text table: header, dashes, left-aligned columns separated by two spaces; long cells are cut.</summary>
internal sealed class TextTable(params string[] headers)
{
    private readonly List<string[]> rows = [];

    public int MaxCellWidth { get; init; } = 72;

    public void Add(params string[] cells) => rows.Add(cells);

    public void Write(StringBuilder sb)
    {
        var all = rows.Prepend(headers).Select(r => r.Select(Cut).ToArray()).ToList();
        var widths = Enumerable.Range(0, headers.Length).Select(i => all.Max(r => i < r.Length ? r[i].Length : 0)).ToArray();
        for (var n = 0; n < all.Count; n++)
        {
            var row = all[n];
            var line = new StringBuilder();
            for (var i = 0; i < headers.Length; i++)
            {
                var cell = i < row.Length ? row[i] : string.Empty;
                line.Append(i == headers.Length - 1 ? cell : cell.PadRight(widths[i] + 2));
            }

            sb.Append(line.ToString().TrimEnd()).Append('\n');
            if (n == 0)
            {
                sb.Append(string.Join("  ", widths.Select(w => new string('-', w)))).Append('\n');
            }
        }
    }

    private string Cut(string text)
    {
        var flat = text.Replace('\n', ' ');
        return flat.Length <= MaxCellWidth ? flat : string.Concat(flat.AsSpan(0, MaxCellWidth - 3), "...");
    }
}
