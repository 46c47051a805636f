using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using System.Xml;
using Comity.Core.Model;
using Comity.Core.Text;
using Comity.Sources.Abstractions;
using Comity.Sources.Building;
using Comity.Sources.Common;

namespace Comity.Sources.Ca;

/// <summary>Reads the Consolidated Canadian Autonomous Sanctions List (<c>sema-lsi.xml</c>: <c>data-set</c> of flat
/// <c>record</c> elements), source <c>ca-sema</c>. See LIST-FORMATS §7.</summary>
internal sealed class SemaXmlReader : IListReader
{
    public const string Source = "ca-sema";

    public string Format => "ca-sema-xml";

    public bool CanRead(ListProbe probe) =>
        !probe.IsDirectory && probe.Files.Count == 1
        && SafeXml.RootNameOf(probe.Files[0]) == "data-set"
        && ListProbe.HeadText(probe.Files[0]).Contains("<record>", StringComparison.Ordinal);

    public LoadResult Read(ListProbe probe, CancellationToken cancellationToken = default)
    {
        var file = probe.Files.Count == 1 && !probe.IsDirectory
            ? probe.Files[0]
            : throw new ListFormatException(probe.Path, "-", "expected one SEMA XML file");
        var name = Path.GetFileName(file);
        var entities = ImmutableArray.CreateBuilder<Entity>();
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        PartialDate? newest = null;
        var records = 0;
        try
        {
            using var xml = SafeXml.Open(file);
            if (!xml.ReadToFollowing("data-set"))
            {
                throw new ListFormatException(name, "line 1", "no data-set root element");
            }

            while (xml.Read())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "record")
                {
                    continue;
                }

                records++;
                var line = ((IXmlLineInfo)xml).LineNumber;
                var fields = ReadRecord(xml);
                var location = $"record[{records}] (line {line})";
                var entity = Build(fields, location, name, diagnostics);
                if (entity is null)
                {
                    continue;
                }

                if (!ids.Add(entity.SourceId))
                {
                    diagnostics.Add(new Diagnostic(name, location, "duplicate-key", $"key {entity.SourceId} seen before: skipped", DiagnosticSeverity.Error));
                    continue;
                }

                if (entity.ListedOn is { } listed && (newest is null || listed > newest.Value))
                {
                    newest = listed;
                }

                entities.Add(entity);
            }
        }
        catch (XmlException ex)
        {
            throw SafeXml.Fail(file, ex);
        }

        var provenance = new Provenance(Source, "Global Affairs Canada", Format, newest?.ToString(),
            [SourceFiles.Describe(file)], ReadSupport.Counts(("record", records)));
        return new LoadResult(provenance, entities.ToImmutable(), diagnostics.ToImmutable());
    }

    /// <summary>Child element texts of one <c>record</c>, by local name (the reader ends on the record's end tag).</summary>
    private static Dictionary<string, string> ReadRecord(XmlReader xml)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (xml.IsEmptyElement)
        {
            return fields;
        }

        var depth = xml.Depth;
        xml.Read();
        while (!xml.EOF && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            if (xml.NodeType == XmlNodeType.Element && xml.Depth == depth + 1)
            {
                var key = xml.LocalName;
                if (xml.IsEmptyElement)
                {
                    fields[key] = string.Empty;
                    xml.Read();
                }
                else
                {
                    // Moves past the end tag, onto the next node.
                    fields[key] = xml.ReadElementContentAsString();
                }
            }
            else
            {
                xml.Read();
            }
        }

        return fields;
    }

    private static Entity? Build(Dictionary<string, string> f, string location, string file, ImmutableArray<Diagnostic>.Builder diagnostics)
    {
        string? Get(string key) => f.TryGetValue(key, out var v) ? TextValue.Clean(v) : null;

        var regime = Get("Country");
        var schedule = Get("Schedule");
        var item = Get("Item");
        var last = Get("LastName");
        var given = Get("GivenName");
        var entityName = Get("EntityOrShip");
        if (regime is null || (last is null && given is null && entityName is null))
        {
            diagnostics.Add(new Diagnostic(file, location, "bad-record", "record has no regime or no name: skipped", DiagnosticSeverity.Error));
            return null;
        }

        var imo = Get("ShipIMONumber");
        var titleOrShip = Get("TitleOrShip");
        var isPerson = entityName is null;
        var schema = isPerson ? Schema.Person : imo is not null ? Schema.Vessel : Schema.Organization;
        var d = new EntityDraft(Source, SourceId(regime, schedule, item), schema);
        if (isPerson)
        {
            d.AddName(string.Join(' ', new[] { given, last }.OfType<string>()), NameKind.Primary, new NameParts(Given: given, Family: last));
            d.AddTitle(titleOrShip);
        }
        else
        {
            d.AddName(entityName, NameKind.Primary);
        }

        foreach (var alias in SemaAliases.Parse(Get("Aliases")))
        {
            d.AddName(alias.Full, alias.Kind, null, alias.Language);
        }

        var english = English(regime);
        d.AddProgram(english);
        d.AddTopic("sanction");
        d.AddProperty("regime", regime);
        d.AddProperty("schedule", schedule);
        d.AddProperty("item", item);
        var dob = Get("DateOfBirthOrShipBuildDate");
        if (schema == Schema.Vessel)
        {
            d.AddIdentifier(IdentifierType.Imo, imo);
            d.AddCrossReference("IMO", imo);
            d.AddProperty("type", titleOrShip);
            d.AddProperty("buildDate", dob);
        }
        else if (dob is not null)
        {
            var dates = SemaDates.Parse(dob, out var failed);
            foreach (var date in dates)
            {
                d.AddBirthDate(date);
            }

            foreach (var bad in failed)
            {
                diagnostics.Add(new Diagnostic(file, location, "bad-date", $"date of birth '{bad}' not understood; kept as raw text"));
                d.AddProperty("birthDateText", bad);
            }
        }

        if (Get("DateOfListing") is { } listed)
        {
            if (PartialDate.TryParseIso(listed, out var l))
            {
                d.SetListedOn(l);
            }
            else
            {
                diagnostics.Add(new Diagnostic(file, location, "bad-date", $"DateOfListing '{listed}' not understood"));
            }
        }

        return d.BuildNamed();
    }

    /// <summary>The English half of a bilingual regime name (<c>Russia / Russie</c> → <c>Russia</c>).</summary>
    internal static string English(string regime)
    {
        var slash = regime.IndexOf(" / ", StringComparison.Ordinal);
        return slash > 0 ? regime[..slash].Trim() : regime.Trim();
    }

    /// <summary>A stable key from (Country, Schedule, Item): a readable slug plus 8 hex digits of the SHA-256 of the
    /// trimmed triple, e.g. <c>russia-1-part-1-12-…</c>.</summary>
    internal static string SourceId(string regime, string? schedule, string? item)
    {
        var english = English(regime);
        var open = english.LastIndexOf('(');
        var close = english.LastIndexOf(')');
        var label = open >= 0 && close > open ? english[(open + 1)..close] : english;
        var slug = Slug(label + " " + (schedule ?? string.Empty) + " " + (item ?? string.Empty));
        var raw = string.Join('|', regime.Trim(), schedule?.Trim() ?? string.Empty, item?.Trim() ?? string.Empty);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(raw)))[..8];
        return slug + "-" + hash;
    }

    private static string Slug(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
            else if (sb.Length > 0 && sb[^1] != '-')
            {
                sb.Append('-');
            }
        }

        return sb.ToString().TrimEnd('-');
    }
}
