using Comity.Core.Model;
using Comity.Sources.Abstractions;
using Comity.Sources.OfacEnhanced;

namespace Comity.Sources.Tests.OfacEnhanced;

public class OfacEnhancedXmlReaderTests
{
    private const string File = "data/lists/ofac/enhanced-xml/CONS_ENHANCED.XML";
    private static readonly Lazy<LoadResult> Real = new(() => new OfacEnhancedXmlReader().Load(File));
    private readonly OfacEnhancedXmlReader _reader = new();

    [Fact]
    public void Detects_only_the_enhanced_file() => DetectionAssert.OnlyOwnFiles(_reader, File);

    [Fact]
    public void Counts_equal_the_readme()
    {
        var r = Real.Value;
        Assert.Empty(r.Diagnostics);
        Assert.Equal("us-ofac-cons", r.Provenance.Source);
        Assert.Equal("2025-01-10", r.Provenance.Published);
        Assert.Equal(443, r.Provenance.RecordCounts["entity"]);
        Assert.Equal(766, r.Provenance.RecordCounts["referenceValue"]);
        Assert.Equal(34, r.Provenance.RecordCounts["featureType"]);
        Assert.Equal(443, r.Entities.Length);
        Assert.Equal(363, r.Entities.Count(e => e.Schema == Schema.Organization));
        Assert.Equal(80, r.Entities.Count(e => e.Schema == Schema.Person));
        Assert.All(r.Entities, e => Assert.StartsWith("us-ofac-cons:", e.Id, StringComparison.Ordinal));
        Assert.Equal(443, r.Entities.Count(e => e.Names[0].Kind == NameKind.Primary));
        // 70 low-quality names; one of them (RZHD) also has a Cyrillic translation (ОАО РЖД), also weak.
        Assert.Equal(71, r.Entities.Sum(e => e.Names.Count(n => n.Kind == NameKind.WeakAlias)));
        Assert.Equal(NameKind.WeakAlias, r.Entities.SelectMany(e => e.Names).Single(n => n.Full == "ОАО РЖД").Kind);
        Assert.Equal(39, r.Entities.Sum(e => e.Names.Count(n => n.Language == "Cyrillic")));
        Assert.Equal(6, r.Entities.Sum(e => e.Names.Count(n => n.Language is "Chinese Simplified" or "Chinese Traditional")));
        Assert.Equal(77, r.Entities.Count(e => e.Properties.Contains(new EntityProperty("lists", "SDN List"))));
    }

    [Fact]
    public void Vtb_bank_field_by_field()
    {
        var e = Assert.Single(Real.Value.Entities, x => x.SourceId == "17013");
        Assert.Equal("us-ofac-cons:17013", e.Id);
        Assert.Equal(Schema.Organization, e.Schema);
        Assert.Equal("VTB BANK PUBLIC JOINT STOCK COMPANY", e.Caption);
        Assert.Equal(new EntityName("БАНК ВТБ ПУБЛИЧНОЕ АКЦИОНЕРНОЕ ОБЩЕСТВО", NameKind.Alias, null, "Cyrillic"), e.Names[1]);
        Assert.Equal(NameKind.Former, Assert.Single(e.Names, n => n.Full == "JSC VTB BANK").Kind);
        Assert.Equal(new PartialDate(2014, 7, 29), e.ListedOn);
        Assert.Equal(["Sectoral Sanctions Identifications List", "Consolidated List", "SDN List"], e.Properties.Where(p => p.Name == "lists").Select(p => p.Value));
        Assert.Contains(new Identifier(IdentifierType.Registration, "1027739609391", "ru", "Registration ID"), e.Identifiers);
        Assert.Contains(new Identifier(IdentifierType.TaxId, "7702070139", "ru", "Tax ID No."), e.Identifiers);
        Assert.Contains(new Identifier(IdentifierType.Lei, "253400V1H6ART1UQ0N98", "ru", "Legal Entity Number"), e.Identifiers);
        Assert.Contains(new Identifier(IdentifierType.SwiftBic, "VTBRRUMM", null, "SWIFT/BIC"), e.Identifiers);
        Assert.Equal(new Address("29, Bolshaya Morskaya str., St. Petersburg, 190000, Russia", "29, Bolshaya Morskaya str.", "St. Petersburg", null, "190000", "ru"), e.Addresses[0]);
        Assert.Equal("1990-10-17", e.Property("incorporationDate"));
        Assert.Equal([new CrossReference("OFAC", "17013")], e.CrossReferences);
    }

    [Fact]
    public void Person_with_year_of_birth_field_by_field()
    {
        var e = Assert.Single(Real.Value.Entities, x => x.SourceId == "9642");
        Assert.Equal(Schema.Person, e.Schema);
        Assert.Equal(new EntityName("NU'MAN ALAEDDIN, Mohammed Jamal", NameKind.Primary, new NameParts(Given: "Mohammed Jamal", Family: "NU'MAN ALAEDDIN")), e.Names[0]);
        Assert.Equal(["ALA AL DIN, Mohamad Nouman", "AL NATSHEH, Mohammed"], e.Names.Skip(1).Select(n => n.Full));
        var dob = Assert.Single(e.BirthDates);
        Assert.Equal(new PartialDate(1959), dob.From);
        Assert.Null(dob.To);
        Assert.False(dob.Circa);
        Assert.Equal(["NS-PLC"], e.Programs);
        Assert.Equal(new PartialDate(2006, 4, 12), e.ListedOn);
        Assert.Equal("Reject", e.Property("sanctionsType"));
        Assert.Equal("Hebron, West Bank, Palestinian", Assert.Single(e.Addresses).Full);
    }

    [Fact]
    public void Sdn_edition_is_recognised_from_its_lists()
    {
        const string Xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <sanctionsData xmlns="https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/ENHANCED_XML">
              <publicationInfo><dataAsOf>2025-02-01T00:00:00</dataAsOf></publicationInfo>
              <referenceValues><referenceValue refId="11115"><type>COUNTRY</type><value>Japan</value><isoCode>JP</isoCode></referenceValue></referenceValues>
              <entities>
                <entity id="36"><generalInfo><entityType refId="601">Entity</entityType></generalInfo>
                  <sanctionsLists><sanctionsList refId="1550" id="1" datePublished="1986-12-10">SDN List</sanctionsList></sanctionsLists>
                  <names><name id="1"><isPrimary>true</isPrimary><isLowQuality>false</isLowQuality><translations><translation id="1"><isPrimary>true</isPrimary><formattedFullName>AEROCARIBBEAN AIRLINES</formattedFullName></translation></translations></name></names>
                </entity>
                <entity id="37"><generalInfo><entityType refId="601">Entity</entityType></generalInfo>
                  <sanctionsLists><sanctionsList refId="1550" id="2" datePublished="1990-01-01">SDN List</sanctionsList></sanctionsLists>
                  <names></names>
                </entity>
              </entities>
            </sanctionsData>
            """;
        using var f = new TempFile(Xml, ".xml");
        var r = _reader.Load(f.Probe);
        Assert.Equal("us-ofac-sdn", r.Provenance.Source);
        Assert.Equal("us-ofac-sdn:36", Assert.Single(r.Entities).Id);
        Assert.Equal(new PartialDate(1986, 12, 10), r.Entities[0].ListedOn);
        Assert.Equal("entity[2] (line 10) id=37", Assert.Single(r.Diagnostics).Location);
    }
}
