using System.Collections.Immutable;
using System.Xml.Linq;
using Comity.Core.Model;
using Comity.Core.Text;
using Comity.Sources.Abstractions;
using Comity.Sources.Common;

namespace Comity.Sources.Ch;

/// <summary>Reads the Swiss SECO sanctions list XML (<c>swiss-sanctions-list</c>, whole list or amendment;
/// LIST-FORMATS §6). Programmes are keyed by ssid and merged; the <c>place</c> list is read before targets are
/// mapped, wherever it appears in the file.</summary>
internal sealed class SecoXmlReader : IListReader
{
    public string Format => "seco-xml";

    public bool CanRead(ListProbe probe) =>
        !probe.IsDirectory && probe.Files.Count == 1 && SafeXml.RootName(ListProbe.HeadText(probe.Files[0])) == "swiss-sanctions-list";

    public LoadResult Read(ListProbe probe, CancellationToken cancellationToken = default)
    {
        var path = probe.Files[0];
        var file = Path.GetFileName(path);
        var diagnostics = new List<Diagnostic>();
        var programsBySet = new Dictionary<string, string>(StringComparer.Ordinal);
        var places = new Dictionary<string, SecoTargetMapper.SecoPlace>(StringComparer.Ordinal);
        var targets = new List<(XElement Target, int Line)>();
        string? published = null;
        string? listType = null;
        XmlStream.Read(
            path,
            "swiss-sanctions-list",
            null,
            root =>
            {
                published = TextValue.Clean(root.GetAttribute("date"));
                listType = TextValue.Clean(root.GetAttribute("list-type"));
            },
            xml =>
            {
                if (xml.Depth != 1)
                {
                    return false;
                }

                var line = SafeXml.Line(xml);
                var name = xml.LocalName;
                var element = SafeXml.ReadElement(xml);
                switch (name)
                {
                    case "sanctions-program":
                        AddProgram(element, programsBySet);
                        break;
                    case "target":
                        targets.Add((element, line));
                        break;
                    case "place":
                        AddPlace(element, places);
                        break;
                    default:
                        break;
                }

                return true;
            },
            cancellationToken);

        if (listType is not null && listType != "whole-list")
        {
            diagnostics.Add(new Diagnostic(file, "swiss-sanctions-list", "partial-list", $"list-type is '{listType}': this file holds changes, not the whole list"));
        }

        var entities = ImmutableArray.CreateBuilder<Entity>();
        for (var i = 0; i < targets.Count; i++)
        {
            var (target, line) = targets[i];
            var location = $"target[{i + 1}] ssid={(string?)target.Attribute("ssid")} (line {line})";
            if (SecoTargetMapper.Map(target, programsBySet, places, file, location, diagnostics) is { } entity)
            {
                entities.Add(entity);
            }
        }

        var counts = ImmutableDictionary<string, int>.Empty.Add("target", targets.Count)
            .Add("delisted", entities.Count(e => e.Property("status") == "delisted"));
        var provenance = new Provenance(
            SecoTargetMapper.Source,
            SecoTargetMapper.Authority,
            Format,
            published,
            [SourceFiles.Describe(path)],
            counts);
        return new LoadResult(provenance, entities.ToImmutable(), [.. diagnostics]);
    }

    private static void AddProgram(XElement program, Dictionary<string, string> programsBySet)
    {
        var keys = program.Els("program-key").ToList();
        var key = TextValue.Clean((keys.FirstOrDefault(k => k.Attr("lang") == "eng") ?? keys.FirstOrDefault())?.Value)
            ?? program.Attr("ssid");
        if (key is null)
        {
            return;
        }

        foreach (var set in program.Els("sanctions-set"))
        {
            if (set.Attr("ssid") is { } ssid)
            {
                programsBySet.TryAdd(ssid, key);
            }
        }
    }

    private static void AddPlace(XElement place, Dictionary<string, SecoTargetMapper.SecoPlace> places)
    {
        if (place.Attr("ssid") is not { } ssid)
        {
            return;
        }

        var country = place.El("country");
        var text = string.Join(", ", new[] { place.El("location")?.Value, place.El("area")?.Value, country?.Value }
            .Select(TextValue.Clean).OfType<string>());
        if (text.Length > 0)
        {
            places[ssid] = new SecoTargetMapper.SecoPlace(text, country?.Attr("iso-code")?.ToLowerInvariant() ?? CountryText.Resolve(country?.Value));
        }
    }
}
