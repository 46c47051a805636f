using nietras.SeparatedValues;

namespace Comity.Application.Input;

/// <summary>One input row: its number (1-based, data rows only), its line in the file, and the query or the reason it
/// was skipped.</summary>
public sealed record InputRow(int Row, int Line, Core.Model.Query? Query, string? Error, IReadOnlyList<string> Warnings);

/// <summary>Reads screening queries from a CSV with a header row (comma, semicolon, tab or pipe separated; detected).
/// Columns are bound by name (<see cref="QueryFields"/>); <c>column=field</c> mappings add or override bindings.
/// A malformed row is returned with its error and line number; reading goes on.</summary>
public static class QueryCsvReader
{
    /// <summary>Reads rows lazily from a file, or from standard input when <paramref name="path"/> is <c>-</c>.</summary>
    public static IEnumerable<InputRow> Read(string path, IReadOnlyDictionary<string, string>? mappings = null)
    {
        if (path == "-")
        {
            return Read(Console.In, mappings);
        }

        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: no such file", path);
        }

        return ReadFile(path, mappings);
    }

    private static IEnumerable<InputRow> ReadFile(string path, IReadOnlyDictionary<string, string>? mappings)
    {
        using var text = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        foreach (var row in Read(text, mappings))
        {
            yield return row;
        }
    }

    /// <summary>Reads rows lazily from a text reader.</summary>
    public static IEnumerable<InputRow> Read(TextReader text, IReadOnlyDictionary<string, string>? mappings = null)
    {
        using var reader = Sep.Reader(o => o with { HasHeader = true, Unescape = true, DisableColCountCheck = true, Trim = SepTrim.All }).From(text);
        var header = reader.Header.ColNames;
        var bindings = Bind(header, mappings);
        var n = 0;
        foreach (var row in reader)
        {
            n++;
            var line = row.LineNumberFrom;
            if (row.ColCount != header.Count)
            {
                yield return new InputRow(n, line, null, $"line {line}: {row.ColCount} columns, header has {header.Count}", []);
                continue;
            }

            var builder = new QueryBuilder();
            foreach (var (col, field) in bindings)
            {
                builder.Add(field, row[col].ToString());
            }

            var query = builder.Build(out var error);
            yield return new InputRow(n, line, query, error is null ? null : $"line {line}: {error}", builder.Warnings);
        }
    }

    private static List<(int Column, QueryField Field)> Bind(IReadOnlyList<string> header, IReadOnlyDictionary<string, string>? mappings)
    {
        var result = new List<(int, QueryField)>();
        var mapped = new Dictionary<string, QueryField>(StringComparer.OrdinalIgnoreCase);
        if (mappings is not null)
        {
            foreach (var (column, fieldName) in mappings)
            {
                if (!QueryFields.TryParse(fieldName, out var f))
                {
                    throw new ArgumentException($"--map {column}={fieldName}: unknown field '{fieldName}'");
                }

                if (!header.Contains(column, StringComparer.OrdinalIgnoreCase))
                {
                    throw new ArgumentException($"--map {column}={fieldName}: no column '{column}' in the header ({string.Join(", ", header)})");
                }

                mapped[column] = f;
            }
        }

        for (var i = 0; i < header.Count; i++)
        {
            if (mapped.TryGetValue(header[i], out var f) || QueryFields.TryParse(header[i], out f))
            {
                result.Add((i, f));
            }
        }

        if (!result.Exists(b => b.Item2 is QueryField.Name or QueryField.FirstName or QueryField.LastName))
        {
            throw new ArgumentException($"input header has no name column (name, full_name, first_name, last_name; or --map COLUMN=name): {string.Join(", ", header)}");
        }

        return result;
    }
}
