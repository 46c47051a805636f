using Comity.Core.Model;
using Comity.Sources.Abstractions;
using Comity.Sources.UsTrade;

namespace Comity.Sources.Tests.UsTrade;

public class CslCsvReaderTests
{
    private const string File = "data/lists/us/csl/consolidated.csv";
    private static readonly Lazy<LoadResult> Real = new(() => new CslCsvReader().Load(File));
    private readonly CslCsvReader _reader = new();

    [Fact]
    public void Detects_only_the_csl_file() => DetectionAssert.OnlyOwnFiles(_reader, File);

    [Fact]
    public void Counts_equal_the_readme()
    {
        var r = Real.Value;
        Assert.Empty(r.Diagnostics);
        Assert.Equal(14160, r.Provenance.RecordCounts["consolidated.csv"]);

        // 14,160 rows; 112 rows repeat an _id already seen (the same OFAC entry on SDN and CAPTA/SSI/NS-MBS/...).
        Assert.Equal(14048, r.Entities.Length);
        Assert.Equal("2022-04-21", r.Provenance.Published);
        int Rows(string list) => r.Entities.Count(e => e.Properties.Contains(new EntityProperty("list", list)));
        Assert.Equal(10026, Rows("SDN"));
        Assert.Equal(2001, Rows("EL"));
        Assert.Equal(727, Rows("DTC"));
        Assert.Equal(462, Rows("DPL"));
        Assert.Equal(201, Rows("UVL"));
        Assert.Equal(163, Rows("ISN"));
        Assert.Equal(78, Rows("PLC"));
        Assert.Equal(71, Rows("MEU"));
        Assert.Equal(68, Rows("CMIC"));
        Assert.Equal(17, Rows("NS-MBS"));
        Assert.Equal(3, Rows("FSE"));
        Assert.Equal(727, r.Entities.Count(e => e.Topics.Contains("debarment")));
        Assert.Equal(3625, r.Entities.Count(e => e.Schema == Schema.LegalEntity));
    }

    [Fact]
    public void Row_with_ids_field_by_field()
    {
        var e = Assert.Single(Real.Value.Entities, x => x.SourceId == "17291");
        Assert.Equal("us-trade-csl:17291", e.Id);
        Assert.Equal(Schema.Person, e.Schema);
        Assert.Equal(
            [
                new EntityName("'ABD AL-SALAM, 'Abd al-Malik Muhammad Yusuf 'Uthman"),
                new EntityName("'ABD-AL-SALAM, 'Abd al-Malik Muhammad Yusif", NameKind.Alias),
                new EntityName("'Umar al-Qatari", NameKind.Alias),
                new EntityName("'Umar al-Tayyar", NameKind.Alias),
            ],
            e.Names);
        Assert.Equal(["SDN", "SDGT"], e.Programs);
        Assert.Equal(["sanction"], e.Topics);
        Assert.Equal([new CrossReference("OFAC", "17291")], e.CrossReferences);
        Assert.Equal(["jo"], e.Nationalities);
        Assert.Equal(new PartialDate(1989, 7, 13), Assert.Single(e.BirthDates).From);
        Assert.Equal(
            [
                new Identifier(IdentifierType.NationalId, "28940000602", "qa", "National ID No."),
                new Identifier(IdentifierType.Passport, "K475336", "jo", "Passport; issued 2009-08-31; expires 2014-08-30"),
            ],
            e.Identifiers);
        Assert.Equal("SDN", e.Property("list"));
    }

    [Fact]
    public void Export_control_row_without_type()
    {
        var e = Assert.Single(Real.Value.Entities, x => x.SourceId == "4398d33e9e93c7477af39f1e0bfffc13ddd47bcc");
        Assert.Equal(Schema.LegalEntity, e.Schema);
        Assert.Equal("140 Repair Plant JSC", e.Caption);
        Assert.Equal(["Open Joint Stock Company 140 Repair Plant", "and JSC 140 Repair Plant"], e.Names.Skip(1).Select(n => n.Full));
        Assert.Equal(["EL"], e.Programs);
        Assert.Equal(["export.control"], e.Topics);
        Assert.Empty(e.CrossReferences);
        Assert.Equal(new PartialDate(2022, 4, 7), e.ListedOn);
        Assert.Equal(new Address("19 Luysi Chalovskoy St., Borisov, 222512, BY", Country: "by"), Assert.Single(e.Addresses));
        Assert.Equal("87 FR 20299", e.Property("federalRegisterNotice"));
        Assert.Equal("Policy of denial.", e.Property("licensePolicy"));
    }

    [Fact]
    public void Same_id_on_several_lists_is_one_entity()
    {
        var e = Assert.Single(Real.Value.Entities, x => x.SourceId == "34616");
        Assert.Equal("ARIMERO HOLDING LIMITED", e.Caption);
        Assert.Equal(["CAP", "SDN"], e.Properties.Where(p => p.Name == "list").Select(p => p.Value));
        Assert.Equal(["CAP", "RUSSIA-EO14024", "SDN"], e.Programs);
    }

    [Theory]
    [InlineData("QA, 28940000602, National ID No.", "National ID No.", "28940000602", "qa", null, null, null)]
    [InlineData("JO, 2014-08-30, 2009-08-31, K475336, Passport", "Passport", "K475336", "jo", "2014-08-30", "2009-08-31", null)]
    [InlineData("SD, 1998-10-28, 562605, Passport", "Passport", "562605", "sd", null, null, "1998-10-28")]
    [InlineData("Male, Gender", "Gender", "Male", null, null, null, null)]
    [InlineData("North Korea Sanctions Regulations, sections 510.201 and 510.210, Secondary sanctions risk:", "Secondary sanctions risk:", "North Korea Sanctions Regulations, sections 510.201 and 510.210", null, null, null, null)]
    public void Parses_ids_items(string item, string type, string? number, string? country, string? expires, string? issued, string? date) =>
        Assert.Equal(new CslId(type, number, country, expires, issued, date), CslId.Parse(item));

    [Fact]
    public void Bad_rows_are_reported_with_line_numbers()
    {
        var header = System.IO.File.ReadLines(RepoFiles.Full(File)).First();
        var good = "99,Specially Designated Nationals (SDN) - Treasury Department,99,Entity,SDGT,GOOD CO,,,,,,,,,,,,,,,,,,,,,,,";
        using var f = new TempFile(header + "\n1,too,few\n" + good + "\n,Specially Designated Nationals (SDN) - Treasury Department,,,,,,,,,,,,,,,,,,,,,,,,,,,\n", ".csv");
        var r = _reader.Load(f.Probe);
        Assert.Equal("GOOD CO", Assert.Single(r.Entities).Caption);
        Assert.Equal(["line 2", "line 4"], r.Diagnostics.Select(d => d.Location));
    }
}
