using System.Xml;
using Comity.Sources.Abstractions;

namespace Comity.Sources.Common;

/// <summary>The streaming loop the XML list readers share: open with <see cref="SafeXml"/>, check the document
/// element, visit every element below it, and turn malformed or hostile XML into a <see cref="ListFormatException"/>
/// naming file, line and column.</summary>
internal static class XmlStream
{
    /// <summary>Streams the document at <paramref name="path"/>. The document element must have the local name
    /// <paramref name="root"/> (and the namespace <paramref name="ns"/> when given), else a
    /// <see cref="ListFormatException"/> at its line. <paramref name="onRoot"/> sees the reader on the document
    /// element (for its attributes). <paramref name="visit"/> is called for every element below it with the reader on
    /// the start tag; it returns true when it has read past the element (<see cref="SafeXml.ReadElement"/>,
    /// <see cref="XmlReader.ReadElementContentAsString()"/>), false to step into it.</summary>
    public static void Read(string path, string root, string? ns, Action<XmlReader>? onRoot, Func<XmlReader, bool> visit, CancellationToken cancellationToken)
    {
        try
        {
            using var xml = SafeXml.Open(path);
            if (xml.MoveToContent() != XmlNodeType.Element || xml.LocalName != root || (ns is not null && xml.NamespaceURI != ns))
            {
                throw new ListFormatException(Path.GetFileName(path), SafeXml.Where(xml), $"root element is <{xml.LocalName}>, expected <{root}>");
            }

            onRoot?.Invoke(xml);
            xml.Read();
            Visit(xml, visit, cancellationToken);
        }
        catch (XmlException ex)
        {
            throw SafeXml.Fail(path, ex);
        }
    }

    /// <summary>Streams a rootless fragment (several top-level elements), calling <paramref name="visit"/> for every
    /// element as <see cref="Read"/> does.</summary>
    public static void ReadFragment(string path, Func<XmlReader, bool> visit, CancellationToken cancellationToken)
    {
        try
        {
            using var xml = SafeXml.OpenFragment(path);
            xml.Read();
            Visit(xml, visit, cancellationToken);
        }
        catch (XmlException ex)
        {
            throw SafeXml.Fail(path, ex);
        }
    }

    private static void Visit(XmlReader xml, Func<XmlReader, bool> visit, CancellationToken cancellationToken)
    {
        while (!xml.EOF)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (xml.NodeType != XmlNodeType.Element || !visit(xml))
            {
                xml.Read();
            }
        }
    }
}
