using System.Xml;
using Comity.Sources.Abstractions;
using Comity.Sources.Custom;

namespace Comity.Sources.OfacAdvanced;

/// <summary>Reads a rootless piece of an advanced-XML file (<c>ofac-advanced-fragment</c>): one or more
/// <c>DistinctParty</c>, <c>Locations</c>, <c>IDRegDocuments</c>, <c>ProfileRelationships</c>, <c>SanctionsEntries</c>
/// or <c>DateOfIssue</c> elements without the <c>Sanctions</c> document element, as OFAC's minified samples are cut.
/// Parties become entities; without the file's <c>ReferenceValueSets</c> their type ids (alias, name-part, document and
/// country types) cannot be resolved, which is reported once.</summary>
internal sealed class OfacAdvancedFragmentReader : IListReader
{
    private static readonly HashSet<string> Roots = new(
        ["DateOfIssue", "ReferenceValueSets", "DistinctParties", "DistinctParty", "Locations", "Location", "IDRegDocuments", "IDRegDocument",
         "ProfileRelationships", "ProfileRelationship", "SanctionsEntries", "SanctionsEntry"],
        StringComparer.Ordinal);

    private static readonly XmlReaderSettings Settings = Fragments();

    public string Format => "ofac-advanced-fragment";

    public bool CanRead(ListProbe probe) =>
        !probe.IsDirectory && probe.Files.Count == 1 && ReadSupport.RootElement(probe.Files[0]) is { } root && Roots.Contains(root);

    public LoadResult Read(ListProbe probe, CancellationToken cancellationToken = default)
    {
        var file = probe.Files[0];
        var name = Path.GetFileName(file);
        var state = new AdvancedState(name);
        try
        {
            using var xml = XmlReader.Create(new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16), Settings);
            xml.Read();
            while (!xml.EOF)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (xml.NodeType == XmlNodeType.Element && AdvancedState.Handles(xml.LocalName))
                {
                    var line = XmlLocal.Line(xml);
                    var local = xml.LocalName;
                    state.Accept(local, XmlLocal.ReadSubtree(xml), line);
                }
                else
                {
                    xml.Read();
                }
            }
        }
        catch (XmlException ex)
        {
            throw ReadSupport.XmlFailure(file, ex);
        }

        if (state.HasTypedRecords && !state.HasValueSets)
        {
            state.Report(new Diagnostic(name, "line 1", "unresolved-types", "advanced-XML fragment without ReferenceValueSets: type ids (alias, name-part, document, country, list and programme types) cannot be resolved, so names, identifiers and addresses are read without their types"));
        }

        return state.Finish(file, Format);
    }

    private static XmlReaderSettings Fragments()
    {
        var settings = ReadSupport.XmlSettings();
        settings.ConformanceLevel = ConformanceLevel.Fragment;
        return settings;
    }
}
