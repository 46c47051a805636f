using System.Text;

namespace Comity.Evaluation.Output;

/// <summary>Writes RFC 4180 CSV: UTF-8 without BOM, LF line ends, a field quoted when it holds a comma, quote or line
/// break.</summary>
internal static class CsvText
{
    public static void Write(string path, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false)) { NewLine = "\n" };
        writer.WriteLine(Line(header));
        foreach (var row in rows)
        {
            writer.WriteLine(Line(row));
        }
    }

    public static string Line(IReadOnlyList<string> fields) => string.Join(',', fields.Select(Field));

    public static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
