using System.Collections.Immutable;
using Comity.Core.Model;
using Comity.Sources.Abstractions;
using Comity.Sources.Common;

namespace Comity.Sources.Eu;

/// <summary>Reads the EU Financial Sanctions Files XML 1.1 (<c>export</c> root, namespace
/// <c>http://eu.europa.ec/fpi/fsd/export</c>; LIST-FORMATS §4.1), streaming one <c>sanctionEntity</c> at a time.</summary>
internal sealed class EuFsfXmlReader : IListReader
{
    public const string Namespace = "http://eu.europa.ec/fpi/fsd/export";

    public string Format => "eu-fsf-xml";

    public bool CanRead(ListProbe probe)
    {
        if (probe.IsDirectory || probe.Files.Count != 1)
        {
            return false;
        }

        var head = ListProbe.HeadText(probe.Files[0]);
        return head.Contains(Namespace, StringComparison.Ordinal) && SafeXml.RootName(head) == "export";
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
            "export",
            Namespace,
            root => published = TextValue.Clean(root.GetAttribute("generationDate")),
            xml =>
            {
                if (xml.LocalName != "sanctionEntity")
                {
                    return false;
                }

                count++;
                var line = SafeXml.Line(xml);
                var element = SafeXml.ReadElement(xml);
                var location = $"sanctionEntity[{count}] logicalId={(string?)element.Attribute("logicalId")} (line {line})";
                if (FsfEntityMapper.Map(element, file, location, diagnostics) is { } entity)
                {
                    entities.Add(entity);
                }

                return true;
            },
            cancellationToken);

        var provenance = new Provenance(
            FsfEntityMapper.Source,
            FsfEntityMapper.Authority,
            Format,
            published,
            [SourceFiles.Describe(path)],
            ImmutableDictionary<string, int>.Empty.Add("sanctionEntity", count));
        return new LoadResult(provenance, entities.ToImmutable(), [.. diagnostics]);
    }
}
