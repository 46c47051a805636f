using nietras.SeparatedValues;

namespace Comity.Law.Data;

/// <summary>Reads a law data CSV (RFC 4180, header first) into records; the header must have exactly the expected
/// columns, in any order.</summary>
internal static class CsvFile
{
    public static IReadOnlyList<CsvRecord> Read(string path, IReadOnlyList<string> columns)
    {
        var file = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            throw new LawDataException(file, 0, $"file not found: {path}");
        }

        var text = File.ReadAllText(path);
        return Parse(file, text, columns);
    }

    public static IReadOnlyList<CsvRecord> Parse(string file, string text, IReadOnlyList<string> columns)
    {
        if (text.Length == 0)
        {
            throw new LawDataException(file, 1, "empty file: no header");
        }

        var records = new List<CsvRecord>();
        try
        {
            using var reader = Sep.New(',').Reader(o => o with { Unescape = true, DisableColCountCheck = true }).FromText(text);
            var names = reader.Header.ColNames;
            var unknown = names.Where(n => !columns.Contains(n, StringComparer.Ordinal)).ToList();
            if (unknown.Count > 0)
            {
                throw new LawDataException(file, 1, $"unknown column(s): {string.Join(", ", unknown)}");
            }

            var missing = columns.Where(c => !names.Contains(c, StringComparer.Ordinal)).ToList();
            if (missing.Count > 0)
            {
                throw new LawDataException(file, 1, $"missing column(s): {string.Join(", ", missing)}");
            }

            var index = columns.ToDictionary(c => c, c => reader.Header.IndexOf(c), StringComparer.Ordinal);
            foreach (var row in reader)
            {
                var line = row.LineNumberFrom;
                if (row.ColCount != names.Count)
                {
                    throw new LawDataException(file, line, $"expected {names.Count} columns, found {row.ColCount}");
                }

                var values = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var (name, i) in index)
                {
                    values[name] = row[i].ToString().Trim();
                }

                records.Add(new CsvRecord(file, line, values));
            }
        }
        catch (InvalidDataException ex)
        {
            throw new LawDataException(file, 0, ex.Message, ex);
        }

        return records;
    }
}
