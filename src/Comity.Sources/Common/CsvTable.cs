using System.Text;

namespace Comity.Sources.Common;

/// <summary>One CSV record with the line it starts on (1-based) and its cells.</summary>
internal sealed record CsvRecord(int Line, IReadOnlyList<string> Cells, bool Unterminated);

/// <summary>A small RFC 4180 reader (quoted cells with separators, doubled quotes and line breaks) that keeps line
/// numbers for diagnostics. Used by the CSV and tab-separated readers in this project.</summary>
internal static class CsvTable
{
    /// <summary>Reads records lazily. A record whose quote never closes is returned once with
    /// <see cref="CsvRecord.Unterminated"/> set, at the end of the input.</summary>
    public static IEnumerable<CsvRecord> Read(TextReader textReader, char separator = ',')
    {
        var reader = new CharBuffer(textReader);
        var cells = new List<string>();
        var cell = new StringBuilder();
        var line = 1;
        var start = 1;
        var inQuotes = false;
        var quotedCell = false;
        var any = false;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            var ch = (char)c;
            if (inQuotes)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        cell.Append('"');
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    if (ch == '\n')
                    {
                        line++;
                    }

                    cell.Append(ch);
                }

                continue;
            }

            if (ch == '"' && cell.Length == 0 && !quotedCell)
            {
                inQuotes = true;
                quotedCell = true;
                any = true;
            }
            else if (ch == separator)
            {
                cells.Add(cell.ToString());
                cell.Clear();
                quotedCell = false;
                any = true;
            }
            else if (ch == '\r')
            {
                if (reader.Peek() != '\n')
                {
                    cell.Append(ch);
                }
            }
            else if (ch == '\n')
            {
                if (any || cell.Length > 0)
                {
                    cells.Add(cell.ToString());
                    yield return new CsvRecord(start, cells.ToArray(), false);
                }

                cells.Clear();
                cell.Clear();
                quotedCell = false;
                any = false;
                line++;
                start = line;
            }
            else
            {
                cell.Append(ch);
                any = true;
            }
        }

        if (any || cell.Length > 0 || inQuotes)
        {
            cells.Add(cell.ToString());
            yield return new CsvRecord(start, cells.ToArray(), inQuotes);
        }
    }

    /// <summary>Buffered character access (a virtual <see cref="TextReader.Read()"/> per character is slow).</summary>
    private sealed class CharBuffer(TextReader reader)
    {
        private readonly char[] _buffer = new char[1 << 16];
        private int _length;
        private int _position;

        public int Read()
        {
            if (_position >= _length && !Fill())
            {
                return -1;
            }

            return _buffer[_position++];
        }

        public int Peek()
        {
            if (_position >= _length && !Fill())
            {
                return -1;
            }

            return _buffer[_position];
        }

        private bool Fill()
        {
            _length = reader.Read(_buffer, 0, _buffer.Length);
            _position = 0;
            return _length > 0;
        }
    }

    /// <summary>The first line of a text (for header detection), without BOM.</summary>
    public static string FirstLine(string headText)
    {
        var end = headText.IndexOfAny(['\r', '\n']);
        return end < 0 ? headText : headText[..end];
    }

    /// <summary>Splits a header line on <paramref name="separator"/>, unquoting and trimming names.</summary>
    public static string[] HeaderNames(string headText, char separator = ',')
    {
        using var r = new StringReader(FirstLine(headText));
        var first = Read(r, separator).FirstOrDefault();
        return first is null ? [] : first.Cells.Select(x => x.Trim()).ToArray();
    }
}
