using System.Collections.Immutable;

namespace Comity.Sources.Spreadsheets;

/// <summary>One row of a sheet or delimited file: its 1-based row (or first line) number and its cells by 0-based
/// column; missing cells are empty. <paramref name="Unit"/> is <c>row</c> for sheets and <c>line</c> for delimited
/// text.</summary>
internal sealed record SheetRow(int Number, ImmutableArray<Cell> Cells, string Unit = "row")
{
    public Cell this[int column] => column >= 0 && column < Cells.Length ? Cells[column] : Cell.Empty;

    /// <summary>True when every cell is empty.</summary>
    public bool IsBlank => Cells.All(c => c.IsEmpty);

    /// <summary>Location text for diagnostics, e.g. <c>row 12</c> or <c>line 12</c>.</summary>
    public string Location => $"{Unit} {Number}";

    /// <summary>Index of the last non-empty cell, or -1.</summary>
    public int LastFilled
    {
        get
        {
            for (var i = Cells.Length - 1; i >= 0; i--)
            {
                if (!Cells[i].IsEmpty)
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
