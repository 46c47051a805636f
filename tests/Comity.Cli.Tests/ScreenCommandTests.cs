using System.Text.Json;

namespace Comity.Cli.Tests;

public class ScreenCommandTests(DefaultCorpusFixture corpus) : IClassFixture<DefaultCorpusFixture>
{
    private readonly DefaultCorpusFixture _corpus = corpus;

    [Fact]
    public void Screens_the_example_customers_against_the_bundled_corpus()
    {
        Assert.NotNull(_corpus);
        var r = Cli.Run("screen", Cli.Repo("examples/customers.csv"));
        Assert.True(r.Exit == 0, r.ToString());
        var lines = r.Lines;
        Assert.Equal(10, lines.Length);
        var rows = lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(Enumerable.Range(1, 10), rows.Select(x => x.GetProperty("row").GetInt32()));

        // Banco Nacional de Cuba is OFAC SDN entry 306.
        var bnc = rows.Single(x => x.GetProperty("id").GetString() == "c-003").GetProperty("hits")[0];
        Assert.Equal("us-ofac-sdn", bnc.GetProperty("source").GetString());
        Assert.Equal("306", bnc.GetProperty("source_id").GetString());
        Assert.True(bnc.GetProperty("match").GetBoolean());
        Assert.Contains("CUBA", bnc.GetProperty("programs").EnumerateArray().Select(p => p.GetString()));
        Assert.True(bnc.GetProperty("explanation").GetProperty("features").GetArrayLength() > 0);

        // An invented German name has no match.
        var anna = rows.Single(x => x.GetProperty("id").GetString() == "c-002");
        Assert.DoesNotContain(anna.GetProperty("hits").EnumerateArray(), h => h.GetProperty("match").GetBoolean());

        // Hits are sorted by score.
        foreach (var row in rows)
        {
            var scores = row.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("score").GetDouble()).ToList();
            Assert.Equal(scores.OrderByDescending(s => s), scores);
        }

        Assert.Contains("10 rows", r.Err, StringComparison.Ordinal);
        Assert.Contains("rows/s", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_row_with_the_wrong_column_count_is_in_the_output_and_the_run_exits_4()
    {
        var r = Cli.RunWithInput("name,schema\nHANIYA Ismail,Person\nbad,row,extra\n", "screen", "-", "--format", "csv", "--limit", "2");
        Assert.True(r.Exit == 4, r.ToString());
        Assert.Contains("skipped row 2: line 3", r.Err, StringComparison.Ordinal);
        var lines = r.Lines;
        Assert.StartsWith("row,id,query_name,entity_id", lines[0], StringComparison.Ordinal);
        var error = Assert.Single(lines, l => l.StartsWith("2,", StringComparison.Ordinal));
        Assert.EndsWith(",\"line 3: 3 columns, header has 2\"", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unterminated_quote_costs_one_row_not_the_rest_of_the_file()
    {
        const string csv = "name,country\nBANCO NACIONAL DE CUBA,Cuba\n\"Vladimir Putin,Russia\nNicolas Maduro,Venezuela\nHANIYA Ismail,\nKim Jong Un,North Korea\n";
        var r = Cli.RunWithInput(csv, "screen", "-", "--limit", "1");
        Assert.True(r.Exit == 4, r.ToString());
        var rows = r.Lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal([1, 2, 3, 4, 5], rows.Select(x => x.GetProperty("row").GetInt32()));
        var bad = rows[1];
        Assert.Equal(3, bad.GetProperty("line").GetInt32());
        Assert.Contains("unterminated quote", bad.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.All(rows.Where((_, i) => i != 1), x => Assert.True(x.TryGetProperty("hits", out _)));
        Assert.Equal("Kim Jong Un", rows[4].GetProperty("query").GetProperty("name")[0].GetString());
        Assert.Contains("skipped row 2: line 3: unterminated quote", r.Err, StringComparison.Ordinal);
        Assert.Contains("5 rows", r.Err, StringComparison.Ordinal);
        Assert.Contains("1 skipped", r.Err, StringComparison.Ordinal);

        var allowed = Cli.RunWithInput(csv, "screen", "-", "--limit", "1", "--allow-skipped");
        Assert.True(allowed.Exit == 0, allowed.ToString());
        Assert.Equal(5, allowed.Lines.Length);
    }

    [Fact]
    public void Csv_output_carries_the_decision_columns()
    {
        var r = Cli.RunWithInput("name,schema\nBANCO NACIONAL DE CUBA,Organization\n=HYPERLINK(\"x\"),Organization\n",
            "screen", "-", "--format", "csv", "--jurisdiction", "DE", "--role", "bank", "--as-of", "2026-10-01", "--limit", "1", "--min-score", "0");
        Assert.True(r.Exit == 0, r.ToString());
        var header = r.Lines[0].Split(',');
        Assert.Equal(["action", "conflict", "unconfirmed", "basis"], header.Skip(Array.IndexOf(header, "action")).Take(4));
        var bnc = r.Lines.Single(l => l.StartsWith("1,", StringComparison.Ordinal));
        Assert.Contains("us-ofac-sdn:306", bnc, StringComparison.Ordinal);
        Assert.Contains(",must_not_comply,", bnc, StringComparison.Ordinal);
        Assert.Contains("2271/96", bnc, StringComparison.Ordinal);

        // A formula in the input never reaches a spreadsheet as a formula.
        Assert.DoesNotContain(r.Lines, l => l.Contains(",=HYPERLINK", StringComparison.Ordinal) || l.Contains(",\"=HYPERLINK", StringComparison.Ordinal));
    }

    [Fact]
    public void Csv_output_leaves_the_decision_columns_empty_without_a_profile()
    {
        var r = Cli.RunWithInput("name\nBANCO NACIONAL DE CUBA\n", "screen", "-", "--format", "csv", "--limit", "1");
        Assert.True(r.Exit == 0, r.ToString());
        var header = r.Lines[0].Split(',');
        var cells = r.Lines[1].Split(',');
        Assert.Equal(header.Length, cells.Length);
        Assert.All(["action", "conflict", "unconfirmed", "basis", "error"], c => Assert.Equal(string.Empty, cells[Array.IndexOf(header, c)]));
    }

    [Fact]
    public void German_headers_and_country_names_are_read_and_unknown_columns_are_listed_first()
    {
        var csv = "Kundennummer,Name,Geburtsdatum,Staatsangehörigkeit,Lieblingsfarbe\nk1,Vladimir Putin,1952-10-07,Russland,blau\n";
        var r = Cli.RunWithInput(csv, "screen", "-", "--limit", "1");
        Assert.True(r.Exit == 0, r.ToString());
        Assert.StartsWith("comity: standard input: 1 column not recognised and not screened: Lieblingsfarbe; bind one with --map 'Lieblingsfarbe=FIELD'", r.ErrLines[0], StringComparison.Ordinal);
        var row = JsonDocument.Parse(r.Lines[0]).RootElement;
        Assert.Equal("k1", row.GetProperty("id").GetString());
        var query = row.GetProperty("query");
        Assert.Equal("ru", query.GetProperty("country")[0].GetString());
        Assert.Equal("1952-10-07", query.GetProperty("dob")[0].GetString());
    }

    [Fact]
    public void A_date_of_birth_under_a_german_header_lowers_a_hit_it_contradicts()
    {
        var without = Cli.RunWithInput("Name\nVladimir Putin\n", "screen", "-", "--limit", "1");
        var with = Cli.RunWithInput("Name,Geburtsdatum\nVladimir Putin,1990-01-01\n", "screen", "-", "--limit", "1");
        Assert.True(without.Exit == 0 && with.Exit == 0, without + "\n" + with);
        static double Score(CliResult r) => JsonDocument.Parse(r.Lines[0]).RootElement.GetProperty("hits")[0].GetProperty("score").GetDouble();
        Assert.True(Score(with) < Score(without), $"{Score(with)} vs {Score(without)}");
    }

    [Fact]
    public void Results_can_go_to_a_file()
    {
        var dir = Directory.CreateTempSubdirectory("comity-out").FullName;
        var path = Path.Combine(dir, "out.jsonl");
        var r = Cli.RunWithInput("name\nBANCO NACIONAL DE CUBA\n", "screen", "-", "--out", path);
        Assert.True(r.Exit == 0, r.ToString());
        Assert.Equal(string.Empty, r.Out);
        Assert.Equal(1, JsonDocument.Parse(File.ReadAllLines(path)[0]).RootElement.GetProperty("row").GetInt32());
    }
}
