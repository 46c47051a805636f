using Comity.Core.Text;
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
        var records = new XmlRecords(path, "Designation", e => $"UniqueID={FcdoMapper.Value(e, "UniqueID")}", FcdoMapper.Map);
        string? published = null;
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

                return xml.LocalName == "Designation" && records.Add(xml);
            },
            cancellationToken);
        return records.Result(FcdoMapper.Source, FcdoMapper.Authority, Format, published);
    }
}
