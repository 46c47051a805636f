using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Xml;
using Comity.Sources.Abstractions;

namespace Comity.Sources.Spreadsheets;

/// <summary>Reads the cells of an OpenDocument spreadsheet (.ods) from <c>content.xml</c>: typed cells
/// (<c>office:value-type</c>), repeated columns and rows, and ODF white-space rules (a cell whose paragraphs hold
/// only white space is empty).</summary>
internal static class OdsReader
{
    private const string ContentEntry = "content.xml";
    private const string TableNs = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
    private const string OfficeNs = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
    private const string TextNs = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";

    /// <summary>True when the file is a zip whose <c>mimetype</c> names an OpenDocument spreadsheet.</summary>
    public static bool IsOds(string path)
    {
        if (!SafeArchive.LooksLikeZip(ListProbe.Head(path)))
        {
            return false;
        }

        try
        {
            using var archive = SafeArchive.Open(path);
            var mime = archive.Guard("mimetype", () => archive.ReadSmallText("mimetype"));
            return mime is not null && mime.Trim() == "application/vnd.oasis.opendocument.spreadsheet" && archive.Contains(ContentEntry);
        }
        catch (ListFormatException)
        {
            return false;
        }
    }

    /// <summary>Streams the non-blank rows of the table named <paramref name="tableName"/> (the first table when
    /// null). Throws <see cref="ListFormatException"/> for a corrupt, truncated or hostile file.</summary>
    public static IEnumerable<SheetRow> ReadRows(string path, string? tableName = null, SpreadsheetLimits? limits = null)
    {
        using var archive = SafeArchive.Open(path, limits);
        using var cursor = new Cursor(archive, tableName, limits ?? SpreadsheetLimits.Default);
        while (cursor.Next() is { } row)
        {
            yield return row;
        }
    }

    /// <summary>Applies ODF paragraph white-space rules: runs of space, tab, CR and LF become one space; leading and
    /// trailing white space is dropped.</summary>
    internal static string CollapseOdfSpace(string text)
    {
        var sb = new StringBuilder(text.Length);
        var pending = false;
        foreach (var c in text)
        {
            if (c is ' ' or '\t' or '\r' or '\n')
            {
                pending = sb.Length > 0;
                continue;
            }

            if (pending)
            {
                sb.Append(' ');
                pending = false;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    private sealed class Cursor(SafeArchive archive, string? tableName, SpreadsheetLimits limits) : IDisposable
    {
        private readonly Queue<SheetRow> _pending = new();
        private XmlReader? _xml;
        private bool _inTable;
        private bool _done;
        private bool _found;
        private int _rowNumber;
        private int _emitted;

        public SheetRow? Next()
        {
            if (_pending.Count > 0)
            {
                return _pending.Dequeue();
            }

            return _done ? null : archive.Guard(ContentEntry, ReadNext);
        }

        public void Dispose() => _xml?.Dispose();

        private SheetRow? ReadNext()
        {
            _xml ??= archive.OpenXml(ContentEntry);
            var xml = _xml;
            while (xml.Read())
            {
                if (xml.NamespaceURI != TableNs)
                {
                    continue;
                }

                if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "table" && !_found)
                {
                    var name = xml.GetAttribute("name", TableNs);
                    if (tableName is null || string.Equals(name, tableName, StringComparison.Ordinal))
                    {
                        _inTable = !xml.IsEmptyElement;
                        _found = true;
                    }
                }
                else if (xml.NodeType == XmlNodeType.EndElement && xml.LocalName == "table" && _inTable)
                {
                    _done = true;
                    return null;
                }
                else if (_inTable && xml.NodeType == XmlNodeType.Element && xml.LocalName == "table-row")
                {
                    var repeat = Repeat(xml.GetAttribute("number-rows-repeated", TableNs));
                    var first = _rowNumber + 1;
                    _rowNumber += repeat;
                    if (xml.IsEmptyElement)
                    {
                        continue;
                    }

                    var cells = ReadRow(xml, first);
                    if (!cells.Exists(c => !c.IsEmpty))
                    {
                        continue;
                    }

                    var array = cells.ToImmutableArray();
                    for (var i = 0; i < repeat; i++)
                    {
                        if (++_emitted > limits.MaxRows)
                        {
                            throw new ListFormatException(archive.File, $"{ContentEntry} row {first + i}", $"more than {limits.MaxRows} rows");
                        }

                        _pending.Enqueue(new SheetRow(first + i, array));
                    }

                    return _pending.Dequeue();
                }
            }

            if (!_found)
            {
                throw new ListFormatException(archive.File, ContentEntry, tableName is null ? "no table in the document" : $"no table named '{tableName}'");
            }

            _done = true;
            return null;
        }

        private List<Cell> ReadRow(XmlReader xml, int rowNumber)
        {
            var depth = xml.Depth;
            var cells = new List<Cell>();
            var column = 0;
            while (xml.Read() && xml.Depth > depth)
            {
                if (xml.NodeType != XmlNodeType.Element || xml.NamespaceURI != TableNs
                    || (xml.LocalName != "table-cell" && xml.LocalName != "covered-table-cell"))
                {
                    continue;
                }

                var repeat = Repeat(xml.GetAttribute("number-columns-repeated", TableNs));
                var cell = xml.LocalName == "table-cell" ? ReadCell(xml) : SkipCell(xml);
                if (!cell.IsEmpty)
                {
                    if (column + repeat > limits.MaxColumns)
                    {
                        throw new ListFormatException(archive.File, $"{ContentEntry} row {rowNumber}", $"more than {limits.MaxColumns} columns");
                    }

                    while (cells.Count < column)
                    {
                        cells.Add(Cell.Empty);
                    }

                    for (var i = 0; i < repeat; i++)
                    {
                        cells.Add(cell);
                    }
                }

                column = (int)Math.Min((long)column + repeat, int.MaxValue);
            }

            return cells;
        }

        private static Cell SkipCell(XmlReader xml)
        {
            if (!xml.IsEmptyElement)
            {
                xml.Skip();
            }

            return Cell.Empty;
        }

        private static Cell ReadCell(XmlReader xml)
        {
            var type = xml.GetAttribute("value-type", OfficeNs);
            var value = xml.GetAttribute("value", OfficeNs);
            var date = xml.GetAttribute("date-value", OfficeNs);
            var boolean = xml.GetAttribute("boolean-value", OfficeNs);
            var text = xml.IsEmptyElement ? string.Empty : Paragraphs(xml);
            switch (type)
            {
                case "float" or "percentage" or "currency":
                    return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
                        ? Cell.FromNumber(d)
                        : Cell.FromText(text);
                case "date":
                    return Cell.FromText(date ?? text);
                case "boolean":
                    return Cell.FromText(boolean is "true" ? "TRUE" : boolean is "false" ? "FALSE" : text);
                default:
                    return Cell.FromText(text);
            }
        }

        /// <summary>Reads the <c>text:p</c> paragraphs of a cell (joined by line breaks); leaves the reader on the
        /// cell's end tag.</summary>
        private static string Paragraphs(XmlReader xml)
        {
            var depth = xml.Depth;
            var result = new StringBuilder();
            var paragraph = new StringBuilder();
            var paragraphs = 0;
            while (xml.Read() && xml.Depth > depth)
            {
                if (xml.NodeType == XmlNodeType.Element && xml.NamespaceURI == TextNs)
                {
                    switch (xml.LocalName)
                    {
                        case "p" or "h":
                            paragraph.Clear();
                            if (xml.IsEmptyElement)
                            {
                                Append(result, string.Empty, ref paragraphs);
                            }

                            break;
                        case "s":
                            var count = Repeat(xml.GetAttribute("c", TextNs));
                            paragraph.Append('\u0001', Math.Min(count, 1024));
                            break;
                        case "tab":
                            paragraph.Append('\u0002');
                            break;
                        case "line-break":
                            paragraph.Append('\u0003');
                            break;
                        default:
                            break;
                    }
                }
                else if (xml.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
                {
                    paragraph.Append(xml.Value);
                }
                else if (xml.NodeType == XmlNodeType.EndElement && xml.NamespaceURI == TextNs && xml.LocalName is "p" or "h")
                {
                    var collapsed = CollapseOdfSpace(paragraph.ToString())
                        .Replace('\u0001', ' ').Replace('\u0002', '\t').Replace('\u0003', '\n');
                    Append(result, collapsed, ref paragraphs);
                    paragraph.Clear();
                }
            }

            return result.ToString();
        }

        private static void Append(StringBuilder result, string paragraph, ref int paragraphs)
        {
            if (paragraphs++ > 0)
            {
                result.Append('\n');
            }

            result.Append(paragraph);
        }

        private static int Repeat(string? attribute) =>
            int.TryParse(attribute, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 1;
    }
}
