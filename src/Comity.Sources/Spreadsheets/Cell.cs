using System.Globalization;

namespace Comity.Sources.Spreadsheets;

/// <summary>What a spreadsheet cell holds.</summary>
internal enum CellKind
{
    Empty,
    Text,
    Number,
}

/// <summary>One typed spreadsheet or CSV cell: text, a number (dates stay Excel serials), or empty.</summary>
internal readonly record struct Cell
{
    private Cell(CellKind kind, string? text, double number)
    {
        Kind = kind;
        Text = text;
        Number = number;
    }

    public static Cell Empty => default;

    public CellKind Kind { get; }

    /// <summary>The text of a text cell (null for other kinds).</summary>
    public string? Text { get; }

    /// <summary>The value of a number cell (0 for other kinds).</summary>
    public double Number { get; }

    public bool IsEmpty => Kind == CellKind.Empty;

    public bool IsNumber => Kind == CellKind.Number;

    /// <summary>A text cell; null or whitespace-only text gives an empty cell.</summary>
    public static Cell FromText(string? text) =>
        string.IsNullOrWhiteSpace(text) ? default : new Cell(CellKind.Text, text, 0);

    public static Cell FromNumber(double value) => new(CellKind.Number, null, value);

    /// <summary>The cell as text: text as stored, numbers in invariant round-trip form (<c>1969</c>, <c>33867</c>),
    /// null when empty.</summary>
    public string? AsText() => Kind switch
    {
        CellKind.Text => Text,
        CellKind.Number => Number.ToString("R", CultureInfo.InvariantCulture),
        _ => null,
    };

    public override string ToString() => AsText() ?? string.Empty;
}
