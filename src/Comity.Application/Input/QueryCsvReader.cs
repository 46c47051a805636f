namespace Comity.Application.Input;

/// <summary>One input row: its number (1-based, data rows only), its line in the file, and the query or the reason it
/// was skipped.</summary>
internal sealed record InputRow(int Row, int Line, Core.Model.Query? Query, string? Error, IReadOnlyList<string> Warnings);

/// <summary>Reads screening queries from a CSV with a header row (comma, semicolon, tab or pipe separated; detected).
/// Columns are bound by name (<see cref="QueryFields"/>); <c>column=field</c> mappings add or override bindings.
/// A malformed row is returned with its error and line number; reading goes on.</summary>
/// <remarks>Every record is one line: quoted fields may hold separators and doubled quotes, not line breaks. A line
/// with an unterminated quote is returned as an error row naming the line, and reading resynchronises at the next
/// line, so one stray quote never swallows the rest of the file.</remarks>
internal static class QueryCsvReader
{
    /// <summary>Opens a file, or standard input when <paramref name="path"/> is <c>-</c>, and reads and binds its
    /// header now (so a file without a name column fails before anything else is done); rows are read lazily.</summary>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="ArgumentException">A bad mapping or a header without a name column (the message names the file).</exception>
    public static QueryCsv Open(string path, IReadOnlyDictionary<string, string>? mappings = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path == "-")
        {
            return Open(Console.In, mappings, "standard input", ownsReader: false);
        }

        if (Directory.Exists(path))
        {
            throw new FileNotFoundException($"{path}: is a folder, not a CSV file", path);
        }

        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: no such file", path);
        }

        return Open(new StreamReader(path, detectEncodingFromByteOrderMarks: true), mappings, path, ownsReader: true);
    }

    /// <summary>Opens a text reader (see <see cref="Open(string, IReadOnlyDictionary{string, string}?)"/>);
    /// <paramref name="source"/> names it in messages.</summary>
    public static QueryCsv Open(TextReader text, IReadOnlyDictionary<string, string>? mappings = null, string source = "input", bool ownsReader = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            return new QueryCsv(text, mappings, source, ownsReader);
        }
        catch
        {
            if (ownsReader)
            {
                text.Dispose();
            }

            throw;
        }
    }

    /// <summary>Reads rows lazily from a file, or from standard input when <paramref name="path"/> is <c>-</c>.</summary>
    public static IEnumerable<InputRow> Read(string path, IReadOnlyDictionary<string, string>? mappings = null)
    {
        var csv = Open(path, mappings);
        return Rows(csv);
    }

    /// <summary>Reads rows lazily from a text reader.</summary>
    public static IEnumerable<InputRow> Read(TextReader text, IReadOnlyDictionary<string, string>? mappings = null) =>
        Rows(Open(text, mappings));

    private static IEnumerable<InputRow> Rows(QueryCsv csv)
    {
        using (csv)
        {
            foreach (var row in csv.Rows())
            {
                yield return row;
            }
        }
    }
}
