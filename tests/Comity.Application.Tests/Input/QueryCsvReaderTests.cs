using Comity.Application.Input;
using Comity.Core.Model;

namespace Comity.Application.Tests.Input;

public class QueryCsvReaderTests
{
    private static List<InputRow> Read(string csv, Dictionary<string, string>? map = null) =>
        [.. QueryCsvReader.Read(new StringReader(csv), map)];

    [Fact]
    public void A_file_that_is_not_utf8_makes_the_altered_rows_errors_and_screens_the_rest()
    {
        // Windows-1252 bytes (é = 0xE9) in a file read as UTF-8 decode to U+FFFD.
        var path = Path.Combine(Path.GetTempPath(), $"comity-latin1-{Guid.NewGuid():N}.csv");
        File.WriteAllBytes(path, [.. "id,name\nc1,Ren"u8, 0xE9, .. " Dupont\nc2,Anna Schmidt\n"u8]);
        try
        {
            var rows = QueryCsvReader.Read(path).ToList();
            Assert.Equal(2, rows.Count);
            Assert.Null(rows[0].Query);
            Assert.Equal("line 2: column 'name' holds bytes that are not UTF-8 (save the file as UTF-8)", rows[0].Error);
            Assert.Equal(["Anna Schmidt"], rows[1].Query!.Names);
        }
        finally
        {
            File.Delete(path);
        }
    }

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
    public void A_name_beyond_the_limits_is_that_rows_error_and_the_next_row_is_read()
    {
        var rows = Read("name\n" + new string('a', QueryLimits.MaxNameChars + 1) + "\nNext One\n");
        Assert.Equal(2, rows.Count);
        Assert.Null(rows[0].Query);
        Assert.Contains("at most 1000 characters", rows[0].Error, StringComparison.Ordinal);
        Assert.Equal("Next One", rows[1].Query!.Names[0]);
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

public class QueryCsvTests
{
    private static QueryCsv Open(string csv, Dictionary<string, string>? map = null) => QueryCsvReader.Open(new StringReader(csv), map, "t.csv");

    [Fact]
    public void An_unterminated_quote_is_one_error_row_and_reading_resyncs_at_the_next_line()
    {
        using var csv = Open("name,country\nA One,DE\n\"B Two,FR\nC Three,IT\nD Four,ES\nE Five,PT\n");
        var rows = csv.Rows().ToList();
        Assert.Equal([1, 2, 3, 4, 5], rows.Select(r => r.Row));
        Assert.Equal([2, 3, 4, 5, 6], rows.Select(r => r.Line));
        Assert.Null(rows[1].Query);
        Assert.Equal("line 3: unterminated quote; reading goes on at line 4", rows[1].Error);
        Assert.Equal(["A One", "C Three", "D Four", "E Five"], rows.Where(r => r.Query is not null).Select(r => r.Query!.Names[0]));
    }

    [Fact]
    public void Quoted_fields_with_separators_and_doubled_quotes_still_read()
    {
        using var csv = Open("name,country\n\"Doe, John \"\"JD\"\"\",DE\n");
        var q = Assert.Single(csv.Rows()).Query!;
        Assert.Equal("Doe, John \"JD\"", q.Names[0]);
    }

    [Theory]
    [InlineData("Name,Geburtsdatum,Staatsangehörigkeit,Geschlecht,Reisepass\nAnna Schmidt,1985-02-01,Russland,weiblich,X1\n")]
    [InlineData("Nom complet,Date de naissance,Nationalité,Sexe,Passeport\nAnna Schmidt,1985-02-01,Russie,F,X1\n")]
    [InlineData("Nombre completo,Fecha de nacimiento,Nacionalidad,Sexo,Pasaporte\nAnna Schmidt,1985-02-01,Rusia,F,X1\n")]
    [InlineData("Nome completo,Data di nascita,Nazionalità,Sesso,Passaporto\nAnna Schmidt,1985-02-01,Russia,F,X1\n")]
    [InlineData("Naam,Geboortedatum,Nationaliteit,Geslacht,Paspoort\nAnna Schmidt,1985-02-01,Rusland,V,X1\n")]
    public void Localised_headers_and_country_names_are_read(string text)
    {
        using var csv = Open(text);
        Assert.Empty(csv.Unrecognised);
        Assert.Equal([QueryField.Name, QueryField.BirthDate, QueryField.Country, QueryField.Gender, QueryField.Passport], csv.Bindings.Select(b => b.Field));
        var q = Assert.Single(csv.Rows()).Query!;
        Assert.Equal("Anna Schmidt", q.Names[0]);
        Assert.Equal("1985-02-01", q.BirthDates.Single().From.ToString());
        Assert.Equal(["ru"], q.Countries);
        Assert.Equal(IdentifierType.Passport, q.Identifiers.Single().Type);
    }

    [Theory]
    [InlineData("Vorname,Name", "Anna", "Schmidt")]
    [InlineData("Prénom,Nom", "Anna", "Schmidt")]
    [InlineData("Voornaam,Naam", "Anna", "Schmidt")]
    [InlineData("Nombre,Apellidos", "Anna", "Schmidt")]
    [InlineData("Nome,Cognome", "Anna", "Schmidt")]
    [InlineData("Vorname,Nachname", "Anna", "Schmidt")]
    public void A_plain_name_header_beside_a_first_or_last_name_is_the_other_part(string header, string first, string last)
    {
        using var csv = Open($"{header}\n{first},{last}\n");
        var q = Assert.Single(csv.Rows()).Query!;
        Assert.Equal($"{first} {last}", Assert.Single(q.Names));
        Assert.Equal(last, q.Parts!.Family);
        Assert.Equal(first, q.Parts.Given);
    }

    [Fact]
    public void Unrecognised_columns_are_listed_with_the_map_hint()
    {
        using var csv = Open("Kunde,Lieblingsfarbe,Name\nk,blau,X\n");
        Assert.Equal(["Kunde", "Lieblingsfarbe"], csv.Unrecognised);
        Assert.StartsWith("t.csv: 2 columns not recognised and not screened: Kunde, Lieblingsfarbe; bind one with --map 'Kunde=FIELD'", csv.UnrecognisedMessage, StringComparison.Ordinal);

        using var mapped = Open("Kunde,Lieblingsfarbe,Name\nk,blau,X\n", new() { ["Kunde"] = "id" });
        Assert.Equal(["Lieblingsfarbe"], mapped.Unrecognised);
        Assert.Equal("k", Assert.Single(mapped.Rows()).Query!.Id);
    }

    [Fact]
    public void A_header_without_a_name_is_refused_naming_the_source()
    {
        var e = Assert.Throws<ArgumentException>(() => Open("Kunde,Geburtsdatum\nk,1970\n"));
        Assert.StartsWith("t.csv: line 1: the header has no name column", e.Message, StringComparison.Ordinal);
    }
}

public class GenderTests
{
    [Theory]
    [InlineData("weiblich", Gender.Female)]
    [InlineData("W", Gender.Female)]
    [InlineData("femme", Gender.Female)]
    [InlineData("mujer", Gender.Female)]
    [InlineData("donna", Gender.Female)]
    [InlineData("V", Gender.Female)]
    [InlineData("männlich", Gender.Male)]
    [InlineData("homme", Gender.Male)]
    [InlineData("hombre", Gender.Male)]
    [InlineData("uomo", Gender.Male)]
    [InlineData("man", Gender.Male)]
    [InlineData("divers", Gender.Other)]
    [InlineData("unbekannt", Gender.Unknown)]
    public void Localised_gender_values(string text, Gender gender) => Assert.Equal(gender, QueryBuilder.ParseGender(text));
}
