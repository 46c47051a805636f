using System.Collections.Immutable;
using Comity.Sources.Abstractions;
using nietras.SeparatedValues;

namespace Comity.Application.Evaluation;

/// <summary>Shared reading of the evaluation CSV files: comma-separated, quoted fields unescaped, header required.
/// A row that fails to parse is skipped with a diagnostic naming its line; a file without the required columns
/// throws <see cref="InvalidDataException"/>.</summary>
internal static class EvaluationCsv
{
    internal delegate T? RowParser<T>(Func<string, string?> field, out string? error);

    public static CsvFileResult<T> Read<T>(TextReader text, string fileName, string[] required, RowParser<T> parse)
        where T : class
    {
        using var reader = Sep.New(',').Reader(o => o with { Unescape = true, DisableColCountCheck = true }).From(text);
        if (reader.Header.IsEmpty)
        {
            throw new InvalidDataException($"{fileName}: line 1: empty file, expected a header with {string.Join(',', required)}");
        }

        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var names = reader.Header.ColNames;
        for (var i = 0; i < names.Count; i++)
        {
            columns.TryAdd(names[i].Trim(), i);
        }

        var missing = required.Where(r => !columns.ContainsKey(r)).ToArray();
        if (missing.Length > 0)
        {
            throw new InvalidDataException($"{fileName}: line 1: missing required column(s) {string.Join(", ", missing)}");
        }

        var rows = ImmutableArray.CreateBuilder<T>();
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        foreach (var row in reader)
        {
            var values = new string[row.ColCount];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = row[i].ToString();
            }

            if (values.Length == 1 && values[0].Length == 0)
            {
                continue;
            }

            string? Field(string name) =>
                columns.TryGetValue(name, out var index) && index < values.Length && values[index].Trim() is { Length: > 0 } v ? v : null;

            var parsed = parse(Field, out var error);
            if (parsed is null)
            {
                diagnostics.Add(new Diagnostic(fileName, $"line {row.LineNumberFrom}", "bad-row", error ?? "malformed row", DiagnosticSeverity.Error));
            }
            else
            {
                rows.Add(parsed);
            }
        }

        return new CsvFileResult<T>(rows.ToImmutable(), diagnostics.ToImmutable());
    }

    public static CsvFileResult<T> ReadFile<T>(string path, string[] required, RowParser<T> parse)
        where T : class
    {
        using var text = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        return Read(text, Path.GetFileName(path), required, parse);
    }
}
