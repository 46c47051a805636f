using System.Collections.Immutable;
using Comity.Core.Model;
using Comity.Sources.Abstractions;
using Comity.Sources.Common;

namespace Comity.Sources.Uk;

/// <summary>Reads the FCDO UK Sanctions List XML (<c>Designations</c> root, one <c>Designation</c> per designation;
/// LIST-FORMATS §5.1), streaming one designation at a time.</summary>
internal sealed class FcdoXmlReader : IListReader
{
    public string Format => "fcdo-xml";

    public bool CanRead(ListProbe probe)
    {
        if (probe.IsDirectory || probe.Files.Count != 1)
        {
            return false;
        }

        var head = ListProbe.HeadText(probe.Files[0]);
        return SafeXml.RootName(head) == "Designations" && head.Contains("<Designation", StringComparison.Ordinal);
    }

    public LoadResult Read(ListProbe probe, CancellationToken cancellationToken = default)
    {
        var path = probe.Files[0];
        var file = Path.GetFileName(path);
        var entities = ImmutableArray.CreateBuilder<Entity>();
        var diagnostics = new List<Diagnostic>();
        string? published = null;
        var count = 0;
        XmlStream.Read(
            path,
            "Designations",
            null,
            null,
            xml =>
            {
                if (xml.LocalName == "DateGenerated")
                {
                    published = DateText.Single(TextValue.Clean(xml.ReadElementContentAsString()) ?? string.Empty)?.ToString();
                    return true;
                }

                if (xml.LocalName != "Designation")
                {
                    return false;
                }

                count++;
                var line = SafeXml.Line(xml);
                var element = SafeXml.ReadElement(xml);
                var location = $"Designation[{count}] UniqueID={FcdoMapper.Value(element, "UniqueID")} (line {line})";
                if (FcdoMapper.Map(element, file, location, diagnostics) is { } entity)
                {
                    entities.Add(entity);
                }

                return true;
            },
            cancellationToken);

        var provenance = new Provenance(
            FcdoMapper.Source,
            FcdoMapper.Authority,
            Format,
            published,
            [SourceFiles.Describe(path)],
            ImmutableDictionary<string, int>.Empty.Add("Designation", count));
        return new LoadResult(provenance, entities.ToImmutable(), [.. diagnostics]);
    }
}
