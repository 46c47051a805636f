using Comity.Application.Input;
using Comity.Core.Model;

namespace Comity.Application.Tests.Input;

public class QueryCsvReaderTests
{
    private static List<InputRow> Read(string csv, Dictionary<string, string>? map = null) =>
        [.. QueryCsvReader.Read(new StringReader(csv), map)];

    [Fact]
    public void Binds_known_columns_case_insensitively_and_cleans_values()
    {
        var rows = Read("ID,Full_Name,DOB,Nationality,Gender,Passport\nc1,Nicolas Maduro,1962-11-23,Venezuela,M,A123456\n");
        var q = Assert.Single(rows).Query!;
        Assert.Equal("c1", q.Id);
        Assert.Equal(["Nicolas Maduro"], q.Names);
        Assert.Equal(Schema.Person, q.Schema);
        Assert.Equal("1962-11-23", q.BirthDates.Single().From.ToString());
        Assert.Equal(["ve"], q.Countries);
        Assert.Equal(Gender.Male, q.Gender);
        Assert.Equal(IdentifierType.Passport, q.Identifiers.Single().Type);
    }

    [Fact]
    public void Composes_a_name_from_parts()
    {
        var q = Read("first_name,middle_name,last_name\nMarek,Ilich,Dovranov\n").Single().Query!;
        Assert.Equal("Marek Ilich Dovranov", q.Names.Single());
        Assert.Equal("Dovranov", q.Parts!.Family);
        Assert.Equal(Schema.Person, q.Schema);
    }

    [Fact]
    public void Map_binds_other_columns()
    {
        var q = Read("Client Name,Born\nAnna Schmidt,1985\n", new() { ["Client Name"] = "name", ["Born"] = "dob" }).Single().Query!;
        Assert.Equal("Anna Schmidt", q.Names.Single());
        Assert.Equal("1985", q.BirthDates.Single().From.ToString());
    }

    [Fact]
    public void Malformed_rows_are_reported_with_their_line_and_reading_goes_on()
    {
        var rows = Read("name,schema\nGood One,Person\nToo,Many,Cells\n,Person\nShip,Spaceship\nLast,Company\n");
        Assert.Equal(5, rows.Count);
        Assert.NotNull(rows[0].Query);
        Assert.Equal("line 3: 3 columns, header has 2", rows[1].Error);
        Assert.StartsWith("line 4: name:", rows[2].Error, StringComparison.Ordinal);
        Assert.Equal("line 5: schema: unknown schema 'Spaceship'", rows[3].Error);
        Assert.Equal(Schema.Company, rows[4].Query!.Schema);
    }

    [Fact]
    public void Unparseable_values_are_dropped_with_a_warning()
    {
        var row = Read("name,dob,country\nX Y,sometime,Ruritania\n").Single();
        Assert.NotNull(row.Query);
        Assert.Empty(row.Query.BirthDates);
        Assert.Empty(row.Query.Countries);
        Assert.Equal(2, row.Warnings.Count);
    }

    [Fact]
    public void A_header_without_a_name_column_is_refused() =>
        Assert.Throws<ArgumentException>(() => Read("id,dob\n1,1970\n"));

    [Fact]
    public void Semicolon_separated_files_are_detected()
    {
        var q = Read("name;country\nBanco Nacional de Cuba;Cuba\n").Single().Query!;
        Assert.Equal(["cu"], q.Countries);
    }
}
