using Comity.Core.Text;
using Comity.Sources.Abstractions;

namespace Comity.Sources.Spreadsheets;

/// <summary>The container a tabular list came in.</summary>
internal enum TabularKind
{
    Unknown,
    Xlsx,
    Ods,
    Delimited,
}

/// <summary>Reads a table whatever it came in (xlsx, ods or delimited text), judged from content.</summary>
internal static class TabularFile
{
    /// <summary>The container kind of a file, from its first bytes (and, for zips, its parts).</summary>
    public static TabularKind KindOf(string path)
    {
        var head = ListProbe.Head(path);
        if (SafeArchive.LooksLikeZip(head))
        {
            return XlsxReader.IsXlsx(path) ? TabularKind.Xlsx : OdsReader.IsOds(path) ? TabularKind.Ods : TabularKind.Unknown;
        }

        return LooksLikeText(head) ? TabularKind.Delimited : TabularKind.Unknown;
    }

    /// <summary>Streams the rows of the file; for delimited text the encoding is decided from content.</summary>
    public static IEnumerable<SheetRow> ReadRows(string path, char delimiter = ',', string? sheet = null) => KindOf(path) switch
    {
        TabularKind.Xlsx => XlsxReader.ReadRows(path, sheet),
        TabularKind.Ods => OdsReader.ReadRows(path, sheet),
        TabularKind.Delimited => DelimitedReader.ReadRows(Text(path), delimiter, Path.GetFileName(path)),
        _ => throw new ListFormatException(Path.GetFileName(path), "line 1", "not a spreadsheet or delimited text file"),
    };

    /// <summary>The decoded text of a delimited file; U+FFFE (valid UTF-8, but not text: normalisation refuses it) is
    /// refused naming its line.</summary>
    private static string Text(string path)
    {
        var text = TextDecoding.Decode(File.ReadAllBytes(path), out _);
        var at = text.IndexOf('\uFFFE', StringComparison.Ordinal);
        if (at >= 0)
        {
            var line = text.AsSpan(0, at).Count('\n') + 1;
            throw new ListFormatException(Path.GetFileName(path), string.Create(System.Globalization.CultureInfo.InvariantCulture, $"line {line}"),
                "invalid text: U+FFFE is not a character (a byte-swapped BOM?); nothing from the file was loaded");
        }

        return text;
    }

    /// <summary>The first <paramref name="count"/> rows, for format detection; empty when the file cannot be read.</summary>
    public static IReadOnlyList<SheetRow> HeadRows(string path, int count, char delimiter = ',', string? sheet = null)
    {
        try
        {
            var kind = KindOf(path);
            if (kind == TabularKind.Delimited)
            {
                var head = ListProbe.Head(path).ToArray();
                var text = TextDecoding.Decode(head, out _);
                var lastBreak = text.LastIndexOf('\n');
                text = lastBreak > 0 && head.Length >= 4096 ? text[..lastBreak] : text;
                return DelimitedReader.ReadRows(text, delimiter, Path.GetFileName(path)).Take(count).ToList();
            }

            return kind == TabularKind.Unknown ? [] : ReadRows(path, delimiter, sheet).Take(count).ToList();
        }
        catch (ListFormatException)
        {
            return [];
        }
    }

    /// <summary>True when the bytes look like text: no NUL bytes and few control characters.</summary>
    public static bool LooksLikeText(ReadOnlySpan<byte> head)
    {
        if (head.IsEmpty)
        {
            return false;
        }

        var control = 0;
        foreach (var b in head)
        {
            if (b == 0)
            {
                return false;
            }

            if (b < 0x20 && b is not (0x09 or 0x0A or 0x0D))
            {
                control++;
            }
        }

        return control * 100 < head.Length;
    }

    /// <summary>Cleaned header names of a row, for detection.</summary>
    public static HashSet<string> Names(SheetRow row)
    {
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var c in row.Cells)
        {
            if (TextValue.Clean(c.AsText()) is { } n)
            {
                set.Add(n);
            }
        }

        return set;
    }
}
