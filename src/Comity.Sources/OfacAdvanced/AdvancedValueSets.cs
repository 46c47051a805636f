using System.Xml.Linq;
using Comity.Core.Text;
using Comity.Sources.Common;

namespace Comity.Sources.OfacAdvanced;

/// <summary>The <c>ReferenceValueSets</c> of one advanced-XML file: every <c>*Values/X ID="n"</c> element, by set name
/// (<c>AliasType</c>, <c>NamePartType</c>, <c>Country</c>, …) and ID. IDs are never hard-coded: OFAC renumbers between
/// publications and the fragments show that script IDs differ from the enhanced file's.</summary>
internal sealed class AdvancedValueSets
{
    private readonly Dictionary<(string Set, string Id), XElement> _values = [];
    private readonly Dictionary<(string Set, string Id), string?> _labels = [];

    public int Count => _values.Count;

    /// <summary>Loads a <c>ReferenceValueSets</c> subtree.</summary>
    public void Load(XElement referenceValueSets)
    {
        foreach (var set in referenceValueSets.Elements())
        {
            foreach (var value in set.Elements())
            {
                if (value.Attr("ID") is { } id)
                {
                    _values[(value.Name.LocalName, id)] = new XElement(value.Name.LocalName, value.Attributes());
                    _labels[(value.Name.LocalName, id)] = TextValue.Clean(value.Value);
                }
            }
        }
    }

    /// <summary>The label of a value, e.g. <c>Label("AliasType", "1400")</c> = <c>A.K.A.</c>; null when unknown.</summary>
    /// <remarks>Every call returns the same string instance, so labels repeated on thousands of parties are stored once.</remarks>
    public string? Label(string set, string? id) =>
        id is not null && _labels.TryGetValue((set, id), out var v) ? v : null;

    /// <summary>An attribute of a value, e.g. <c>Attribute("Country", "11115", "ISO2")</c> = <c>JP</c>.</summary>
    public string? Attribute(string set, string? id, string attribute) =>
        id is not null && _values.TryGetValue((set, id), out var v) ? v.Attr(attribute) : null;

    /// <summary>A country value as lowercase ISO alpha-2: its <c>ISO2</c> attribute, else its name resolved.</summary>
    public string? CountryIso(string? id)
    {
        if (Attribute("Country", id, "ISO2") is { Length: 2 } iso2)
        {
            return iso2.ToLowerInvariant();
        }

        return Label("Country", id) is { } name ? Countries.Resolve(name) : null;
    }
}
