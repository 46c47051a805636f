using Comity.Sources.Abstractions;
using Comity.Sources.Common;

namespace Comity.Sources.OfacAdvanced;

/// <summary>Reads OFAC's SDN_ADVANCED.XML / CONS_ADVANCED.XML (root <c>Sanctions</c>, UN Sanctions List Data Model;
/// LIST-FORMATS §1.3), in both the 2018 (<c>http://www.un.org/sanctions/1.0</c>) and the 2024+ Sanctions List Service
/// namespace. One streaming pass: value sets, locations and ID documents are kept compactly as they come; each
/// <c>DistinctParty</c> is read as its own subtree; relationships and sanctions entries (which follow the parties) are
/// attached to the parties' drafts; the entities are built at the end.</summary>
internal sealed class OfacAdvancedXmlReader : IListReader
{
    public string Format => "ofac-advanced-xml";

    public bool CanRead(ListProbe probe)
    {
        if (probe.IsDirectory || probe.Files.Count != 1 || SafeXml.RootNameOf(probe.Files[0]) != "Sanctions")
        {
            return false;
        }

        var head = ListProbe.HeadText(probe.Files[0]);
        return head.Contains("http://www.un.org/sanctions/1.0", StringComparison.Ordinal)
            || head.Contains("exports/ADVANCED_XML", StringComparison.Ordinal)
            || head.Contains("DateOfIssue", StringComparison.Ordinal)
            || head.Contains("ReferenceValueSets", StringComparison.Ordinal);
    }

    public LoadResult Read(ListProbe probe, CancellationToken cancellationToken = default)
    {
        var file = probe.Files[0];
        var state = new AdvancedState(Path.GetFileName(file));
        XmlStream.Read(file, "Sanctions", null, null, state.Visit, cancellationToken);

        return state.Finish(file, Format);
    }
}
