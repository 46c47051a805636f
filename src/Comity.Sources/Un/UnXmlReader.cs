using System.Collections.Immutable;
using Comity.Core.Model;
using Comity.Sources.Abstractions;
using Comity.Sources.Common;

namespace Comity.Sources.Un;

/// <summary>Reads the UN Security Council consolidated list XML (<c>CONSOLIDATED_LIST</c>, LIST-FORMATS §3).
/// Records are streamed one at a time; each INDIVIDUAL or ENTITY becomes one entity of source <c>un-sc</c> keyed by
/// its trimmed REFERENCE_NUMBER.</summary>
internal sealed class UnXmlReader : IListReader
{
    public const string SourceName = "un-sc";

    public string Format => "un-xml";

    public bool CanRead(ListProbe probe) =>
        !probe.IsDirectory && SafeXml.RootName(ListProbe.HeadText(probe.Path)) == "CONSOLIDATED_LIST";

    public LoadResult Read(ListProbe probe, CancellationToken cancellationToken = default)
    {
        var path = probe.Path;
        var file = Path.GetFileName(path);
        var diagnostics = new List<Diagnostic>();
        var entities = new List<Entity>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal) { ["INDIVIDUAL"] = 0, ["ENTITY"] = 0 };
        string? published = null;
        XmlStream.Read(
            path,
            "CONSOLIDATED_LIST",
            null,
            root => published = root.GetAttribute("dateGenerated"),
            reader =>
            {
                if (reader.LocalName is not ("INDIVIDUAL" or "ENTITY"))
                {
                    return false;
                }

                var kind = reader.LocalName;
                var index = ++counts[kind];
                var location = $"{kind}[{index}] ({SafeXml.Where(reader)})";
                var element = SafeXml.ReadElement(reader);
                if (UnRecord.Map(element, kind == "INDIVIDUAL", file, location, diagnostics) is not { } entity)
                {
                    return true;
                }

                if (!seen.Add(entity.SourceId))
                {
                    diagnostics.Add(new Diagnostic(file, location, "duplicate-id", $"REFERENCE_NUMBER {entity.SourceId} repeats an earlier record; skipped", DiagnosticSeverity.Error));
                    return true;
                }

                entities.Add(entity);
                return true;
            },
            cancellationToken);

        var provenance = new Provenance(
            SourceName,
            "United Nations Security Council",
            Format,
            published,
            [SourceFiles.Describe(path)],
            counts.ToImmutableDictionary(StringComparer.Ordinal));
        return new LoadResult(provenance, [.. entities], [.. diagnostics]);
    }
}
