using System.Globalization;
using Comity.Application.Input;
using Comity.Sources.Abstractions;
using Comity.Sources.Spreadsheets;
using nietras.SeparatedValues;

namespace Comity.Application.Batches;

/// <summary>The container an uploaded customer file came in, judged from its content.</summary>
internal enum BatchFormat
{
    Csv,
    Xlsx,
}

/// <summary>One column of an uploaded file and the field it is read as (null: not screened), as detected from its
/// header by the same rules as <c>comity screen</c>.</summary>
internal sealed record BatchColumn(int Index, string Name, QueryField? Field);

/// <summary>An uploaded customer file (CSV or XLSX) opened for screening: its header, the column binding detected
/// from it (<see cref="QueryCsv"/>'s rules: English, German, French, Spanish, Italian and Dutch headers, the
/// Name/Vorname rule), the first rows for a preview, and its data rows under any binding the analyst chooses.</summary>
internal sealed class BatchFile
{
    /// <summary>Rows shown in the preview.</summary>
    public const int PreviewRows = 5;

    private BatchFile(string path, string name, BatchFormat format, IReadOnlyList<string> header, IReadOnlyList<BatchColumn> columns,
        IReadOnlyList<string> notes, IReadOnlyList<IReadOnlyList<string>> preview, int rows)
    {
        Path = path;
        Name = name;
        Format = format;
        Header = header;
        Columns = columns;
        Notes = notes;
        Preview = preview;
        RowCount = rows;
    }

    /// <summary>Where the file is stored.</summary>
    public string Path { get; }

    /// <summary>The name it was uploaded under (for messages).</summary>
    public string Name { get; }

    public BatchFormat Format { get; }

    public IReadOnlyList<string> Header { get; }

    /// <summary>Every header column with the field detected for it.</summary>
    public IReadOnlyList<BatchColumn> Columns { get; }

    /// <summary>How the header was read, and a problem to fix in the mapping (no name column).</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>The first <see cref="PreviewRows"/> data rows, cells as text, one per header column.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Preview { get; }

    /// <summary>Data rows in the file (non-blank lines or sheet rows after the header).</summary>
    public int RowCount { get; }

    /// <summary>Reads the header, detects the binding and the preview, counts the rows. Throws
    /// <see cref="InvalidDataException"/> naming the file when it is neither a CSV with a header nor an XLSX workbook.</summary>
    public static BatchFile Inspect(string path, string name)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(name);
        try
        {
            return SheetText.IsXlsx(path) ? InspectXlsx(path, name) : InspectCsv(path, name);
        }
        catch (ListFormatException e)
        {
            throw new InvalidDataException($"{name}: {e.Message}", e);
        }
    }

    /// <summary>The data rows under <paramref name="mappings"/> (column → field wire name, or
    /// <see cref="QueryCsv.Ignore"/>; columns not named keep their detected field). Throws
    /// <see cref="ArgumentException"/> naming the file when no column gives a name or a mapping is unknown.</summary>
    public IEnumerable<InputRow> Rows(IReadOnlyDictionary<string, string> mappings)
    {
        ArgumentNullException.ThrowIfNull(mappings);
        if (Format == BatchFormat.Csv)
        {
            var csv = QueryCsvReader.Open(new StreamReader(Path, detectEncodingFromByteOrderMarks: true), mappings, Name, ownsReader: true);
            return CsvRows(csv);
        }

        var (bindings, _) = QueryCsv.Bind(Header, mappings, Name);
        return XlsxRows(bindings);
    }

    /// <summary>The binding <paramref name="mappings"/> gives, checked (see <see cref="Rows"/>) without reading rows.</summary>
    public IReadOnlyList<ColumnBinding> Bind(IReadOnlyDictionary<string, string> mappings) => QueryCsv.Bind(Header, mappings, Name).Bindings;

    private static IEnumerable<InputRow> CsvRows(QueryCsv csv)
    {
        using (csv)
        {
            foreach (var row in csv.Rows())
            {
                yield return row;
            }
        }
    }

    private IEnumerable<InputRow> XlsxRows(IReadOnlyList<ColumnBinding> bindings)
    {
        var n = 0;
        var first = true;
        foreach (var row in SheetText.ReadXlsx(Path))
        {
            if (first)
            {
                first = false;
                continue;
            }

            n++;
            yield return QueryCsv.BuildRow(n, row.Row, "row", Header, bindings, i => SheetValue(row, i, bindings));
        }
    }

    /// <summary>A sheet cell as the query builder reads it: a date of birth stored as an Excel serial number becomes
    /// yyyy-MM-dd (1900 date system; serials 1–2958465).</summary>
    private static string SheetValue(SheetTextRow row, int column, IReadOnlyList<ColumnBinding> bindings)
    {
        var text = column < row.Cells.Count ? row.Cells[column] ?? string.Empty : string.Empty;
        if (text.Length > 0 && bindings.Any(b => b.Index == column && b.Field == QueryField.BirthDate)
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial)
            && serial is >= 1 and <= 2958465 && serial == Math.Floor(serial) && text.Length >= 3)
        {
            return DateOnly.FromDateTime(new DateTime(1899, 12, 30, 0, 0, 0, DateTimeKind.Unspecified).AddDays(serial)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        return text;
    }

    private static BatchFile InspectCsv(string path, string name)
    {
        List<string> header;
        var preview = new List<IReadOnlyList<string>>();
        var rows = 0;
        using (var text = new StreamReader(path, detectEncodingFromByteOrderMarks: true))
        {
            var first = text.ReadLine();
            if (string.IsNullOrWhiteSpace(first))
            {
                throw new InvalidDataException($"{name}: line 1: the file is empty or has no header");
            }

            // The header is read by the same CSV reader as the rows (separator detection, quotes, trimming).
            using (var reader = Sep.Reader(o => o with { HasHeader = true, Unescape = true, DisableColCountCheck = true, Trim = SepTrim.All }).FromText(first + "\n"))
            {
                header = [.. reader.Header.ColNames];
            }

            string? line;
            while ((line = text.ReadLine()) is not null)
            {
                if (line.Length == 0)
                {
                    continue;
                }

                rows++;
                if (preview.Count < PreviewRows)
                {
                    preview.Add(PreviewCells(first, line, header.Count));
                }
            }
        }

        return Build(path, name, BatchFormat.Csv, header, preview, rows);
    }

    private static List<string> PreviewCells(string headerLine, string line, int count)
    {
        var cells = new List<string>(count);
        try
        {
            using var reader = Sep.Reader(o => o with { HasHeader = true, Unescape = true, DisableColCountCheck = true, Trim = SepTrim.All }).FromText(headerLine + "\n" + line + "\n");
            foreach (var row in reader)
            {
                for (var i = 0; i < count; i++)
                {
                    cells.Add(i < row.ColCount ? row[i].ToString() : string.Empty);
                }

                break;
            }
        }
        catch (Exception e) when (e is InvalidDataException or ArgumentException or FormatException)
        {
            cells.Clear();
        }

        while (cells.Count < count)
        {
            cells.Add(string.Empty);
        }

        return cells;
    }

    private static BatchFile InspectXlsx(string path, string name)
    {
        List<string>? header = null;
        var preview = new List<IReadOnlyList<string>>();
        var rows = 0;
        foreach (var row in SheetText.ReadXlsx(path))
        {
            if (header is null)
            {
                header = [.. row.Cells.Select(c => (c ?? string.Empty).Trim())];
                continue;
            }

            rows++;
            if (preview.Count < PreviewRows)
            {
                preview.Add([.. Enumerable.Range(0, header.Count).Select(i => i < row.Cells.Count ? row.Cells[i] ?? string.Empty : string.Empty)]);
            }
        }

        if (header is null)
        {
            throw new InvalidDataException($"{name}: the first sheet is empty (a header row is needed)");
        }

        return Build(path, name, BatchFormat.Xlsx, header, preview, rows);
    }

    private static BatchFile Build(string path, string name, BatchFormat format, List<string> header, List<IReadOnlyList<string>> preview, int rows)
    {
        var notes = new List<string>();
        IReadOnlyList<ColumnBinding> bindings;
        try
        {
            var (b, n) = QueryCsv.Bind(header, null, name);
            bindings = b;
            notes.AddRange(n);
        }
        catch (ArgumentException e)
        {
            // No name column: show the columns so that one can be mapped to a name.
            notes.Add(e.Message);
            bindings = [];
        }

        var columns = header.Select((h, i) => new BatchColumn(i, h, bindings.FirstOrDefault(x => x.Index == i)?.Field)).ToList();
        return new BatchFile(path, name, format, header, columns, notes, preview, rows);
    }
}
