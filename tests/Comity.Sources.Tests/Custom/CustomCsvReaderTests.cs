using Comity.Core.Model;
using Comity.Sources.Abstractions;
using Comity.Sources.Custom;

namespace Comity.Sources.Tests.Custom;

public class CustomCsvReaderTests
{
    private const string Sample = "data/constructed/custom/watchlist.csv";
    private readonly CustomCsvReader _reader = new();

    [Fact]
    public void Rejects_every_official_list_file() => DetectionAssert.OnlyOwnFiles(_reader);

    [Fact]
    public void Accepts_the_constructed_watchlist() => Assert.True(_reader.CanRead(RepoFiles.Probe(Sample)));

    [Fact]
    public void Reads_the_constructed_watchlist_field_by_field()
    {
        var r = _reader.Load(Sample);
        Assert.Empty(r.Diagnostics);
        Assert.Equal("custom-watchlist", r.Provenance.Source);
        Assert.Equal(5, r.Provenance.RecordCounts["watchlist.csv"]);
        Assert.Equal(5, r.Entities.Length);

        var ivan = r.Entities[0];
        Assert.Equal("custom-watchlist:WL-001", ivan.Id);
        Assert.Equal(Schema.Person, ivan.Schema);
        Assert.Equal(
            [new EntityName("Ivan Petrovich Sidorenko"), new EntityName("Ivan Sidorenko", NameKind.Alias), new EntityName("I. P. Sidorenko", NameKind.Alias)],
            ivan.Names);
        Assert.Equal([new PartialDate(1971, 3, 14), new PartialDate(1972)], ivan.BirthDates.Select(d => d.From));
        Assert.Equal(["ru"], ivan.Nationalities);
        Assert.Equal("ru", Assert.Single(ivan.Addresses).Country);
        Assert.Equal(new Identifier(IdentifierType.Passport, "7712345678"), Assert.Single(ivan.Identifiers));
        Assert.Equal(["INTERNAL-HIGH"], ivan.Programs);
        Assert.Equal(new PartialDate(2024, 2, 1), ivan.ListedOn);

        var northwind = r.Entities[1];
        Assert.Equal(Schema.Company, northwind.Schema);
        Assert.StartsWith("northwind-trading-fze-", northwind.SourceId, StringComparison.Ordinal);
        Assert.Equal(["Northwind Trading", "NWT FZE"], northwind.Names.Skip(1).Select(n => n.Full));
        Assert.Equal("ae", Assert.Single(northwind.Addresses).Country);

        var vessel = r.Entities[2];
        Assert.Equal(Schema.Vessel, vessel.Schema);
        Assert.Equal("9187629", Assert.Single(vessel.Identifiers).Normalized);
        Assert.Equal(new CrossReference("IMO", "9187629"), Assert.Single(vessel.CrossReferences));

        var jane = r.Entities[3];
        Assert.Equal("Doe, Jane Mary", jane.Caption);
        Assert.True(Assert.Single(jane.BirthDates).Circa);
        Assert.Equal(["gb"], jane.Nationalities);

        Assert.Equal(["INTERNAL-LOW", "INTERNAL-REVIEW"], r.Entities[4].Programs);
        Assert.Equal(["cy", "mt"], r.Entities[4].Addresses.Select(a => a.Country));
    }

    [Fact]
    public void Derived_ids_are_stable_across_reads() =>
        Assert.Equal(_reader.Load(Sample).Entities[1].Id, _reader.Load(Sample).Entities[1].Id);

    [Fact]
    public void Column_mapping_and_source_name()
    {
        var mapping = new CustomColumnMapping(
            new Dictionary<string, string> { ["id"] = "Ref", ["name"] = "Full Name", ["aliases"] = "AKA", ["dob"] = "Born", ["nationality"] = "Citizenship" },
            "bank-internal");
        var reader = new CustomCsvReader(mapping);
        var probe = RepoFiles.Probe("data/constructed/custom/watchlist-mapped.csv");
        Assert.False(_reader.CanRead(probe));
        Assert.True(reader.CanRead(probe));
        var r = reader.Load(probe);
        Assert.Empty(r.Diagnostics);
        Assert.Equal("bank-internal", r.Provenance.Source);
        Assert.Equal(["bank-internal:X-1", "bank-internal:X-2"], r.Entities.Select(e => e.Id));
        Assert.Equal(["Pavel Orlov", "Pasha Orlov", "P. Orlov"], r.Entities[0].Names.Select(n => n.Full));
        Assert.Equal(new PartialDate(1965, 4, 3), r.Entities[0].BirthDates[0].From);
        Assert.Equal(["pl", "de"], r.Entities[1].Nationalities);
    }

    [Fact]
    public void Malformed_rows_are_reported_with_line_numbers()
    {
        const string Csv = "id,name,dob,nationality,schema\n"
            + "1,Good Person,1980-01-01,FR,person\n"
            + "2,Too,Many,Cells,person,extra\n"
            + "3,,1980,FR,person\n"
            + "1,Duplicate Id,,,\n"
            + "4,\"Multi\nLine Name\",not a date,Atlantis,dragon\n"
            + "5,\"Unterminated,1980,FR,person\n";
        using var f = new TempFile(Csv, ".csv");
        var r = _reader.Load(f.Probe);
        Assert.Equal(["Good Person", "Multi Line Name"], r.Entities.Select(e => e.Caption));
        Assert.Equal(
            ["line 3 bad-row", "line 4 bad-row", "line 5 duplicate-id", "line 6 bad-schema", "line 6 bad-date", "line 6 bad-country", "line 8 bad-row"],
            r.Diagnostics.Select(d => d.Location + " " + d.Code));
    }

    [Fact]
    public void Empty_file_throws()
    {
        using var f = new TempFile(string.Empty, ".csv");
        Assert.False(_reader.CanRead(f.Probe));
        Assert.Throws<ListFormatException>(() => _reader.Load(f.Probe));
    }
}
