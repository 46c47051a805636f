using Comity.Core.Model;
using Comity.Sources.Abstractions;
using Comity.Sources.UsTrade;

namespace Comity.Sources.Tests.UsTrade;

public class DplTextReaderTests
{
    private const string File = "data/lists/us/bis-dpl/dpl.txt";
    private const string Header = "\"Name\"\t\"Street_Address\"\t\"City\"\t\"State\"\t\"Country\"\t\"Postal_Code\"\t\"Effective_Date\"\t\"Expiration_Date\"\t\"Standard_Order\"\t\"Last_Update\"\t\"Action\"\t\"FR_Citation\"";
    private static readonly Lazy<LoadResult> Real = new(() => new DplTextReader().Load(File));
    private readonly DplTextReader _reader = new();

    [Fact]
    public void Detects_only_the_dpl_file() => DetectionAssert.OnlyOwnFiles(_reader, File);

    [Fact]
    public void Counts_equal_the_readme()
    {
        var r = Real.Value;
        Assert.Equal(581, r.Provenance.RecordCounts["dpl.txt"]);

        // 460 distinct raw names; " I. ASH" and "I. ASH" are the same name once whitespace is cleaned.
        Assert.Equal(459, r.Entities.Length);
        Assert.Equal(459, r.Entities.Select(e => e.Id).Distinct().Count());
        Assert.Equal("2022-09-02", r.Provenance.Published);
        Assert.All(r.Entities, e => Assert.Equal(["export.control"], e.Topics));
    }

    [Fact]
    public void Typo_years_in_last_update_are_diagnosed()
    {
        var d = Real.Value.Diagnostics;
        Assert.Equal(["line 35", "line 306", "line 343"], d.Select(x => x.Location));
        Assert.All(d, x => Assert.Equal("bad-date", x.Code));
        Assert.Contains("0222-05-18", d[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Grouped_rows_field_by_field()
    {
        var e = Assert.Single(Real.Value.Entities, x => x.Caption == "I. ASH");
        Assert.Equal(Schema.LegalEntity, e.Schema);
        Assert.Equal(3, e.Addresses.Length);
        Assert.Equal(
            new Address("UPON THE DATE OF THE ORDER INCARCERATED AT USM NO: 26265-177, FCI SEAGOVILLE, 2113 NORTH HIGHWAY 175, SEAGOVILLE, TX, 75159, US",
                "UPON THE DATE OF THE ORDER INCARCERATED AT USM NO: 26265-177, FCI SEAGOVILLE, 2113 NORTH HIGHWAY 175", "SEAGOVILLE", "TX", "75159", "us"),
            e.Addresses[0]);
        Assert.Equal(new PartialDate(2002, 3, 4), e.ListedOn);
        Assert.Equal("2056-06-29", e.Property("endDate"));
        Assert.Null(e.Property("status"));
        Assert.Equal(["DPL"], e.Programs);
    }

    [Fact]
    public void Nickname_in_quotes_is_a_weak_alias()
    {
        var e = Assert.Single(Real.Value.Entities, x => x.Caption == "IHSAN MEDHAT ELASHI" && x.Names.Length > 1);
        Assert.Equal(
            [new EntityName("IHSAN MEDHAT ELASHI"), new EntityName("IHSAN MEDHAT SAMMY ELASHI", NameKind.Alias), new EntityName("SAMMY", NameKind.WeakAlias)],
            e.Names);
        Assert.Equal(2, e.Addresses.Length);
    }

    [Fact]
    public void Expired_denials_are_marked_against_the_files_newest_date()
    {
        var text = Header + "\n"
            + "\"OLD CO\"\t\"1 A ST\"\t\"X\"\t\"\"\t\"\"\t\"\"\t\"01/02/2010\"\t\"01/02/2020\"\t\"Y\"\t\"2010-01-05\"\t\"ADDED\"\t\"\"\n"
            + "\"NEW CO\"\t\"2 B ST\"\t\"Y\"\t\"\"\t\"GB\"\t\"\"\t\"03/04/2022\"\t\"03/04/2032\"\t\"Y\"\t\"2022-03-05\"\t\"ADDED\"\t\"\"\n"
            + "\"BROKEN\"\t\"only two\"\n";
        using var f = new TempFile(text, ".txt");
        var r = _reader.Load(f.Probe);
        Assert.Equal("2022-03-05", r.Provenance.Published);
        Assert.Equal("expired", Assert.Single(r.Entities, e => e.Caption == "OLD CO").Property("status"));
        Assert.Null(Assert.Single(r.Entities, e => e.Caption == "NEW CO").Property("status"));
        Assert.Equal("line 4", Assert.Single(r.Diagnostics).Location);
    }
}
