namespace Comity.Sources.Spreadsheets;

/// <summary>One non-blank row of a worksheet as text: its 1-based row number and its cells by 0-based column (empty
/// cells are null; numbers in invariant round-trip form, dates as Excel serial numbers).</summary>
public sealed record SheetTextRow(int Row, IReadOnlyList<string?> Cells);

/// <summary>Reads the first worksheet of an XLSX workbook as text rows, with the same zip-bomb and XML limits as the
/// list readers. For tabular inputs that are not lists (a customer file to screen).</summary>
public static class SheetText
{
    /// <summary>True when the file is an XLSX workbook (judged from content, not the name).</summary>
    public static bool IsXlsx(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return SafeArchive.LooksLikeZip(Abstractions.ListProbe.Head(path)) && XlsxReader.IsXlsx(path);
    }

    /// <summary>Streams the non-blank rows of the first sheet. Throws <see cref="Abstractions.ListFormatException"/>
    /// naming the file and part for a corrupt, truncated or hostile workbook.</summary>
    public static IEnumerable<SheetTextRow> ReadXlsx(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        foreach (var row in XlsxReader.ReadRows(path))
        {
            var cells = new string?[row.Cells.Length];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = row.Cells[i].AsText();
            }

            yield return new SheetTextRow(row.Number, cells);
        }
    }
}
