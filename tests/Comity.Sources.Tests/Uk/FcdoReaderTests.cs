using Comity.Core.Model;
using Comity.Sources.Abstractions;
using Comity.Sources.Uk;

namespace Comity.Sources.Tests.Uk;

public class FcdoReaderTests
{
    internal static readonly string Ods = RepoFiles.Full("data/lists/uk/fcdo/FCDO_SL_Mon_Aug 11 2025.ods");
    internal static readonly string Xml = RepoFiles.Full("data/constructed/uk/UK-Sanctions-List-constructed.xml");
    internal static readonly string Csv = RepoFiles.Full("data/constructed/uk/UK-Sanctions-List-constructed.csv");

    private static readonly Lazy<LoadResult> OdsResult = new(() => RepoFiles.Load(new FcdoOdsReader(), Ods));

    [Fact]
    public void Ods_counts_and_whitespace_only_cells()
    {
        var r = OdsResult.Value;

        // data/lists/README.md §11: 5,302 designations; Individual 3,754, Entity 1,087, Ship 461; 447 OFSI Group ID
        // cells and the Name cells of BEL0174 and RUS1467 hold only white space.
        Assert.Equal(5_302, r.Entities.Length);
        Assert.Equal(5_302, r.Provenance.RecordCounts["rows"]);
        Assert.Equal(3_754, r.Entities.Count(e => e.Schema == Schema.Person));
        Assert.Equal(1_087, r.Entities.Count(e => e.Schema == Schema.Organization));
        Assert.Equal(461, r.Entities.Count(e => e.Schema == Schema.Vessel));
        Assert.Equal(447, r.Entities.Count(e => !e.CrossReferences.Any(c => c.Scheme == "OFSI")));
        Assert.Equal(["BEL0174", "RUS1467"], r.Entities.Where(e => e.Names.IsEmpty).Select(e => e.SourceId));
        Assert.Equal(["no-name", "no-name"], r.Diagnostics.Select(d => d.Code));
        Assert.Equal(908, r.Entities.Count(e => e.Property("designationSource") == "UN"));
        Assert.Equal(8, r.Entities.Count(e => e.Property("designationSource") == "UK|UN"));
    }

    [Fact]
    public void Ods_row_field_by_field()
    {
        var e = OdsResult.Value.Entities.Single(x => x.SourceId == "RUS0296");
        Assert.Equal("gb-fcdo:RUS0296", e.Id);
        Assert.Equal([new EntityName("ABAKAROV Khizri Magomedovich")], e.Names);
        Assert.Equal([new CrossReference("UKSL", "RUS0296"), new CrossReference("OFSI", "14241")], e.CrossReferences);
        Assert.Equal(["Russia"], e.Programs);
        Assert.Equal(new PartialDate(2022, 3, 11), e.ListedOn);
        Assert.Equal("Asset freeze, Director Disqualification Sanction, Travel Ban, Trust Services Sanctions", e.Property("sanctionsImposed"));
        var ship = OdsResult.Value.Entities.Single(x => x.SourceId == "DPR0100");
        Assert.Equal(Schema.Vessel, ship.Schema);
        Assert.Equal("Sam Jong 2", ship.Caption);
    }

    [Fact]
    public void Constructed_xml_designations()
    {
        var r = RepoFiles.Load(new FcdoXmlReader(), Xml);
        Assert.Empty(r.Diagnostics);
        Assert.Equal("2025-08-11", r.Provenance.Published);
        Assert.Equal(["RUS0296", "AFG0001", "DPR0100"], r.Entities.Select(e => e.SourceId));

        var person = r.Entities[0];
        Assert.Equal(Schema.Person, person.Schema);
        Assert.Equal(
            [
                new EntityName("Khizri Magomedovich ABAKAROV", NameKind.Primary, new NameParts("Khizri", "Magomedovich", "ABAKAROV")),
                new EntityName("Хизри Магомедович Абакаров", NameKind.Alias, null, "Cyrl"),
            ],
            person.Names);
        Assert.Equal(["1960-06-28"], person.BirthDates.Select(d => d.ToString()));
        Assert.Equal([new Place("Yuzhno Sakhalinsk, Russia", "ru")], person.BirthPlaces);
        Assert.Equal(["ru"], person.Nationalities);
        Assert.Equal(Gender.Male, person.Gender);
        Assert.Equal(["Member of the State Duma of the Russian Federation"], person.Titles);
        Assert.Equal([new Address("1 Okhotny Ryad str, 103265, Russia", "1 Okhotny Ryad str", null, null, "103265", "ru")], person.Addresses);
        Assert.Equal([new CrossReference("UKSL", "RUS0296"), new CrossReference("OFSI", "14241")], person.CrossReferences);
        Assert.Equal(["The Russia (Sanctions) (EU Exit) Regulations 2019"], person.Programs);
        Assert.Equal("2023-03-21", person.Property("lastUpdated"));
        Assert.Equal("Asset freeze|Director Disqualification Sanction|Travel Ban|Trust Services Sanctions", person.Property("sanctionsImposed"));

        var entity = r.Entities[1];
        Assert.Equal(Schema.Organization, entity.Schema);
        Assert.Equal("HAJI KHAIRULLAH HAJI SATTAR MONEY EXCHANGE", entity.Caption);
        Assert.Equal(3, entity.Names.Length);
        Assert.Contains(new CrossReference("UN", "TAe.010"), entity.CrossReferences);
        Assert.Equal(["ae", "ir"], entity.Addresses.Select(a => a.Country));
        Assert.Equal(["+93-202-103386", "+93-202-101714", "helmand_exchange_msp@yahoo.com"], entity.Identifiers.Select(i => i.Value));

        var ship = r.Entities[2];
        Assert.Equal(Schema.Vessel, ship.Schema);
        Assert.Contains(new CrossReference("IMO", "7408873"), ship.CrossReferences);
        Assert.Equal(new Identifier(IdentifierType.Imo, "7408873"), Assert.Single(ship.Identifiers));
        Assert.Equal("North Korea", ship.Property("flag"));
        Assert.Equal("1975", ship.Property("buildDate"));
    }

    [Fact]
    public void Constructed_csv_gives_the_same_entities_as_the_xml()
    {
        var xml = RepoFiles.Load(new FcdoXmlReader(), Xml);
        var csv = RepoFiles.Load(new FcdoCsvReader(), Csv);
        Assert.Empty(csv.Diagnostics);
        Assert.Equal("2025-08-11", csv.Provenance.Published);
        Assert.Equal(7, csv.Provenance.RecordCounts["rows"]);
        Assert.Equal(xml.Entities.Select(e => e.Id), csv.Entities.Select(e => e.Id));
        foreach (var (x, c) in xml.Entities.Zip(csv.Entities))
        {
            Assert.Equal((x.Schema, x.Gender, x.ListedOn, x.Remarks), (c.Schema, c.Gender, c.ListedOn, c.Remarks));
            Assert.Equal(x.Names, c.Names);
            Assert.Equal(x.BirthDates, c.BirthDates);
            Assert.Equal(x.BirthPlaces, c.BirthPlaces);
            Assert.Equal(x.Nationalities, c.Nationalities);
            Assert.Equal(x.Addresses, c.Addresses);
            Assert.Equal(x.Identifiers, c.Identifiers);
            Assert.Equal(x.CrossReferences, c.CrossReferences);
            Assert.Equal(x.Programs, c.Programs);
            Assert.Equal(x.Titles, c.Titles);
            Assert.Equal(x.Properties, c.Properties);
        }
    }

    [Fact]
    public void Csv_shifted_row_is_reported()
    {
        var lines = File.ReadAllLines(Csv);
        lines[4] = lines[4].Replace("Branch Office 15,", "Branch Office 15,,", StringComparison.Ordinal);
        var path = TempFile.Write(System.Text.Encoding.UTF8.GetBytes(string.Join("\r\n", lines)), ".csv");
        try
        {
            var r = RepoFiles.Load(new FcdoCsvReader(), path);
            var d = Assert.Single(r.Diagnostics);
            Assert.Equal(("bad-row", "line 5"), (d.Code, d.Location));
            Assert.Equal(2, r.Entities.Single(e => e.SourceId == "AFG0001").Names.Length);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Each_reader_detects_its_own_files_only()
    {
        IListReader[] readers = [new FcdoOdsReader(), new FcdoXmlReader(), new FcdoCsvReader()];
        string[] own = [Ods, Xml, Csv];
        var files = RepoFiles.AllListFiles().Concat([Xml, Csv, OfsiConListReaderTests.Csv]).ToList();
        for (var i = 0; i < readers.Length; i++)
        {
            foreach (var file in files)
            {
                Assert.Equal(file == own[i], readers[i].CanRead(ListProbe.Open(file)));
            }
        }
    }
}
