using System.Collections.Immutable;
using System.Xml.Linq;
using Comity.Core.Text;
using Comity.Sources.Abstractions;
using Comity.Sources.Common;

namespace Comity.Sources.Ofac;

/// <summary>Reads the OFAC classic XML (<c>ofac-xml</c>, root <c>sdnList</c>: SDN.XML and CONSOLIDATED.XML,
/// LIST-FORMATS §1.2). Elements are matched by local name, so both the 2024 Sanctions List Service namespace and the
/// pre-2024 <c>http://tempuri.org/sdnList.xsd</c> namespace are read. Content cannot tell the SDN list from the
/// consolidated list, so the file name chooses the dataset name (a name containing <c>cons</c> →
/// <c>us-ofac-cons</c>, otherwise <c>us-ofac-sdn</c>).</summary>
internal sealed class OfacXmlReader : IListReader
{
    public string Format => "ofac-xml";

    public bool CanRead(ListProbe probe) =>
        !probe.IsDirectory && SafeXml.RootName(ListProbe.HeadText(probe.Path)) == "sdnList";

    public LoadResult Read(ListProbe probe, CancellationToken cancellationToken = default)
    {
        var path = probe.Path;
        var file = Path.GetFileName(path);
        var source = file.Contains("cons", StringComparison.OrdinalIgnoreCase) ? OfacCsvReader.ConsSource : OfacCsvReader.SdnSource;
        var diagnostics = new List<Diagnostic>();
        var entities = new List<Core.Model.Entity>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal) { ["sdnEntry"] = 0 };
        string? published = null;
        XmlStream.Read(
            path,
            "sdnList",
            null,
            null,
            reader =>
            {
                switch (reader.LocalName)
                {
                    case "Publish_Date":
                        published = PublishDate(reader.ReadElementContentAsString(), file, SafeXml.Where(reader), diagnostics);
                        return true;
                    case "Record_Count":
                        counts["Record_Count"] = int.TryParse(reader.ReadElementContentAsString(), out var n) ? n : -1;
                        return true;
                    case "sdnEntry":
                        var index = ++counts["sdnEntry"];
                        var location = $"sdnEntry[{index}] ({SafeXml.Where(reader)})";
                        var element = SafeXml.ReadElement(reader);
                        Count(element, counts);
                        if (OfacXmlEntry.Map(element, source, file, location, diagnostics) is not { } entity)
                        {
                            return true;
                        }

                        if (!seen.Add(entity.SourceId))
                        {
                            diagnostics.Add(new Diagnostic(file, location, "duplicate-id", $"uid {entity.SourceId} repeats an earlier entry; skipped", DiagnosticSeverity.Error));
                            return true;
                        }

                        entities.Add(entity);
                        return true;
                    default:
                        return false;
                }
            },
            cancellationToken);

        var provenance = new Provenance(source, OfacCsvReader.Authority, Format, published, [SourceFiles.Describe(path)], counts.ToImmutableDictionary(StringComparer.Ordinal));
        return new LoadResult(provenance, [.. entities], [.. diagnostics]);
    }

    private static string? PublishDate(string text, string file, string location, List<Diagnostic> diagnostics)
    {
        var clean = TextValue.Clean(text);
        if (clean is null)
        {
            return null;
        }

        if (DateText.Single(clean, DateOrder.MonthFirst) is { HasDay: true } date)
        {
            return date.ToString();
        }

        diagnostics.Add(new Diagnostic(file, location, "bad-date", $"Publish_Date '{clean}' is not MM/dd/yyyy"));
        return null;
    }

    private static void Count(XElement entry, Dictionary<string, int> counts)
    {
        foreach (var e in entry.Descendants())
        {
            if (e.Name.LocalName is "aka" or "id" or "address" or "dateOfBirthItem" or "placeOfBirthItem" or "nationality" or "citizenship")
            {
                counts[e.Name.LocalName] = counts.GetValueOrDefault(e.Name.LocalName) + 1;
            }
        }
    }
}
