using Comity.Core.Model;
using Comity.Sources.Abstractions;
using Comity.Sources.Ch;

namespace Comity.Sources.Tests.Ch;

public class SecoXmlReaderTests
{
    internal static readonly string Xml = RepoFiles.Full("data/lists/ch/seco.xml");

    [Fact]
    public void Reads_the_three_example_targets()
    {
        var r = RepoFiles.Load(new SecoXmlReader(), Xml);
        Assert.Equal("ch-seco", r.Provenance.Source);
        Assert.Equal("2024-01-17", r.Provenance.Published);
        Assert.Equal(3, r.Provenance.RecordCounts["target"]);
        Assert.Equal(["partial-list"], r.Diagnostics.Select(d => d.Code));
        Assert.Equal(["ch-seco:64398", "ch-seco:64403", "ch-seco:64393"], r.Entities.Select(e => e.Id));

        var b = r.Entities[0];
        Assert.Equal(Schema.Person, b.Schema);
        Assert.Equal([new EntityName("Test B", NameKind.Primary, null, "eng")], b.Names);
        Assert.Equal(Gender.Female, b.Gender);
        Assert.Equal(["gb"], b.Nationalities);
        Assert.Equal(["2025-12-31"], b.BirthDates.Select(d => d.ToString()));
        Assert.Equal(["PPDM"], b.Programs);
        Assert.Equal(["sanction"], b.Topics);
        Assert.Equal("listed", b.Property("status"));

        var c = r.Entities[1];
        Assert.Equal((Gender.Male, "us", "2000-01-01"), (c.Gender, c.Nationalities.Single(), c.BirthDates.Single().ToString()));

        // Test A is in sets 64391 and 64392, both of programme ssid 1000 (declared twice): one programme.
        var a = r.Entities[2];
        Assert.Equal("Test A", a.Caption);
        Assert.Equal(Gender.Unknown, a.Gender);
        Assert.Equal(["PPDM"], a.Programs);
        Assert.Equal(["ch"], a.Nationalities);
        Assert.Equal(["1900-01-01"], a.BirthDates.Select(d => d.ToString()));
    }

    [Fact]
    public void Delisted_targets_are_kept_and_marked()
    {
        const string xml = """
            <swiss-sanctions-list list-type="whole-list" date="2024-03-01">
              <sanctions-program ssid="1"><program-key lang="eng">SYR</program-key><sanctions-set ssid="10" lang="eng">Annex 7</sanctions-set></sanctions-program>
              <target ssid="100"><sanctions-set-id>10</sanctions-set-id><foreign-identifier>QDi.291</foreign-identifier>
                <individual sex="male">
                  <identity ssid="101" main="true">
                    <name ssid="102" name-type="primary-name" quality="good" lang="eng">
                      <name-part order="2" name-part-type="family-name"><value>ASIRI</value></name-part>
                      <name-part order="1" name-part-type="given-name"><value>Ibrahim</value></name-part>
                    </name>
                    <name ssid="103" name-type="alias" quality="low"><name-part order="1" name-part-type="whole-name"><value>Abu Saleh</value></name-part></name>
                    <day-month-year ssid="104" year="1982"/>
                    <place-of-birth ssid="105" place-id="900"/>
                  </identity>
                  <identity ssid="106" main="false">
                    <name ssid="107" name-type="primary-name" quality="good"><name-part order="1" name-part-type="whole-name"><value>Ibrahim al-Asiri</value></name-part></name>
                  </identity>
                </individual>
                <modification modification-type="de-listed" effective-date="2024-02-01"/>
                <modification modification-type="listed" effective-date="2011-03-24">
                  <identity ssid="999" main="true"><name ssid="998" name-type="primary-name"><name-part order="1" name-part-type="whole-name"><value>Old copy</value></name-part></name></identity>
                </modification>
              </target>
              <place ssid="900"><location>Riyadh</location><country iso-code="SA">Saudi Arabia</country></place>
            </swiss-sanctions-list>
            """;
        var path = TempFile.Write(System.Text.Encoding.UTF8.GetBytes(xml), ".xml");
        try
        {
            var r = RepoFiles.Load(new SecoXmlReader(), path);
            Assert.Empty(r.Diagnostics);
            var e = Assert.Single(r.Entities);
            Assert.Equal("delisted", e.Property("status"));
            Assert.Equal("2024-02-01", e.Property("delistedOn"));
            Assert.Empty(e.Topics);
            Assert.Equal(1, r.Provenance.RecordCounts["delisted"]);
            Assert.Equal(new PartialDate(2011, 3, 24), e.ListedOn);
            Assert.Equal(
                [
                    new EntityName("Ibrahim ASIRI", NameKind.Primary, new NameParts("Ibrahim", null, "ASIRI"), "eng"),
                    new EntityName("Ibrahim al-Asiri", NameKind.Alias),
                    new EntityName("Abu Saleh", NameKind.WeakAlias),
                ],
                e.Names);
            Assert.Equal(["1982"], e.BirthDates.Select(d => d.ToString()));
            Assert.Equal([new Place("Riyadh, Saudi Arabia", "sa")], e.BirthPlaces);
            Assert.Equal([new CrossReference("UN", "QDi.291")], e.CrossReferences);
            Assert.Equal(["SYR"], e.Programs);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Detects_its_own_file_only()
    {
        var reader = new SecoXmlReader();
        foreach (var file in RepoFiles.AllListFiles())
        {
            Assert.Equal(file == Xml, reader.CanRead(ListProbe.Open(file)));
        }
    }

    [Fact]
    public void Dtd_is_refused()
    {
        const string xml = """<?xml version="1.0"?><!DOCTYPE swiss-sanctions-list [<!ENTITY x "boom">]><swiss-sanctions-list date="2024-01-01">&x;</swiss-sanctions-list>""";
        var path = TempFile.Write(System.Text.Encoding.UTF8.GetBytes(xml), ".xml");
        try
        {
            var ex = Assert.Throws<ListFormatException>(() => RepoFiles.Load(new SecoXmlReader(), path));
            Assert.Contains("DTD", ex.Message, StringComparison.Ordinal);
            Assert.Equal(Path.GetFileName(path), ex.File);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
