using System.Globalization;
using System.Text;
using System.Xml;
using Comity.Sources.Abstractions;

namespace Comity.Sources.Spreadsheets;

/// <summary>Reads the cells of an Office Open XML workbook (.xlsx): shared and inline strings, numbers (date cells
/// stay Excel serials), booleans and formula results, one sheet chosen by name.</summary>
internal static class XlsxReader
{
    private const string WorkbookEntry = "xl/workbook.xml";
    private const string RelationshipNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <summary>True when the file is a zip that holds an xlsx workbook part.</summary>
    public static bool IsXlsx(string path)
    {
        if (!SafeArchive.LooksLikeZip(ListProbe.Head(path)))
        {
            return false;
        }

        try
        {
            using var archive = SafeArchive.Open(path);
            return archive.Contains(WorkbookEntry);
        }
        catch (ListFormatException)
        {
            return false;
        }
    }

    /// <summary>The sheet names in workbook order.</summary>
    public static IReadOnlyList<string> SheetNames(string path)
    {
        using var archive = SafeArchive.Open(path);
        return archive.Guard(WorkbookEntry, () => Sheets(archive)).Select(s => s.Name).ToList();
    }

    /// <summary>Streams the non-blank rows of the sheet named <paramref name="sheetName"/> (the first sheet when
    /// null). Throws <see cref="ListFormatException"/> for a corrupt, truncated or hostile workbook.</summary>
    public static IEnumerable<SheetRow> ReadRows(string path, string? sheetName = null, SpreadsheetLimits? limits = null)
    {
        using var archive = SafeArchive.Open(path, limits);
        using var cursor = archive.Guard(WorkbookEntry, () => Open(archive, sheetName, limits ?? SpreadsheetLimits.Default));
        while (cursor.Next() is { } row)
        {
            yield return row;
        }
    }

    private static Cursor Open(SafeArchive archive, string? sheetName, SpreadsheetLimits limits)
    {
        var sheets = Sheets(archive);
        if (sheets.Count == 0)
        {
            throw new ListFormatException(archive.File, WorkbookEntry, "the workbook has no sheets");
        }

        var index = sheetName is null ? 0 : sheets.FindIndex(s => string.Equals(s.Name, sheetName, StringComparison.Ordinal));
        if (index < 0)
        {
            throw new ListFormatException(archive.File, WorkbookEntry, $"no sheet named '{sheetName}'");
        }

        var sheet = sheets[index];
        var targets = Relationships(archive, "xl/_rels/workbook.xml.rels");
        var sharedStringsEntry = targets.Values.FirstOrDefault(t => t.EndsWith("sharedStrings.xml", StringComparison.OrdinalIgnoreCase));
        var shared = new SharedStrings(archive, sharedStringsEntry is not null && archive.Contains(sharedStringsEntry) ? sharedStringsEntry : null);
        if (!targets.TryGetValue(sheet.RelationshipId, out var entry))
        {
            throw new ListFormatException(archive.File, WorkbookEntry, $"sheet '{sheet.Name}' has no part");
        }

        return new Cursor(archive, entry, shared, limits);
    }

    private static List<(string Name, string RelationshipId)> Sheets(SafeArchive archive)
    {
        var result = new List<(string, string)>();
        using var xml = archive.OpenXml(WorkbookEntry);
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "sheet")
            {
                var name = xml.GetAttribute("name") ?? string.Empty;
                var id = xml.GetAttribute("id", RelationshipNs) ?? string.Empty;
                result.Add((name, id));
            }
        }

        return result;
    }

    private static Dictionary<string, string> Relationships(SafeArchive archive, string relsEntry)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!archive.Contains(relsEntry))
        {
            return map;
        }

        archive.Guard(relsEntry, () =>
        {
            using var xml = archive.OpenXml(relsEntry);
            while (xml.Read())
            {
                if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "Relationship"
                    && xml.GetAttribute("Id") is { } id && xml.GetAttribute("Target") is { } target)
                {
                    map[id] = target.StartsWith('/') ? target[1..] : "xl/" + target;
                }
            }

            return map;
        });
        return map;
    }

    /// <summary>The shared-string table, read on demand: only as far as the highest index used so far, so that
    /// reading the header rows does not parse the whole table.</summary>
    private sealed class SharedStrings(SafeArchive archive, string? entry) : IDisposable
    {
        private readonly List<string> _items = [];
        private XmlReader? _xml;
        private bool _done = entry is null;

        public string? Get(int index)
        {
            while (_items.Count <= index && !_done)
            {
                archive.Guard(entry!, ReadOne);
            }

            return index < _items.Count ? _items[index] : null;
        }

        public void Dispose() => _xml?.Dispose();

        private bool ReadOne()
        {
            _xml ??= archive.OpenXml(entry!);
            while (_xml.Read())
            {
                if (_xml.NodeType == XmlNodeType.Element && _xml.LocalName == "si")
                {
                    _items.Add(_xml.IsEmptyElement ? string.Empty : RichText(_xml));
                    return true;
                }
            }

            _done = true;
            return false;
        }
    }

    /// <summary>Concatenates the <c>t</c> runs of an <c>si</c> or <c>is</c> element, skipping phonetic runs; leaves
    /// the reader on the end tag.</summary>
    private static string RichText(XmlReader xml)
    {
        var depth = xml.Depth;
        var sb = new StringBuilder();
        var phonetic = -1;
        var more = xml.Read();
        while (more && xml.Depth > depth)
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "rPh" && !xml.IsEmptyElement)
            {
                phonetic = xml.Depth;
            }
            else if (xml.NodeType == XmlNodeType.EndElement && xml.Depth == phonetic)
            {
                phonetic = -1;
            }
            else if (phonetic < 0 && xml.NodeType == XmlNodeType.Element && xml.LocalName == "t" && !xml.IsEmptyElement)
            {
                sb.Append(xml.ReadElementContentAsString());
                continue;
            }

            more = xml.Read();
        }

        return sb.ToString();
    }

    /// <summary>Column index (0-based) from a cell reference such as <c>AJ12</c>; -1 when there is none.</summary>
    internal static int ColumnIndex(ReadOnlySpan<char> reference)
    {
        var index = 0;
        var letters = 0;
        foreach (var c in reference)
        {
            if (!char.IsAsciiLetter(c))
            {
                break;
            }

            index = (index * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
            letters++;
            if (letters > 3)
            {
                return -1;
            }
        }

        return letters == 0 ? -1 : index - 1;
    }

    private sealed class Cursor(SafeArchive archive, string entry, SharedStrings shared, SpreadsheetLimits limits) : IDisposable
    {
        private XmlReader? _xml;
        private int _lastRow;

        public SheetRow? Next() => archive.Guard(entry, ReadNext);

        public void Dispose()
        {
            _xml?.Dispose();
            shared.Dispose();
        }

        private SheetRow? ReadNext()
        {
            _xml ??= archive.OpenXml(entry);
            var xml = _xml;
            while (xml.Read())
            {
                if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "row")
                {
                    continue;
                }

                var number = int.TryParse(xml.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : _lastRow + 1;
                _lastRow = number;
                if (xml.IsEmptyElement)
                {
                    continue;
                }

                var row = ReadRow(xml, number);
                if (row is not null)
                {
                    return row;
                }
            }

            return null;
        }

        private SheetRow? ReadRow(XmlReader xml, int number)
        {
            var depth = xml.Depth;
            var cells = new List<Cell>();
            var column = -1;
            while (xml.Read() && xml.Depth > depth)
            {
                if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "c")
                {
                    continue;
                }

                var reference = xml.GetAttribute("r");
                var index = reference is null ? column + 1 : ColumnIndex(reference);
                if (index < 0 || index >= limits.MaxColumns)
                {
                    throw new ListFormatException(archive.File, $"{entry} row {number}", $"bad cell reference '{reference}'");
                }

                column = index;
                var type = xml.GetAttribute("t");
                var cell = xml.IsEmptyElement ? Cell.Empty : ReadCell(xml, type, number);
                while (cells.Count <= index)
                {
                    cells.Add(Cell.Empty);
                }

                cells[index] = cell;
            }

            return cells.Exists(c => !c.IsEmpty) ? new SheetRow(number, [.. cells]) : null;
        }

        private Cell ReadCell(XmlReader xml, string? type, int number)
        {
            var depth = xml.Depth;
            string? value = null;
            string? inline = null;
            while (xml.Read() && xml.Depth > depth)
            {
                if (xml.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                if (xml.LocalName == "v" && !xml.IsEmptyElement)
                {
                    value = xml.ReadElementContentAsString();
                    if (xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth)
                    {
                        break;
                    }
                }
                else if (xml.LocalName == "is" && !xml.IsEmptyElement)
                {
                    inline = RichText(xml);
                }
            }

            switch (type)
            {
                case "s":
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var i) || shared.Get(i) is not { } text)
                    {
                        throw new ListFormatException(archive.File, $"{entry} row {number}", $"bad shared-string index '{value}'");
                    }

                    return Cell.FromText(text);
                case "inlineStr":
                    return Cell.FromText(inline);
                case "str" or "e":
                    return Cell.FromText(value);
                case "b":
                    return Cell.FromText(value == "1" ? "TRUE" : "FALSE");
                default:
                    if (value is null)
                    {
                        return Cell.Empty;
                    }

                    return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
                        ? Cell.FromNumber(d)
                        : Cell.FromText(value);
            }
        }
    }
}
