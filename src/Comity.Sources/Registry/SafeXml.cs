using System.Text.RegularExpressions;
using System.Xml;
using Comity.Sources.Abstractions;

namespace Comity.Sources.Registry;

/// <summary>Hardened, streaming XML access shared by the XML readers: DTDs are prohibited (no XXE, no entity
/// expansion), nothing is resolved, and every failure becomes a <see cref="ListFormatException"/> naming the file and
/// line.</summary>
internal static partial class SafeXml
{
    public static XmlReaderSettings Settings { get; } = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        CloseInput = true,
    };

    /// <summary>Opens <paramref name="path"/> for streaming with the hardened settings.</summary>
    public static XmlReader Open(string path)
    {
        var info = new FileInfo(path);
        if (info.Length == 0)
        {
            throw new ListFormatException(info.Name, "line 1", "empty file");
        }

        return XmlReader.Create(File.OpenRead(path), Settings);
    }

    /// <summary>Local name of the document element as seen in the first bytes (comments, the XML declaration and a
    /// DOCTYPE are skipped), or null when the head does not look like XML.</summary>
    public static string? RootLocalName(string headText)
    {
        var text = Comments().Replace(headText, string.Empty).TrimStart();
        if (!text.StartsWith('<'))
        {
            return null;
        }

        var m = FirstElement().Match(text);
        return m.Success ? m.Groups[1].Value : null;
    }

    /// <summary>Wraps an <see cref="XmlException"/> (malformed, truncated or hostile XML) into a
    /// <see cref="ListFormatException"/> naming file and line.</summary>
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

    private static int DoctypeLine(string path)
    {
        var head = ListProbe.HeadText(path);
        var at = head.IndexOf("<!DOCTYPE", StringComparison.Ordinal);
        return at < 0 ? 1 : head.AsSpan(0, at).Count('\n') + 1;
    }

    /// <summary>"line N" of the reader's current position, or "line ?" when unknown.</summary>
    public static string Line(XmlReader reader) =>
        reader is IXmlLineInfo { } li && li.HasLineInfo() ? $"line {li.LineNumber}" : "line ?";

    [GeneratedRegex(@"<!--.*?-->", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Comments();

    [GeneratedRegex(@"<(?![?!])(?:[A-Za-z_][\w.\-]*:)?([A-Za-z_][\w.\-]*)", RegexOptions.CultureInvariant)]
    private static partial Regex FirstElement();
}
