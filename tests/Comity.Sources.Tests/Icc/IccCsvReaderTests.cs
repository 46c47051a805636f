using Comity.Core.Model;
using Comity.Sources.Icc;

namespace Comity.Sources.Tests.Icc;

public class IccCsvReaderTests
{
    private readonly IccCsvReader _reader = new();

    [Fact]
    public void Detects_only_the_warrant_and_designation_files() =>
        DetectionAssert.OnlyOwnFiles(_reader, "data/icc/warrants.csv", "data/icc/us-eo14203-designations.csv");

    [Fact]
    public void Accepts_the_folder() => Assert.True(_reader.CanRead(RepoFiles.Probe("data/icc")));

    [Fact]
    public void Folder_loads_66_warrants_and_19_designations()
    {
        var result = _reader.Load("data/icc");
        Assert.Empty(result.Diagnostics);
        Assert.Equal(66, result.Entities.Count(e => e.Source == "icc-warrants"));
        Assert.Equal(19, result.Entities.Count(e => e.Source == "us-ofac-icc"));
        Assert.Equal(85, result.Entities.Length);
        Assert.Equal("icc-dataset", result.Provenance.Source);
        Assert.Equal(66, result.Provenance.RecordCounts["warrants.csv"]);
        Assert.Equal(19, result.Provenance.RecordCounts["us-eo14203-designations.csv"]);
        Assert.Equal(2, result.Provenance.Files.Length);
        Assert.Equal(result.Entities.Length, result.Entities.Select(e => e.Id).Distinct().Count());
    }

    [Fact]
    public void Putin_warrant_field_by_field()
    {
        var result = _reader.Load("data/icc/warrants.csv");
        Assert.Equal("icc-warrants", result.Provenance.Source);
        var e = Assert.Single(result.Entities, x => x.SourceId == "icc-putin-vladimir");
        Assert.Equal("icc-warrants:icc-putin-vladimir", e.Id);
        Assert.Equal(Schema.Person, e.Schema);
        Assert.Equal("Vladimir Vladimirovich Putin", e.Caption);
        Assert.Equal([new EntityName("Vladimir Vladimirovich Putin"), new EntityName("Putin", NameKind.Alias)], e.Names);
        Assert.Equal(["ru"], e.Nationalities);
        Assert.Empty(e.BirthDates);
        Assert.Equal(new PartialDate(2023, 3, 17), e.ListedOn);
        Assert.Equal(["wanted", "crime.war"], e.Topics);
        Assert.Equal("Ukraine", e.Property("situation"));
        Assert.Equal("Situation in Ukraine (warrant case)", e.Property("case"));
        Assert.Equal("warrant", e.Property("instrument"));
        Assert.Equal("2023-03-17", e.Property("issued"));
        Assert.Equal("at_large", e.Property("status"));
        Assert.Equal("2023-03-17", e.Property("status_date"));
        Assert.StartsWith("Warrant applied for 22 Feb 2023, issued 17 Mar 2023; at large.", e.Property("status_note"), StringComparison.Ordinal);
        Assert.Equal("confirmed", e.Property("verification"));
        Assert.Null(e.Property("unconfirmed_reason"));
        Assert.StartsWith("President of Russia; war crimes", e.Remarks, StringComparison.Ordinal);
    }

    [Fact]
    public void Unconfirmed_rows_are_loaded_and_flagged()
    {
        var result = _reader.Load("data/icc/warrants.csv");
        Assert.Equal(49, result.Entities.Count(e => e.Property("verification") == "unconfirmed"));
        Assert.All(result.Entities.Where(e => e.Property("verification") == "unconfirmed"),
            e => Assert.False(string.IsNullOrWhiteSpace(e.Property("unconfirmed_reason"))));
        Assert.Equal(29, result.Entities.Count(e => e.Topics.Contains("wanted")));
    }

    [Fact]
    public void Age_derived_birth_year_is_circa()
    {
        var e = Assert.Single(_reader.Load("data/icc/warrants.csv").Entities, x => x.SourceId == "icc-duterte-rodrigo");
        var dob = Assert.Single(e.BirthDates);
        Assert.Equal(new PartialDate(1945), dob.From);
        Assert.True(dob.Circa);
        Assert.Equal(["ph"], e.Nationalities);
    }

    [Fact]
    public void Karim_Khan_designation_field_by_field()
    {
        var result = _reader.Load("data/icc/us-eo14203-designations.csv");
        Assert.Equal("us-ofac-icc", result.Provenance.Source);
        var e = Assert.Single(result.Entities, x => x.SourceId == "eo14203-khan-karim");
        Assert.Equal("us-ofac-icc:eo14203-khan-karim", e.Id);
        Assert.Equal(Schema.Person, e.Schema);
        Assert.Equal(
            [new EntityName("Karim Asad Ahmad Khan"), new EntityName("Karim A.A. Khan", NameKind.Alias), new EntityName("Karim Khan", NameKind.Alias)],
            e.Names);
        Assert.Equal(["gb"], e.Nationalities);
        Assert.Equal(["ICC-EO14203"], e.Programs);
        Assert.Equal(["sanction"], e.Topics);
        Assert.Equal(new PartialDate(2025, 2, 6), e.ListedOn);
        Assert.Equal("true", e.Property("curated"));
        Assert.Null(e.Property("delisted"));
        Assert.Equal("enforced", e.Property("enforcement_status"));
        Assert.StartsWith("Listed in the Annex of the order signed 6 Feb 2025", e.Property("enforcement_note"), StringComparison.Ordinal);
        Assert.Equal("confirmed", e.Property("verification"));
        Assert.StartsWith("ICC Prosecutor (UK national)", Assert.Single(e.Titles), StringComparison.Ordinal);
    }

    [Fact]
    public void Delisted_and_organization_designations()
    {
        var result = _reader.Load("data/icc/us-eo14203-designations.csv");
        var bensouda = Assert.Single(result.Entities, x => x.SourceId == "eo13928-bensouda-fatou");
        Assert.Equal(["ICC-EO13928"], bensouda.Programs);
        Assert.Empty(bensouda.Topics);
        Assert.Equal("2021-04", bensouda.Property("delisted"));
        Assert.Equal("unconfirmed", bensouda.Property("verification"));
        Assert.NotNull(bensouda.Property("unconfirmed_reason"));
        Assert.Equal(3, result.Entities.Count(x => x.Schema == Schema.Organization));
        var alHaq = Assert.Single(result.Entities, x => x.SourceId == "eo14203-al-haq");
        Assert.Equal(Schema.Organization, alHaq.Schema);
        Assert.Equal("ps", Assert.Single(alHaq.Addresses).Country);
        Assert.Equal(17, result.Entities.Count(x => x.Programs.Contains("ICC-EO14203")));
    }

    [Fact]
    public void Malformed_row_is_reported_with_its_line()
    {
        var header = File.ReadLines(RepoFiles.Full("data/icc/warrants.csv")).First();
        using var f = new TempFile(header + "\nicc-x-y,X Y,,,,,Mali,case,warrant,2020,at_large\n,No Id,,,,,Mali,c,warrant,2020,at_large,,,,confirmed,src\n", ".csv");
        var result = _reader.Load(f.Probe);
        Assert.Empty(result.Entities);
        Assert.Equal(["line 2", "line 3"], result.Diagnostics.Select(d => d.Location));
    }
}
