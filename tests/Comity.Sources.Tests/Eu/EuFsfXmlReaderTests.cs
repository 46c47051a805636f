using Comity.Core.Model;
using Comity.Sources.Abstractions;
using Comity.Sources.Eu;

namespace Comity.Sources.Tests.Eu;

public class EuFsfXmlReaderTests
{
    internal static readonly string Sample = RepoFiles.Full("data/lists/eu/sample_eu_fsf.xml");

    private static readonly Lazy<LoadResult> Result = new(() => RepoFiles.Load(new EuFsfXmlReader(), Sample));

    private static Entity ByEuRef(string euRef) =>
        Result.Value.Entities.Single(e => e.CrossReferences.Contains(new CrossReference("EU", euRef)));

    [Fact]
    public void Reads_the_five_sample_entities_with_provenance()
    {
        var r = Result.Value;
        Assert.Equal(5, r.Entities.Length);
        Assert.Empty(r.Diagnostics);
        Assert.Equal(["eu-fsf:191", "eu-fsf:521", "eu-fsf:3822", "eu-fsf:6106", "eu-fsf:6177"], r.Entities.Select(e => e.Id));
        Assert.Equal(45, r.Entities.Sum(e => e.Names.Length));
        Assert.Equal("eu-fsf", r.Provenance.Source);
        Assert.Equal("eu-fsf-xml", r.Provenance.Format);
        Assert.Equal("2026-08-05T16:47:04.449+02:00", r.Provenance.Published);
        Assert.Equal(5, r.Provenance.RecordCounts["sanctionEntity"]);
        Assert.StartsWith("a05187aa9bbab3bb", r.Provenance.Files.Single().Sha256, StringComparison.Ordinal);
        Assert.All(r.Entities, e => Assert.Equal(["sanction"], e.Topics));
    }

    [Fact]
    public void Khalid_sheikh_mohammed_primary_is_not_the_first_alias()
    {
        var e = ByEuRef("EU.3579.2");
        Assert.Equal(Schema.Person, e.Schema);
        Assert.Equal("Khalid Sheikh MOHAMMED", e.Caption);
        var primary = e.Names.Single(n => n.Kind == NameKind.Primary);
        Assert.Equal(new NameParts("Khalid Sheikh", null, "MOHAMMED"), primary.Parts);
        Assert.Equal("en", primary.Language);
        var french = e.Names.Single(n => n.Full == "Bin Khalid Fahd Bin Adballah");
        Assert.Equal(NameKind.Alias, french.Kind);
        Assert.Equal("fr", french.Language);
        Assert.Equal(7, e.Names.Length);
        Assert.Equal(Gender.Male, e.Gender);
        Assert.Equal(["1965-04-14", "1964-03-01"], e.BirthDates.Select(d => d.ToString()));
        Assert.Equal([new Place("PAKISTAN", "pk")], e.BirthPlaces);
        var passport = Assert.Single(e.Identifiers);
        Assert.Equal(IdentifierType.Passport, passport.Type);
        Assert.Equal("488555", passport.Value);
        Assert.Null(passport.Country);
        Assert.Equal(["TERR"], e.Programs);
        Assert.Null(e.ListedOn);
        Assert.Equal([new CrossReference("EU", "EU.3579.2")], e.CrossReferences);
        Assert.Equal("2025/206 (L 202500206)", e.Property("regulation"));
    }

    [Fact]
    public void Ahmed_jan_year_range_circa_and_birth_places()
    {
        var e = ByEuRef("EU.502.12");
        Assert.Equal("Ahmed Jan Akhundzada Wazir", e.Caption);
        Assert.Equal(["Maulavi", "Minister of Water and Electricity under the Taliban regime"], e.Titles);
        Assert.Equal(["af"], e.Nationalities);
        var dob = Assert.Single(e.BirthDates);
        Assert.Equal(new PartialDate(1953), dob.From);
        Assert.Equal(new PartialDate(1958), dob.To);
        Assert.True(dob.Circa);
        Assert.Equal([new Place("Tirin Kot District, Uruzgan Province", "af"), new Place("Kandahar province", "af")], e.BirthPlaces);
        Assert.Equal(new PartialDate(2001, 1, 25), e.ListedOn);
        Assert.StartsWith("Believed to be in Afghanistan/ Pakistan border area.", e.Remarks, StringComparison.Ordinal);
        Assert.Equal(["AFG"], e.Programs);
    }

    [Fact]
    public void Parchin_enterprise_names_addresses_and_contacts()
    {
        var e = ByEuRef("EU.3953.70");
        Assert.Equal(Schema.Organization, e.Schema);
        Assert.Equal("Parchin Chemical Industries (PCI)", e.Caption);
        Assert.Equal(16, e.Names.Length);
        Assert.Contains(new EntityName("Tionscail Ceimiceán Parchin", NameKind.Alias, null, "ga"), e.Names);
        Assert.Contains(new EntityName("صنایع شیمیایی پارچین", NameKind.Alias, null, "fa"), e.Names);
        Assert.Contains(new EntityName("Parchin Chemical Factories Chemical Industries Group", NameKind.Alias, null, "en"), e.Names);
        Assert.Equal(6, e.Addresses.Length);
        var first = e.Addresses[0];
        Assert.Equal("Pasdaran Square", first.Street);
        Assert.Equal("Tehran", first.City);
        Assert.Equal("ir", first.Country);
        Assert.Equal("Pasdaran Square, P.O. Box 16765/358, Tehran, IRAN (ISLAMIC REPUBLIC OF)", first.Full);
        Assert.Equal("15765-358", e.Addresses[5].PostalCode);
        Assert.Equal(["http://icig.ir/"], e.Identifiers.Where(i => i.Type == IdentifierType.Website).Select(i => i.Value));
        Assert.Equal(["+98 21 2258929", "+98 21 35243153", "+98 21 3130626"], e.Identifiers.Where(i => i.Type == IdentifierType.Phone).Select(i => i.Value));
        var reg = e.Identifiers.Single(i => i.Type == IdentifierType.Registration);
        Assert.Equal("892", reg.Value);
        Assert.Equal(new PartialDate(2008, 6, 23), e.ListedOn);
        Assert.Equal("UN designation:24/03/2007 (no longer valid)", e.Property("designationDetails"));
        Assert.Equal(["IRN"], e.Programs);
        Assert.DoesNotContain(e.CrossReferences, c => c.Scheme == "UN");
        Assert.Contains("Factory", e.Remarks, StringComparison.Ordinal);
    }

    [Fact]
    public void Dorda_un_reference_passport_and_collapsed_spaces()
    {
        var e = ByEuRef("EU.3886.3");
        Assert.Equal("Abu Zayd Umar DORDA", e.Caption);
        Assert.Equal(new NameParts("Abu", "Zayd Umar", "DORDA"), e.Names[0].Parts);
        Assert.Contains(new EntityName("Abu Zayd Umar Hmeid Dorda", NameKind.Alias), e.Names);
        Assert.Contains(new EntityName("ABÚ ZAJD UMAR DÚRDA", NameKind.Alias, null, "cs"), e.Names);
        Assert.Equal([new CrossReference("EU", "EU.3886.3"), new CrossReference("UN", "LYi.006")], e.CrossReferences);
        Assert.Equal(["1944-04-04"], e.BirthDates.Select(d => d.ToString()));
        Assert.Equal([new Place("Alrhaybat")], e.BirthPlaces);
        Assert.Equal(Gender.Unknown, e.Gender);
        var address = Assert.Single(e.Addresses);
        Assert.Equal(new Address("LIBYA", Country: "ly"), address);
        var passport = Assert.Single(e.Identifiers);
        Assert.Equal(new Identifier(IdentifierType.Passport, "FK117RK0", "ly", "National passport; issued in Tripoli; issued 2018-11-25; valid to 2026-11-24"), passport);
        Assert.Contains("Libya (Believed status/location: residing in Egypt)", e.Remarks, StringComparison.Ordinal);
        Assert.Equal(["LBY"], e.Programs);
    }

    [Fact]
    public void Al_asiri_quality_arabic_and_hijri_birth_date()
    {
        var e = ByEuRef("EU.3092.36");
        Assert.Equal("Ibrahim Hassan Tali Al-Asiri", e.Caption);
        Assert.Equal(["Abu-Salaah", "Abosslah", "Abu Saleh"], e.Names.Where(n => n.Kind == NameKind.WeakAlias).Select(n => n.Full));
        Assert.Contains(new EntityName("إبراهيم حسن طالع عسيري", NameKind.Alias, null, "ar"), e.Names);
        Assert.Contains(new EntityName("إبراهيم حسن طالع العسيري", NameKind.Alias, null, "ar"), e.Names);
        Assert.Equal(["sa"], e.Nationalities);

        // Gregorian 1982-04-18, and 1982-04-19 which is the Gregorian equivalent of Hijri 24/06/1402 (also listed as
        // Gregorian with place Riyadh). The Hijri year is never a Gregorian year.
        Assert.Equal(["1982-04-18", "1982-04-19"], e.BirthDates.Select(d => d.ToString()));
        Assert.All(e.BirthDates, d => Assert.Equal(CalendarKind.Gregorian, d.Calendar));
        Assert.Equal("24/06/1402 (islamic calendar)", e.BirthDates[1].Raw);
        Assert.DoesNotContain(e.BirthDates, d => d.From.Year == 1402);
        Assert.Equal([new Place("Riyadh", "sa")], e.BirthPlaces);
        var id = e.Identifiers.Single(i => i.Type == IdentifierType.NationalId);
        Assert.Equal(("1028745097", "sa"), (id.Value, id.Country));
        var passport = e.Identifiers.Single(i => i.Type == IdentifierType.Passport);
        Assert.Equal("F654645", passport.Value);
        Assert.Contains("known expired", passport.Note, StringComparison.Ordinal);
        Assert.Contains("Hijri Calendar 24.06.1426", passport.Note, StringComparison.Ordinal);
        Assert.Equal([new Address("YEMEN", Country: "ye")], e.Addresses);
        Assert.Equal(new PartialDate(2011, 3, 24), e.ListedOn);
        Assert.Equal(["TAQA"], e.Programs);
        Assert.Equal("Operative and principal bomb maker of Al-Qaida in the Arabian Peninsula (AQAP)", Assert.Single(e.Titles));
    }

    [Fact]
    public void Detects_its_own_file_only()
    {
        var reader = new EuFsfXmlReader();
        foreach (var file in RepoFiles.AllListFiles())
        {
            Assert.Equal(file == Sample, reader.CanRead(ListProbe.Open(file)));
        }
    }

    [Fact]
    public void Malformed_xml_names_file_and_line()
    {
        var text = File.ReadAllText(Sample);
        var path = TempFile.Write(System.Text.Encoding.UTF8.GetBytes(text[..20000]), ".xml");
        try
        {
            var ex = Assert.Throws<ListFormatException>(() => RepoFiles.Load(new EuFsfXmlReader(), path));
            Assert.Equal(Path.GetFileName(path), ex.File);
            Assert.StartsWith("line ", ex.Location, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Entity_without_id_or_names_is_skipped_with_a_diagnostic()
    {
        const string xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <export xmlns="http://eu.europa.ec/fpi/fsd/export" generationDate="2026-01-01">
            <sanctionEntity euReferenceNumber="EU.1.1"><subjectType code="person" classificationCode="P"/><nameAlias wholeName="A B"/></sanctionEntity>
            <sanctionEntity logicalId="7" euReferenceNumber="EU.2.2"><subjectType code="person" classificationCode="P"/></sanctionEntity>
            <sanctionEntity logicalId="8" euReferenceNumber="EU.3.3"><subjectType code="person" classificationCode="P"/><nameAlias wholeName="C D"/></sanctionEntity>
            </export>
            """;
        var path = TempFile.Write(System.Text.Encoding.UTF8.GetBytes(xml), ".xml");
        try
        {
            var r = RepoFiles.Load(new EuFsfXmlReader(), path);
            Assert.Equal(["eu-fsf:8"], r.Entities.Select(e => e.Id));
            Assert.Equal(["missing-id", "no-name"], r.Diagnostics.Select(d => d.Code));
            Assert.Equal("sanctionEntity[1] logicalId= (line 3)", r.Diagnostics[0].Location);
            Assert.Equal(DiagnosticSeverity.Error, r.Diagnostics[0].Severity);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
