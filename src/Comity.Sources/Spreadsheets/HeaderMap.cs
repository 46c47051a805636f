using Comity.Sources.Common;

namespace Comity.Sources.Spreadsheets;

/// <summary>Binds columns by header name (trimmed, case-insensitive, white space collapsed), never by position.</summary>
internal sealed class HeaderMap
{
    private readonly Dictionary<string, int> _columns = new(StringComparer.OrdinalIgnoreCase);

    public HeaderMap(SheetRow header)
    {
        Row = header;
        for (var i = 0; i < header.Cells.Length; i++)
        {
            var name = TextValue.Clean(header[i].AsText());
            if (name is not null)
            {
                _columns.TryAdd(name, i);
                LastColumn = i;
            }
        }
    }

    public SheetRow Row { get; }

    /// <summary>The number of named columns (up to the last named one).</summary>
    public int Width => LastColumn + 1;

    private int LastColumn { get; } = -1;

    public bool Has(string name) => _columns.ContainsKey(name);

    /// <summary>True when every name is a column.</summary>
    public bool HasAll(params ReadOnlySpan<string> names)
    {
        foreach (var n in names)
        {
            if (!Has(n))
            {
                return false;
            }
        }

        return true;
    }

    public int IndexOf(string name) => _columns.TryGetValue(name, out var i) ? i : -1;

    /// <summary>The cell of the named column (empty when the column does not exist).</summary>
    public Cell Cell(SheetRow row, string name) => _columns.TryGetValue(name, out var i) ? row[i] : default;

    /// <summary>The cleaned text of the named column (<see cref="TextValue.Clean(string?)"/>), or null.</summary>
    public string? Text(SheetRow row, string name) => TextValue.Clean(Cell(row, name).AsText());
}
