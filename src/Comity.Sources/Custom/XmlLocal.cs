using System.Xml;
using System.Xml.Linq;
using Comity.Sources.Common;

namespace Comity.Sources.Custom;

/// <summary>Namespace-agnostic access to element subtrees (OFAC moved namespaces in 2024: match by local name).</summary>
internal static class XmlLocal
{
    /// <summary>The first child element with this local name, or null.</summary>
    public static XElement? El(this XElement e, string local)
    {
        foreach (var c in e.Elements())
        {
            if (c.Name.LocalName == local)
            {
                return c;
            }
        }

        return null;
    }

    /// <summary>The child elements with this local name.</summary>
    public static IEnumerable<XElement> Els(this XElement e, string local) => e.Elements().Where(c => c.Name.LocalName == local);

    /// <summary>The cleaned text of the first child with this local name, or null.</summary>
    public static string? Text(this XElement e, string local) => TextValue.Clean(e.El(local)?.Value);

    /// <summary>An attribute value (attributes carry no namespace in these formats), cleaned.</summary>
    public static string? Attr(this XElement e, string name) => TextValue.Clean(e.Attribute(name)?.Value);

    /// <summary>Reads the element the reader is on as a subtree, leaving the reader on the next node.</summary>
    public static XElement ReadSubtree(XmlReader reader) => (XElement)XNode.ReadFrom(reader);

    /// <summary>The line of the reader's current node, or 0.</summary>
    public static int Line(XmlReader reader) => reader is IXmlLineInfo info ? info.LineNumber : 0;
}
