using Comity.Core.Text;
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
        var records = new XmlRecords(path, "sanctionEntity", e => $"logicalId={(string?)e.Attribute("logicalId")}", FsfEntityMapper.Map);
        string? published = null;
        XmlStream.Read(
            path,
            "export",
            Namespace,
            root => published = TextValue.Clean(root.GetAttribute("generationDate")),
            xml => xml.LocalName == "sanctionEntity" && records.Add(xml),
            cancellationToken);
        return records.Result(FsfEntityMapper.Source, FsfEntityMapper.Authority, Format, published);
    }
}
