using System.Text;
using Comity.Sources.Abstractions;
using nietras.SeparatedValues;

namespace Comity.Sources.Ofac;

/// <summary>The four tables of the OFAC legacy CSV family, recognised by the shape of their first row.</summary>
internal enum OfacCsvTable
{
    Unknown,

    /// <summary>SDN.CSV / CONS_PRIM.CSV: 12 columns.</summary>
    Primary,

    /// <summary>ADD.CSV / CONS_ADD.CSV: 6 columns.</summary>
    Address,

    /// <summary>ALT.CSV / CONS_ALT.CSV: 5 columns.</summary>
    Alias,

    /// <summary>SDN_COMMENTS.CSV / CONS_COMMENTS.CSV: 2 columns.</summary>
    Comments,
}

/// <summary>One row of a headerless OFAC CSV file: 1-based line number and the unescaped fields, with the
/// <c>-0-</c> null token already mapped to null; other values are untrimmed.</summary>
internal sealed record OfacCsvRow(int Line, string?[] Fields)
{
    /// <summary>The line after the row (exclusive end); <c>Line + 1</c> for a well-formed record.</summary>
    public int LineTo { get; init; } = Line + 1;

    /// <summary>The line holds an odd number of quote characters.</summary>
    public bool UnbalancedQuote { get; init; }
}

/// <summary>Reading and recognising the headerless OFAC CSV files (LIST-FORMATS §1.1: no header, fixed positions,
/// <c>-0- </c> nulls, CRLF, optional trailing Ctrl-Z, ASCII).</summary>
internal static class OfacCsvFile
{
    private const string Null = "-0-";

    /// <summary>Recognises the table from the first row of <paramref name="headText"/>.</summary>
    public static OfacCsvTable Classify(string headText)
    {
        var (fields, complete) = FirstRow(headText);
        if (fields.Count < 2 || !IsInteger(fields[0]))
        {
            return OfacCsvTable.Unknown;
        }

        if (!complete)
        {
            // Only a comments row can be longer than the probe (continuations reach 7,812 characters).
            return fields.Count == 2 ? OfacCsvTable.Comments : OfacCsvTable.Unknown;
        }

        return fields.Count switch
        {
            12 when fields[2].Trim() is Null or "individual" or "vessel" or "aircraft" => OfacCsvTable.Primary,
            6 when IsInteger(fields[1]) => OfacCsvTable.Address,
            5 when IsInteger(fields[1]) && fields[2] is "aka" or "fka" or "nka" => OfacCsvTable.Alias,
            2 => OfacCsvTable.Comments,
            _ => OfacCsvTable.Unknown,
        };
    }

    /// <summary>Reads every row. Throws <see cref="ListFormatException"/> for an empty file, binary content or CSV that
    /// cannot be tokenised.</summary>
    public static List<OfacCsvRow> ReadRows(string path)
    {
        var name = Path.GetFileName(path);
        var bytes = File.ReadAllBytes(path);
        var length = bytes.Length;
        if (length > 0 && bytes[length - 1] == 0x1A)
        {
            length--;
        }

        if (length == 0)
        {
            throw new ListFormatException(name, "line 1", "empty file");
        }

        var zero = Array.IndexOf(bytes, (byte)0, 0, length);
        if (zero >= 0)
        {
            throw new ListFormatException(name, $"line {LineAt(bytes, zero)}", "binary content (NUL byte): not an OFAC CSV file");
        }

        var text = Encoding.Latin1.GetString(bytes, 0, length);
        var rows = new List<OfacCsvRow>();
        string[]? lines = null;
        foreach (var row in Parse(text, 1))
        {
            if (row.LineTo - row.Line <= 1)
            {
                rows.Add(row);
                continue;
            }

            // OFAC records are one line each (no field holds a line break), so a row spanning several lines means
            // an unbalanced quote. Re-read those lines one by one so that one broken line costs one record.
            lines ??= text.Split('\n');
            for (var line = row.Line; line < row.LineTo && line <= lines.Length; line++)
            {
                var physical = lines[line - 1].TrimEnd('\r');
                if (physical.Length == 0)
                {
                    continue;
                }

                foreach (var single in Parse(physical, line))
                {
                    rows.Add(single with { LineTo = line + 1, UnbalancedQuote = single.UnbalancedQuote || physical.Count(c => c == '"') % 2 != 0 });
                }
            }
        }

        return rows;
    }

    private static List<OfacCsvRow> Parse(string text, int firstLine)
    {
        var rows = new List<OfacCsvRow>();
        using var reader = Sep.New(',').Reader(o => o with { HasHeader = false, Unescape = true, DisableColCountCheck = true }).FromText(text);
        var line = firstLine;
        foreach (var row in reader)
        {
            // Lines are counted here from the raw row text: with HasHeader = false, Sep 0.17 reports the first
            // row as starting on line 2.
            var from = line;
            line += row.Span.Count('\n') + 1;
            var fields = new string?[row.ColCount];
            for (var i = 0; i < fields.Length; i++)
            {
                // Values are kept untrimmed: a Remarks cut at 1,000 characters may end in a space that the
                // continuation relies on. Only the null token is compared trimmed.
                var v = row[i].Span;
                fields[i] = v.Trim().SequenceEqual(Null) ? null : v.ToString();
            }

            rows.Add(new OfacCsvRow(from, fields) { LineTo = line });
        }

        return rows;
    }

    private static int LineAt(byte[] bytes, int index)
    {
        var line = 1;
        for (var i = 0; i < index; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                line++;
            }
        }

        return line;
    }

    private static bool IsInteger(string s) => s.Length is > 0 and < 10 && s.All(char.IsAsciiDigit);

    /// <summary>Splits the first line of <paramref name="text"/> into fields (quotes removed); <c>complete</c> is false
    /// when the text ends before the line does.</summary>
    private static (List<string> Fields, bool Complete) FirstRow(string text)
    {
        var fields = new List<string>();
        var sb = new StringBuilder();
        var quoted = false;
        foreach (var c in text)
        {
            if (quoted)
            {
                if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    sb.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    quoted = true;
                    break;
                case ',':
                    fields.Add(sb.ToString());
                    sb.Clear();
                    break;
                case '\r' or '\n':
                    fields.Add(sb.ToString());
                    return (fields, true);
                default:
                    sb.Append(c);
                    break;
            }
        }

        fields.Add(sb.ToString());
        return (fields, false);
    }
}
