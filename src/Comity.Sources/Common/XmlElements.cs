using System.Xml;
using System.Xml.Linq;
using Comity.Core.Text;

namespace Comity.Sources.Common;

/// <summary>Namespace-agnostic access to loaded element subtrees: children are matched by local name (OFAC moved
/// namespaces in 2024; attributes carry no namespace in the list formats), values are cleaned with
/// <see cref="TextValue.Clean(string?)"/>.</summary>
internal static class XmlElements
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

    /// <summary>An attribute value, cleaned; null when missing or blank.</summary>
    public static string? Attr(this XElement e, string name) => TextValue.Clean(e.Attribute(name)?.Value);

    /// <summary>The 1-based line of an element loaded with line info, or 0.</summary>
    public static int Line(this XElement e) => e is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : 0;
}
