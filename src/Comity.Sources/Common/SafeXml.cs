using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Comity.Sources.Abstractions;

namespace Comity.Sources.Common;

/// <summary>Hardened, streaming XML access shared by the XML readers: DTDs are prohibited (no XXE, no entity
/// expansion), nothing is resolved, the document size is bounded, and every failure becomes a
/// <see cref="ListFormatException"/> naming the file, line and column.</summary>
internal static partial class SafeXml
{
    /// <summary>The largest document read, in characters (the biggest real list, OFAC's advanced XML, is ~120 MB).</summary>
    public const long MaxCharacters = 1L << 30;

    /// <summary>Settings for a whole document.</summary>
    public static XmlReaderSettings Settings { get; } = Create(ConformanceLevel.Document);

    /// <summary>Settings for a rootless fragment (several top-level elements).</summary>
    public static XmlReaderSettings FragmentSettings { get; } = Create(ConformanceLevel.Fragment);

    /// <summary>Opens <paramref name="path"/> for streaming with the hardened settings; an empty file is refused.</summary>
    public static XmlReader Open(string path) => Open(path, Settings);

    /// <summary>Opens a rootless fragment for streaming with the hardened settings.</summary>
    public static XmlReader OpenFragment(string path) => Open(path, FragmentSettings);

    /// <summary>Local name of the document element as seen in the first bytes (comments, the XML declaration and a
    /// DOCTYPE are skipped), or null when the head does not look like XML.</summary>
    public static string? RootName(string headText)
    {
        var text = Comments().Replace(headText, string.Empty).TrimStart();
        if (!text.StartsWith('<'))
        {
            return null;
        }

        var m = FirstElement().Match(text);
        return m.Success ? m.Groups[1].Value : null;
    }

    /// <summary><see cref="RootName(string)"/> of the first bytes of <paramref name="file"/>.</summary>
    public static string? RootNameOf(string file) => RootName(ListProbe.HeadText(file));

    /// <summary>Wraps an <see cref="XmlException"/> (malformed, truncated or hostile XML) into a
    /// <see cref="ListFormatException"/> naming file, line and column.</summary>
    public static ListFormatException Fail(string path, XmlException e)
    {
        var (line, column) = (e.LineNumber, e.LinePosition);
        if (line == 0)
        {
            // A prohibited DTD is reported without a position: point at the DOCTYPE.
            (line, column) = (DoctypeLine(path), 1);
        }

        return new(Path.GetFileName(path), $"line {line}, column {column}", $"malformed XML: {e.Message}", e);
    }

    /// <summary>The 1-based line of the reader's current node, or 0 when unknown.</summary>
    public static int Line(XmlReader reader) => reader is IXmlLineInfo li && li.HasLineInfo() ? li.LineNumber : 0;

    /// <summary>"line N" of the reader's current position, or "line ?" when unknown.</summary>
    public static string Where(XmlReader reader) => Line(reader) is > 0 and var n ? $"line {n}" : "line ?";

    /// <summary>Loads the element the reader is on as an <see cref="XElement"/> (with line info) and moves the reader
    /// to the node after it.</summary>
    public static XElement ReadElement(XmlReader reader)
    {
        XElement element;
        using (var subtree = reader.ReadSubtree())
        {
            element = XElement.Load(subtree, LoadOptions.SetLineInfo);
        }

        reader.Read();
        return element;
    }

    private static XmlReader Open(string path, XmlReaderSettings settings)
    {
        var info = new FileInfo(path);
        if (info.Length == 0)
        {
            throw new ListFormatException(info.Name, "line 1", "empty file");
        }

        return XmlReader.Create(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16), settings);
    }

    private static XmlReaderSettings Create(ConformanceLevel conformance) => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = 1 << 20,
        MaxCharactersInDocument = MaxCharacters,
        ConformanceLevel = conformance,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        CloseInput = true,
    };

    private static int DoctypeLine(string path)
    {
        var head = ListProbe.HeadText(path);
        var at = head.IndexOf("<!DOCTYPE", StringComparison.Ordinal);
        return at < 0 ? 1 : head.AsSpan(0, at).Count('\n') + 1;
    }

    [GeneratedRegex(@"<!--.*?-->", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Comments();

    [GeneratedRegex(@"<(?![?!])(?:[A-Za-z_][\w.\-]*:)?([A-Za-z_][\w.\-]*)", RegexOptions.CultureInvariant)]
    private static partial Regex FirstElement();
}
