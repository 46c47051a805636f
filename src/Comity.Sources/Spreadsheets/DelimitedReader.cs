using System.Text;
using Comity.Sources.Abstractions;

namespace Comity.Sources.Spreadsheets;

/// <summary>Splits delimited text (CSV, semicolon-separated) into rows of text cells. RFC 4180 quoting, read
/// leniently: a quote that does not close a field (not followed by the delimiter or a line break) is kept as a
/// literal character, and quotes inside unquoted fields are literal. Quoted fields may span lines. Each row carries
/// the line number it starts on.</summary>
internal static class DelimitedReader
{
    /// <summary>Reads every non-blank row of <paramref name="text"/>. Throws <see cref="ListFormatException"/> when
    /// a quoted field is never closed.</summary>
    public static IEnumerable<SheetRow> ReadRows(string text, char delimiter, string file)
    {
        var line = 1;
        var i = 0;
        var cells = new List<Cell>();
        var field = new StringBuilder();
        while (i < text.Length)
        {
            var rowLine = line;
            cells.Clear();
            var endOfRow = false;
            while (!endOfRow)
            {
                field.Clear();
                if (i < text.Length && text[i] == '"')
                {
                    var openLine = line;
                    i++;
                    var closed = false;
                    while (i < text.Length)
                    {
                        var c = text[i];
                        if (c == '"')
                        {
                            if (i + 1 < text.Length && text[i + 1] == '"')
                            {
                                field.Append('"');
                                i += 2;
                                continue;
                            }

                            if (i + 1 >= text.Length || text[i + 1] == delimiter || text[i + 1] == '\r' || text[i + 1] == '\n')
                            {
                                i++;
                                closed = true;
                                break;
                            }

                            field.Append('"');
                            i++;
                            continue;
                        }

                        if (c == '\n')
                        {
                            line++;
                        }

                        field.Append(c);
                        i++;
                    }

                    if (!closed)
                    {
                        throw new ListFormatException(file, $"line {openLine}", "quoted field is never closed");
                    }
                }
                else
                {
                    while (i < text.Length && text[i] != delimiter && text[i] != '\r' && text[i] != '\n')
                    {
                        field.Append(text[i]);
                        i++;
                    }
                }

                cells.Add(Cell.FromText(field.ToString()));
                if (i < text.Length && text[i] == delimiter)
                {
                    i++;
                    continue;
                }

                if (i < text.Length && text[i] == '\r')
                {
                    i++;
                }

                if (i < text.Length && text[i] == '\n')
                {
                    i++;
                }

                line++;
                endOfRow = true;
            }

            if (cells.Exists(c => !c.IsEmpty))
            {
                yield return new SheetRow(rowLine, [.. cells], "line");
            }
        }
    }
}
