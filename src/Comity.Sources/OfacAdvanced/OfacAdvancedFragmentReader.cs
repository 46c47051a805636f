using Comity.Sources.Abstractions;
using Comity.Sources.Common;

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

    public string Format => "ofac-advanced-fragment";

    public bool CanRead(ListProbe probe) =>
        !probe.IsDirectory && probe.Files.Count == 1 && SafeXml.RootNameOf(probe.Files[0]) is { } root && Roots.Contains(root);

    public LoadResult Read(ListProbe probe, CancellationToken cancellationToken = default)
    {
        var file = probe.Files[0];
        var name = Path.GetFileName(file);
        var state = new AdvancedState(name);
        XmlStream.ReadFragment(file, state.Visit, cancellationToken);

        if (state.HasTypedRecords && !state.HasValueSets)
        {
            state.Report(new Diagnostic(name, "line 1", "unresolved-types", "advanced-XML fragment without ReferenceValueSets: type ids (alias, name-part, document, country, list and programme types) cannot be resolved, so names, identifiers and addresses are read without their types"));
        }

        return state.Finish(file, Format);
    }
}
