using System.Xml.Linq;
using Comity.Core.Model;
using Comity.Core.Text;
using Comity.Sources.Common;

namespace Comity.Sources.OfacAdvanced;

/// <summary>A <c>Location</c> resolved through the value sets and kept compactly until the parties that use it are read.</summary>
internal sealed record AdvancedLocation(string? Country, string? CountryName, IReadOnlyList<(string Type, string Value)> Parts)
{
    public static AdvancedLocation From(XElement location, AdvancedValueSets values)
    {
        var countryId = location.El("LocationCountry")?.Attr("CountryID");
        var parts = new List<(string, string)>();
        foreach (var part in location.Els("LocationPart"))
        {
            var type = values.Label("LocPartType", part.Attr("LocPartTypeID")) ?? "PART";
            var value = part.Els("LocationPartValue").FirstOrDefault(v => v.Attr("Primary") != "false") ?? part.El("LocationPartValue");
            if (TextValue.Clean(value?.Text("Value")) is { } text)
            {
                parts.Add((type, text));
            }
        }

        return new AdvancedLocation(values.CountryIso(countryId), values.Label("Country", countryId), parts);
    }

    /// <summary>The location as one line: parts in document order, then the country name.</summary>
    public string? Text
    {
        get
        {
            var all = Parts.Select(p => p.Value).Append(CountryName).OfType<string>().ToList();
            return all.Count == 0 ? null : string.Join(", ", all);
        }
    }

    public Address? ToAddress()
    {
        if (Text is not { } full)
        {
            return null;
        }

        string? Get(params string[] types) => Parts.Where(p => types.Contains(p.Type, StringComparer.Ordinal)).Select(p => p.Value).FirstOrDefault();
        var street = string.Join(", ", Parts.Where(p => p.Type.StartsWith("ADDRESS", StringComparison.Ordinal)).Select(p => p.Value));
        return new Address(full, street.Length == 0 ? null : street, Get("CITY"), Get("STATE/PROVINCE", "REGION"), Get("POSTAL CODE"), Country);
    }
}
