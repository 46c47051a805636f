using Comity.Application.Evaluation;
using Comity.Core.Model;

namespace Comity.Application.Tests.Evaluation;

public class PopulationCsvTests
{
    [Fact]
    public void Reads_entries_and_turns_them_into_queries()
    {
        const string csv = "id,name,schema,dob,nationality,locale,kind,split\n"
            + "pop-p1,Anna Schmidt,Person,1971-03-14,de,de,person,dev\n"
            + "pop-c1,\"Smith & Jones, Ltd\",Company,,gb,en-GB,company,test\n";
        var result = PopulationCsv.Read(new StringReader(csv), "population.csv");
        Assert.Empty(result.Diagnostics);
        var anna = result.Rows[0];
        Assert.Equal(("pop-p1", "Anna Schmidt", Schema.Person, "de", "de", "person", "dev"), (anna.Id, anna.Name, anna.Schema, anna.Nationality, anna.Locale, anna.Kind, anna.Split));
        Assert.Equal(new PartialDate(1971, 3, 14), anna.BirthDate);
        var query = anna.ToQuery();
        Assert.Equal(["Anna Schmidt"], query.Names);
        Assert.Equal(["de"], query.Countries);
        Assert.Equal(new PartialDate(1971, 3, 14), query.BirthDates.Single().From);
        Assert.Equal("Smith & Jones, Ltd", result.Rows[1].Name);
        Assert.Null(result.Rows[1].BirthDate);
        Assert.Equal(Schema.Company, result.Rows[1].ToQuery().Schema);
    }

    [Fact]
    public void Bad_dates_countries_and_schemata_are_reported_by_line()
    {
        const string csv = "id,name,schema,dob,nationality\n"
            + "a,Anna,Person,14/03/1971,de\n"
            + "b,Bob,Person,1971,Narnia\n"
            + "c,Cy,Robot,,\n"
            + "d,,Person,,\n"
            + "e,Eve,Person,1980-02,Germany\n";
        var result = PopulationCsv.Read(new StringReader(csv), "pop.csv");
        Assert.Equal(["line 2", "line 3", "line 4", "line 5"], result.Diagnostics.Select(d => d.Location));
        var eve = Assert.Single(result.Rows);
        Assert.Equal("de", eve.Nationality);
        Assert.Equal(new PartialDate(1980, 2), eve.BirthDate);
    }

    [Fact]
    public void The_generated_population_reads_without_diagnostics()
    {
        var path = RepoFiles.Path("data/eval/population.csv");
        var result = PopulationCsv.Read(path);
        Assert.Empty(result.Diagnostics);
        var persons = result.Rows.Where(r => r.Kind == "person").ToList();
        Assert.Equal(16_000, persons.Count); // GeneratorOptions.Persons
        Assert.All(persons, p => Assert.NotNull(p.BirthDate));
        Assert.All(persons, p => Assert.NotNull(p.Nationality));
        Assert.InRange(result.Rows.Count(r => r.Kind == "company"), 3_500, 4_000); // GeneratorOptions.Companies, less names the generator refuses as duplicates
        Assert.Contains(result.Rows, r => r.Kind == "short" && r.Name == "J Smith");
        Assert.True(result.Rows.Select(r => r.Locale).Distinct().Count() >= 20);
    }
}
