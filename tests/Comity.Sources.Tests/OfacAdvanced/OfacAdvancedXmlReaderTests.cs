using Comity.Core.Model;
using Comity.Sources.Abstractions;
using Comity.Sources.OfacAdvanced;

namespace Comity.Sources.Tests.OfacAdvanced;

public class OfacAdvancedXmlReaderTests
{
    internal const string Constructed = "data/constructed/ofac-advanced/sdn_advanced_constructed.xml";
    private const string NewNamespace = "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/ADVANCED_XML";
    private const string OldNamespace = "http://www.un.org/sanctions/1.0";
    private readonly OfacAdvancedXmlReader _reader = new();

    [Fact]
    public void Rejects_every_real_list_file_and_fragment() => DetectionAssert.OnlyOwnFiles(_reader);

    [Fact]
    public void Accepts_the_constructed_file() => Assert.True(_reader.CanRead(RepoFiles.Probe(Constructed)));

    [Fact]
    public void Constructed_file_counts_and_provenance()
    {
        var r = _reader.Load(Constructed);
        Assert.Empty(r.Diagnostics);
        Assert.Equal("us-ofac-sdn", r.Provenance.Source);
        Assert.Equal("2024-03-06", r.Provenance.Published);
        Assert.Equal(4, r.Provenance.RecordCounts["DistinctParty"]);
        Assert.Equal(6, r.Provenance.RecordCounts["Location"]);
        Assert.Equal(4, r.Provenance.RecordCounts["IDRegDocument"]);
        Assert.Equal(4, r.Provenance.RecordCounts["SanctionsEntry"]);
        Assert.Equal(["us-ofac-sdn:36", "us-ofac-sdn:25057", "us-ofac-sdn:90500", "us-ofac-sdn:90700"], r.Entities.Select(e => e.Id));
        Assert.Equal([Schema.Organization, Schema.Person, Schema.Vessel, Schema.Airplane], r.Entities.Select(e => e.Schema));
    }

    [Fact]
    public void Entity_from_the_real_fragment_field_by_field()
    {
        var e = _reader.Load(Constructed).Entities[0];
        Assert.Equal([new EntityName("AEROCARIBBEAN AIRLINES"), new EntityName("AERO-CARIBBEAN", NameKind.Alias)], e.Names);
        Assert.Equal(["CUBA"], e.Programs);
        Assert.Equal(new PartialDate(1986, 12, 10), e.ListedOn);
        Assert.Equal(new Address("Havana, Cuba", null, "Havana", null, null, "cu"), Assert.Single(e.Addresses));
        Assert.Equal("SDN List", e.Property("lists"));
        Assert.Equal("Block", e.Property("sanctionsType"));
        Assert.Equal("Unknown", e.Property("legalBasis"));
        Assert.Equal("CUBA", e.Property("legalBasisProgram"));
        Assert.Equal([new CrossReference("OFAC", "36")], e.CrossReferences);
        Assert.Equal(["sanction"], e.Topics);
    }

    [Fact]
    public void Person_field_by_field()
    {
        var e = _reader.Load(Constructed).Entities[1];
        Assert.Equal(
            [
                new EntityName("al-Rawi, 'Adnan Muhammad Amin", NameKind.Primary, new NameParts(Given: "'Adnan Muhammad Amin", Family: "al-Rawi")),
                new EntityName("Amin, 'Adnan Muhammad", NameKind.Alias, new NameParts(Given: "'Adnan", Middle: "Muhammad", Family: "Amin")),
                new EntityName("Alrawi, Adnan Mahmoud", NameKind.Alias, new NameParts(Given: "Adnan", Middle: "Mahmoud", Family: "Alrawi")),
                new EntityName("аль-Рави, Аднан Мухаммад Амин", NameKind.Alias, new NameParts(Given: "Аднан Мухаммад Амин", Family: "аль-Рави"), "Cyrillic"),
                new EntityName("al-Rawi, Adnan", NameKind.Former, new NameParts(Given: "Adnan", Family: "al-Rawi")),
                new EntityName("Mohammad, Emad", NameKind.WeakAlias, new NameParts(Given: "Emad", Family: "Mohammad")),
            ],
            e.Names);
        Assert.Equal(2, e.BirthDates.Length);
        Assert.Equal((new PartialDate(1985, 1, 7), (PartialDate?)null, false), (e.BirthDates[0].From, e.BirthDates[0].To, e.BirthDates[0].Circa));
        Assert.Equal((new PartialDate(1979), (PartialDate?)new PartialDate(1982), true), (e.BirthDates[1].From, e.BirthDates[1].To, e.BirthDates[1].Circa));
        Assert.Equal(Gender.Male, e.Gender);
        Assert.Equal(new Place("Baghdad, Iraq", "iq"), Assert.Single(e.BirthPlaces));
        Assert.Equal(["iq"], e.Nationalities);
        Assert.Equal(["ru"], e.Citizenships);
        Assert.Equal(
            [
                new Identifier(IdentifierType.Passport, "A1234567", "iq", "Passport; issued by Ministry of Interior; Issue Date 2009-08-31; Expiration Date 2014-08-30"),
                new Identifier(IdentifierType.CryptoAddress, "1DemoXbtAddr9Kq8hJ3ZxY7wV6uT5sR4pQ", null, "Digital Currency Address - XBT"),
            ],
            e.Identifiers);
        Assert.Equal(new Address("Office 12, Example Tower, Dubai, United Arab Emirates", "Office 12, Example Tower", "Dubai", null, null, "ae"), Assert.Single(e.Addresses));
        Assert.Equal(["IRAQ2", "SDGT"], e.Programs);
        Assert.Equal(new PartialDate(2004, 9, 2), e.ListedOn);
        Assert.Equal("36", e.Property("linkedTo"));
        Assert.Equal("Acting for or on behalf of: 36", e.Property("relationship"));
    }

    [Fact]
    public void Vessel_and_aircraft_field_by_field()
    {
        var entities = _reader.Load(Constructed).Entities;
        var v = entities[2];
        Assert.Equal([new EntityName("OCEAN DEMO"), new EntityName("DEMO STAR", NameKind.Former)], v.Names);
        Assert.Equal(
            [
                new Identifier(IdentifierType.Imo, "IMO 9187629", null, "Vessel Registration Identification"),
                new Identifier(IdentifierType.Mmsi, "352002345", null, "MMSI"),
                new Identifier(IdentifierType.CallSign, "3EDM7", null, "Vessel Call Sign"),
            ],
            v.Identifiers);
        Assert.Equal("9187629", v.Identifiers[0].Normalized);
        Assert.Equal([new CrossReference("OFAC", "90500"), new CrossReference("IMO", "9187629")], v.CrossReferences);
        Assert.Equal("Tanker", v.Property("type"));
        Assert.Equal("pa", v.Property("flag"));
        Assert.Equal("81,000", v.Property("tonnage"));
        Assert.Equal("4697", v.Property("linkedTo"));
        var a = entities[3];
        Assert.Equal("EP-DEM", a.Caption);
        Assert.Equal(new Identifier(IdentifierType.AircraftSerial, "24567", null, "Aircraft Manufacturer's Serial Number (MSN)"), Assert.Single(a.Identifiers));
    }

    [Fact]
    public void Pre_2024_namespace_reads_the_same()
    {
        var text = File.ReadAllText(RepoFiles.Full(Constructed)).Replace(NewNamespace, OldNamespace, StringComparison.Ordinal);
        using var f = new TempFile(text, ".xml");
        Assert.True(_reader.CanRead(f.Probe));
        var old = _reader.Load(f.Probe);
        var current = _reader.Load(Constructed);
        Assert.Equal(current.Entities.Length, old.Entities.Length);
        for (var i = 0; i < current.Entities.Length; i++)
        {
            Assert.Equal(current.Entities[i].Names, old.Entities[i].Names);
            Assert.Equal(current.Entities[i].Identifiers, old.Entities[i].Identifiers);
            Assert.Equal(current.Entities[i].Programs, old.Entities[i].Programs);
        }
    }

    [Fact]
    public void Consolidated_edition_when_not_every_party_is_on_the_sdn_list()
    {
        var text = File.ReadAllText(RepoFiles.Full(Constructed))
            .Replace("<List ID=\"1550\">SDN List</List>", "<List ID=\"1550\">SDN List</List>\n      <List ID=\"91507\">Sectoral Sanctions Identifications List</List>", StringComparison.Ordinal)
            .Replace("<SanctionsEntry ID=\"90700\" ProfileID=\"90700\" ListID=\"1550\">", "<SanctionsEntry ID=\"90700\" ProfileID=\"90700\" ListID=\"91507\">", StringComparison.Ordinal);
        using var f = new TempFile(text, ".xml");
        var r = _reader.Load(f.Probe);
        Assert.Equal("us-ofac-cons", r.Provenance.Source);
        Assert.Equal("Sectoral Sanctions Identifications List", r.Entities[3].Property("lists"));
        Assert.All(r.Entities, e => Assert.StartsWith("us-ofac-cons:", e.Id, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("minified_DateOfIssue.xml", 0)]
    [InlineData("minified_DistinctParties.xml", 1)]
    [InlineData("minified_IDRegistrationNo.xml", 0)]
    [InlineData("minified_Locations.xml", 0)]
    [InlineData("minified_ProfileRelationships.xml", 0)]
    [InlineData("minified_ReferenceValueSets.xml", 1)]
    [InlineData("minified_SanctionsEntries.xml", 0)]
    public void Real_fragments_wrapped_in_a_root_read(string fragment, int parties)
    {
        var constructed = File.ReadAllText(RepoFiles.Full(Constructed));
        var start = constructed.IndexOf("<ReferenceValueSets>", StringComparison.Ordinal);
        var end = constructed.IndexOf("</ReferenceValueSets>", StringComparison.Ordinal) + "</ReferenceValueSets>".Length;
        var body = File.ReadAllText(RepoFiles.Full("data/lists/ofac/advanced-xml/fragments-2024-03-06/" + fragment));
        var text = $"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Sanctions xmlns=\"{NewNamespace}\">{constructed[start..end]}\n{body}\n</Sanctions>";
        using var f = new TempFile(text, ".xml");
        Assert.True(_reader.CanRead(f.Probe));
        var r = _reader.Load(f.Probe);
        Assert.Equal(parties, r.Entities.Length);
        Assert.DoesNotContain(r.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        switch (fragment)
        {
            case "minified_DateOfIssue.xml":
                Assert.Equal("2024-03-06", r.Provenance.Published);
                break;
            case "minified_DistinctParties.xml":
                Assert.Equal(Schema.Organization, r.Entities[0].Schema);
                Assert.Equal(["AEROCARIBBEAN AIRLINES", "AERO-CARIBBEAN"], r.Entities[0].Names.Select(n => n.Full));
                break;
            case "minified_ReferenceValueSets.xml":
                var p = r.Entities[0];
                Assert.Equal("25057", p.SourceId);
                Assert.Equal(Schema.Person, p.Schema);
                Assert.Equal("al-Rawi, 'Adnan Muhammad Amin", p.Caption);
                Assert.Equal(3, p.Names.Count(n => n.Kind == NameKind.WeakAlias));
                Assert.Equal([new PartialDate(1985, 1, 7), new PartialDate(1982, 8, 28)], p.BirthDates.Select(d => d.From));
                Assert.Equal(Gender.Male, p.Gender);

                // The fragment lists name-part groups for the primary name only: the aliases keep document order.
                Assert.Contains(p.Names, n => n.Full == "Amin 'Adnan Muhammad");
                break;
            case "minified_SanctionsEntries.xml":
                Assert.Equal("orphan-entry", Assert.Single(r.Diagnostics).Code);
                break;
            default:
                break;
        }
    }

    [Fact]
    public void Party_without_names_is_skipped_with_its_element()
    {
        var text = File.ReadAllText(RepoFiles.Full(Constructed)).Replace(
            "<DistinctParties>",
            "<DistinctParties>\n    <DistinctParty FixedRef=\"1\"><Comment /><Profile ID=\"1\" PartySubTypeID=\"3\" /></DistinctParty>",
            StringComparison.Ordinal);
        using var f = new TempFile(text, ".xml");
        var r = _reader.Load(f.Probe);
        Assert.Equal(4, r.Entities.Length);
        var d = Assert.Single(r.Diagnostics);
        Assert.StartsWith("DistinctParty[1] (line ", d.Location, StringComparison.Ordinal);
        Assert.EndsWith("FixedRef=1", d.Location, StringComparison.Ordinal);
    }
}
