using System.Collections.Immutable;
using System.Xml;
using System.Xml.Linq;
using Comity.Core.Model;
using Comity.Sources.Abstractions;

namespace Comity.Sources.Common;

/// <summary>Collects the record elements of an XML list (one <c>sanctionEntity</c>, <c>Designation</c>, ... per
/// listing) as entities while <see cref="XmlStream"/> streams the file: counts them, locates each one
/// (<c>Designation[12] UniqueID=RUS0251 (line 340)</c>), maps it, and builds the <see cref="LoadResult"/>.</summary>
internal sealed class XmlRecords(string path, string element, Func<XElement, string> key, Func<XElement, string, string, List<Diagnostic>, Entity?> map)
{
    private readonly ImmutableArray<Entity>.Builder _entities = ImmutableArray.CreateBuilder<Entity>();
    private readonly List<Diagnostic> _diagnostics = [];
    private readonly string _file = Path.GetFileName(path);
    private int _count;

    /// <summary>Reads and maps the record under the reader (positioned on its start tag); always reads past it.</summary>
    public bool Add(XmlReader xml)
    {
        _count++;
        var line = SafeXml.Line(xml);
        var record = SafeXml.ReadElement(xml);
        var location = $"{element}[{_count}] {key(record)} (line {line})";
        if (map(record, _file, location, _diagnostics) is { } entity)
        {
            _entities.Add(entity);
        }

        return true;
    }

    /// <summary>The loaded list, with its provenance and the record count.</summary>
    public LoadResult Result(string source, string authority, string format, string? published) =>
        new(
            new Provenance(source, authority, format, published, [SourceFiles.Describe(path)], ImmutableDictionary<string, int>.Empty.Add(element, _count)),
            _entities.ToImmutable(),
            [.. _diagnostics]);
}
