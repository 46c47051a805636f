using System.Collections.Immutable;
using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Comity.Core.Model;
using Comity.Core.Text;
using Comity.Sources.Abstractions;
using Comity.Sources.Building;
using Comity.Sources.Common;

namespace Comity.Sources.OfacEnhanced;

/// <summary>Reads OFAC's SDN_ENHANCED.XML / CONS_ENHANCED.XML (root <c>sanctionsData</c>; LIST-FORMATS §1.4). Source
/// <c>us-ofac-sdn</c> when every entity is on the SDN List, else <c>us-ofac-cons</c>. Streams the file: reference
/// values first, then one <c>entity</c> subtree at a time.</summary>
internal sealed class OfacEnhancedXmlReader : IListReader
{
    public string Format => "ofac-enhanced-xml";

    public bool CanRead(ListProbe probe) =>
        !probe.IsDirectory && probe.Files.Count == 1 && SafeXml.RootNameOf(probe.Files[0]) == "sanctionsData";

    public LoadResult Read(ListProbe probe, CancellationToken cancellationToken = default)
    {
        var file = probe.Files[0];
        var name = Path.GetFileName(file);
        var refs = new Dictionary<string, (string Type, string? Value, string? Iso)>(StringComparer.Ordinal);
        var featureTypes = new Dictionary<string, string>(StringComparer.Ordinal);
        var built = new List<Entity>();
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        string? published = null;
        var allSdn = true;
        var entityCount = 0;
        try
        {
            using var xml = SafeXml.Open(file);
            xml.MoveToContent();
            if (xml.LocalName != "sanctionsData")
            {
                throw new ListFormatException(name, $"line {SafeXml.Line(xml)}", "root element is not sanctionsData");
            }

            xml.Read();
            while (!xml.EOF)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (xml.NodeType != XmlNodeType.Element)
                {
                    xml.Read();
                    continue;
                }

                switch (xml.LocalName)
                {
                    case "dataAsOf":
                        var asOf = xml.ReadElementContentAsString();
                        published = DateText.Single(asOf.Trim())?.ToString();
                        break;
                    case "referenceValue":
                        var rv = SafeXml.ReadElement(xml);
                        if (rv.Attr("refId") is { } refId)
                        {
                            refs[refId] = (rv.Text("type") ?? string.Empty, rv.Text("value"), rv.Text("isoCode"));
                        }

                        break;
                    case "featureType":
                        var ft = SafeXml.ReadElement(xml);
                        if (ft.Attr("featureTypeId") is { } ftId && ft.Text("type") is { } label)
                        {
                            featureTypes[ftId] = label;
                        }

                        break;
                    case "entity":
                        entityCount++;
                        var line = SafeXml.Line(xml);
                        var entity = SafeXml.ReadElement(xml);
                        var draft = Entity(entity, refs, featureTypes, name, $"entity[{entityCount}] (line {line})", diagnostics);
                        if (draft?.BuildNamed() is { } e)
                        {
                            // Built at once (the draft is dropped): the source is only known at the end and set then.
                            allSdn &= IsOnSdn(entity);
                            built.Add(e);
                        }

                        break;
                    default:
                        xml.Read();
                        break;
                }
            }
        }
        catch (XmlException ex)
        {
            throw SafeXml.Fail(file, ex);
        }

        var source = built.Count > 0 && allSdn ? "us-ofac-sdn" : "us-ofac-cons";
        var entities = ImmutableArray.CreateBuilder<Entity>(built.Count);
        foreach (var e in built)
        {
            entities.Add(e with { Source = source, Id = Comity.Core.Model.Entity.MakeId(source, e.SourceId) });
        }

        var provenance = new Provenance(source, "US Treasury OFAC", Format, published, [SourceFiles.Describe(file)],
            ReadSupport.Counts(("entity", entityCount), ("referenceValue", refs.Count), ("featureType", featureTypes.Count)));
        return new LoadResult(provenance, entities.ToImmutable(), diagnostics.ToImmutable());
    }

    private static bool IsOnSdn(XElement entity) =>
        entity.El("sanctionsLists")?.Els("sanctionsList").Any(l => TextValue.Clean(l.Value) == "SDN List") == true;

    private static EntityDraft? Entity(XElement e, Dictionary<string, (string Type, string? Value, string? Iso)> refs,
        Dictionary<string, string> featureTypes, string file, string location, ImmutableArray<Diagnostic>.Builder diagnostics)
    {
        var id = e.Attr("id");
        if (id is null)
        {
            diagnostics.Add(new Diagnostic(file, location, "bad-entity", "entity has no id: skipped", DiagnosticSeverity.Error));
            return null;
        }

        var general = e.El("generalInfo");
        var type = general?.Text("entityType");
        var schema = type switch
        {
            "Individual" => Schema.Person,
            "Entity" => Schema.Organization,
            "Vessel" => Schema.Vessel,
            "Aircraft" => Schema.Airplane,
            _ => Schema.LegalEntity,
        };
        var d = new EntityDraft("us-ofac", id, schema);
        AddNames(d, e);
        if (d.Names.Count == 0)
        {
            diagnostics.Add(new Diagnostic(file, $"{location} id={id}", "bad-entity", "entity has no name: skipped", DiagnosticSeverity.Error));
            return null;
        }

        d.AddRemark(general?.Text("remarks"));
        d.AddCrossReference("OFAC", id);
        d.AddTopic("sanction");
        foreach (var list in e.El("sanctionsLists")?.Els("sanctionsList") ?? [])
        {
            d.AddProperty("lists", TextValue.Clean(list.Value));
            if (list.Attr("datePublished") is { } published && PartialDate.TryParseIso(published, out var p))
            {
                d.SetListedOn(p);
            }
        }

        foreach (var program in e.El("sanctionsPrograms")?.Els("sanctionsProgram") ?? [])
        {
            d.AddProgram(TextValue.Clean(program.Value));
        }

        foreach (var st in e.El("sanctionsTypes")?.Els("sanctionsType") ?? [])
        {
            d.AddProperty("sanctionsType", TextValue.Clean(st.Value));
        }

        foreach (var la in e.El("legalAuthorities")?.Els("legalAuthority") ?? [])
        {
            d.AddProperty("legalAuthority", TextValue.Clean(la.Value));
        }

        foreach (var address in e.El("addresses")?.Els("address") ?? [])
        {
            AddAddress(d, address, refs);
        }

        foreach (var feature in e.El("features")?.Els("feature") ?? [])
        {
            var ftId = feature.El("type")?.Attr("featureTypeId");
            var label = (ftId is not null && featureTypes.TryGetValue(ftId, out var l) ? l : null) ?? feature.Text("type");
            if (label is null)
            {
                continue;
            }

            var text = feature.Text("value");
            string? country = null;
            if (feature.Text("valueRefId") is { } valueRef && refs.TryGetValue(valueRef, out var rv))
            {
                text ??= rv.Value;
                country = rv.Type == "COUNTRY" ? Iso(rv) : null;
            }

            OfacFeatures.Apply(d, label, text, Date(feature.El("valueDate"), text), country);
        }

        foreach (var doc in e.El("identityDocuments")?.Els("identityDocument") ?? [])
        {
            var label = doc.Text("type") ?? "ID";
            var country = doc.El("issuingCountry")?.Attr("refId") is { } c && refs.TryGetValue(c, out var rc) ? Iso(rc) : null;
            var note = label;
            if (doc.Text("issuingAuthority") is { } authority)
            {
                note += "; issued by " + authority;
            }

            if (doc.Text("isValid") == "false")
            {
                note += "; not valid";
            }

            d.AddIdentifier(IdentifierLabels.FromLabel(label) ?? IdentifierType.Other, doc.Text("documentNumber"), country, note);
        }

        foreach (var rel in e.El("relationships")?.Els("relationship") ?? [])
        {
            var target = rel.El("relatedEntity");
            if (target?.Attr("entityId") is { } targetId)
            {
                d.AddProperty("linkedTo", targetId);
                d.AddProperty("relationship", $"{rel.Text("type")}: {TextValue.Clean(target.Value)} ({targetId})");
            }
        }

        return d;
    }

    private static void AddNames(EntityDraft d, XElement e)
    {
        var names = (e.El("names")?.Els("name") ?? []).ToList();

        // Primary names first so that the caption is the primary Latin name.
        foreach (var n in names.OrderBy(n => n.Text("isPrimary") == "true" ? 0 : 1))
        {
            var isPrimary = n.Text("isPrimary") == "true";
            var low = n.Text("isLowQuality") == "true";
            var kind = isPrimary ? NameKind.Primary
                : low ? NameKind.WeakAlias
                : n.Text("aliasType") == "F.K.A." ? NameKind.Former
                : NameKind.Alias;
            foreach (var t in (n.El("translations")?.Els("translation") ?? []).OrderBy(t => t.Text("isPrimary") == "true" ? 0 : 1))
            {
                var primaryTranslation = t.Text("isPrimary") == "true";
                var script = t.Text("script");
                var parts = new NameParts(
                    Given: Part(t, "First Name"),
                    Middle: Part(t, "Middle Name"),
                    Family: Part(t, "Last Name"));
                var full = t.Text("formattedFullName") ?? string.Join(' ', new[] { parts.Given, parts.Middle, parts.Family }.OfType<string>());
                var translationKind = kind == NameKind.Primary && !primaryTranslation ? NameKind.Alias : kind;
                d.AddName(full, translationKind, parts, primaryTranslation || script is null or "Latin" ? null : script);
                if (Part(t, "Nickname") is { } nick)
                {
                    d.AddName(nick, NameKind.WeakAlias);
                }
            }
        }
    }

    private static string? Part(XElement translation, string type) =>
        translation.El("nameParts")?.Els("namePart").FirstOrDefault(p => p.Text("type") == type)?.Text("value");

    private static void AddAddress(EntityDraft d, XElement address, Dictionary<string, (string Type, string? Value, string? Iso)> refs)
    {
        var countryRef = address.El("country");
        string? iso = null;
        var countryName = countryRef is null ? null : TextValue.Clean(countryRef.Value);
        if (countryRef?.Attr("refId") is { } r && refs.TryGetValue(r, out var rv))
        {
            iso = Iso(rv);
            countryName ??= rv.Value;
        }

        var translation = (address.El("translations")?.Els("translation") ?? []).FirstOrDefault(t => t.Text("isPrimary") == "true");
        var parts = (translation?.El("addressParts")?.Els("addressPart") ?? [])
            .Select(p => (Type: p.Text("type") ?? string.Empty, Value: p.Text("value")))
            .Where(p => p.Value is not null)
            .ToList();
        string? Get(params string[] types) =>
            parts.Where(p => types.Contains(p.Type, StringComparer.Ordinal)).Select(p => p.Value).FirstOrDefault();
        var street = string.Join(", ", parts.Where(p => p.Type.StartsWith("ADDRESS", StringComparison.Ordinal)).Select(p => p.Value));
        var full = string.Join(", ", parts.Select(p => p.Value).Append(countryName).OfType<string>());
        if (full.Length == 0)
        {
            return;
        }

        d.AddAddress(new Address(full, street.Length == 0 ? null : street, Get("CITY"), Get("STATE/PROVINCE", "REGION"), Get("POSTAL CODE"), iso));
    }

    private static string? Iso((string Type, string? Value, string? Iso) rv) =>
        rv.Iso is { Length: 2 } iso ? iso.ToLowerInvariant() : rv.Value is null ? null : Countries.Resolve(rv.Value);

    private static FuzzyDate? Date(XElement? valueDate, string? raw)
    {
        if (valueDate is null)
        {
            return null;
        }

        var lo = valueDate.Text("fromDateBegin");
        var hi = valueDate.Text("toDateEnd") ?? valueDate.Text("fromDateEnd") ?? lo;
        if (lo is null || hi is null
            || !DateOnly.TryParseExact(lo, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
            || !DateOnly.TryParseExact(hi, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to))
        {
            return null;
        }

        return DateBounds.ToFuzzy(from, to, valueDate.Text("isApproximate") == "true", raw);
    }
}
