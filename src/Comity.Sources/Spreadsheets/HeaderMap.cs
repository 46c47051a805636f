using Comity.Core.Text;
using Comity.Sources.Abstractions;

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

    /// <summary>A <c>bad-row</c> error diagnostic when <paramref name="row"/> has another number of fields than the
    /// header row (the row is to be skipped), else null.</summary>
    public Diagnostic? FieldCountMismatch(SheetRow row, string file) => row.Cells.Length == Row.Cells.Length
        ? null
        : FieldCountError(row, file);

    /// <summary>The <c>bad-row</c> error for a row whose field count does not match the header's.</summary>
    public Diagnostic FieldCountError(SheetRow row, string file) =>
        new(file, row.Location, "bad-row", $"row has {row.Cells.Length} fields but the header has {Row.Cells.Length}; skipped", DiagnosticSeverity.Error);
}
