using System.Xml;
using System.Xml.Linq;
using Comity.Sources.Abstractions;

namespace Comity.Sources.Building;

/// <summary>Opens XML list files safely (no DTD, no external resolution) and streams their record elements.</summary>
internal static class SafeXml
{
    public static XmlReaderSettings Settings { get; } = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    public static XmlReader Open(string path) => XmlReader.Create(File.OpenRead(path), Settings);

    /// <summary>The local name of the root element, or null when the text is not XML.</summary>
    public static string? RootName(string headText)
    {
        try
        {
            using var reader = XmlReader.Create(new StringReader(headText), Settings);
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element)
                {
                    return reader.LocalName;
                }
            }
        }
        catch (XmlException)
        {
            // A head cut in the middle of a tag still yields the root when the root tag is complete.
        }

        return null;
    }

    /// <summary>The 1-based line of the reader's current node, or 0.</summary>
    public static int Line(XmlReader reader) => reader is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : 0;

    /// <summary>Loads the current element as an <see cref="XElement"/> (with line info) and moves the reader to the
    /// node after it.</summary>
    public static XElement LoadElement(XmlReader reader)
    {
        XElement element;
        using (var subtree = reader.ReadSubtree())
        {
            element = XElement.Load(subtree, LoadOptions.SetLineInfo);
        }

        reader.Read();
        return element;
    }

    /// <summary>Turns an <see cref="XmlException"/> into a <see cref="ListFormatException"/> naming file and line.</summary>
    public static ListFormatException Malformed(string file, XmlException ex) =>
        new(file, ex.LineNumber > 0 ? $"line {ex.LineNumber}" : "start of file", $"malformed or refused XML ({ex.Message})", ex);

    /// <summary>Attribute value cleaned with <see cref="Common.TextValue.Clean(string?)"/>; null when missing or blank.</summary>
    public static string? Attr(this XElement element, string name) => Common.TextValue.Clean((string?)element.Attribute(name));

    /// <summary>The children with the given local name (any namespace).</summary>
    public static IEnumerable<XElement> Children(this XElement element, string localName) =>
        element.Elements().Where(e => e.Name.LocalName == localName);

    /// <summary>The first child with the given local name (any namespace), or null.</summary>
    public static XElement? Child(this XElement element, string localName) =>
        element.Elements().FirstOrDefault(e => e.Name.LocalName == localName);

    /// <summary>The 1-based line of an element loaded with line info, or 0.</summary>
    public static int Line(this XElement element) => element is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : 0;
}
