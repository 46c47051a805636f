namespace Comity.Cli.Tests;

/// <summary>Every bad argument, path, format, profile field and header is refused with exit 2 and one line naming it,
/// before any corpus is loaded.</summary>
public class InputErrorTests
{
    private static CliResult RunCounting(out SharedCorpus corpus, string? stdin, params string[] args)
    {
        corpus = new SharedCorpus();
        return Cli.Run(corpus, stdin, args);
    }

    [Theory]
    [InlineData("--jurisdiction XX", "--jurisdiction XX")]
    [InlineData("--jurisdiction DE --role banker", "--role banker")]
    [InlineData("--role bank", "--role bank: needs a jurisdiction")]
    [InlineData("--as-of 2026-01-01", "--as-of 2026-01-01: needs a jurisdiction")]
    [InlineData("--jurisdiction DE --as-of 01.10.2026", "--as-of 01.10.2026: expected a date yyyy-MM-dd")]
    [InlineData("--jurisdiction DE --assume no-such-overlay", "eu-blocking:ICC-EO14203")]
    [InlineData("--format xml", "--format xml: expected jsonl or csv")]
    [InlineData("--limit 0", "--limit 0")]
    [InlineData("--threshold 1.5", "--threshold 1.5")]
    [InlineData("--min-score 2", "--min-score 2")]
    [InlineData("--threshold NaN", "--threshold NaN: must be a number in [0, 1]")]
    [InlineData("--min-score NaN", "--min-score NaN: must be a number in [0, 1]")]
    [InlineData("--threshold -Infinity", "--threshold -Infinity")]
    [InlineData("--data-dir /no/such/comity-data-dir", "--data-dir /no/such/comity-data-dir: no such folder")]
    [InlineData("--map Name", "--map Name: expected COLUMN=FIELD")]
    [InlineData("--map Nope=name", "no column 'Nope'")]
    [InlineData("--map Name=shoe_size", "unknown field 'shoe_size'")]
    [InlineData("--list no/such/list.xml", "--list no/such/list.xml: no such file or folder")]
    [InlineData("--out no/such/dir/out.jsonl", "--out no/such/dir/out.jsonl")]
    public void Screen_refuses_bad_options_before_loading_the_corpus(string options, string mentions)
    {
        var r = RunCounting(out var corpus, "Name\nAnna Schmidt\n", ["screen", "-", .. options.Split(' ')]);
        Cli.AssertOneLine(r, 2, mentions);
        Assert.Equal(0, corpus.Loads);
        Assert.Equal(string.Empty, r.Out);
    }

    [Fact]
    public void The_format_error_does_not_name_an_internal_type()
    {
        var r = Cli.RunWithInput("name\nX\n", "screen", "-", "--format", "xml");
        Assert.DoesNotContain("Comity.", r.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("OutputFormat", r.Err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("screen - --limit five", "--limit five: expected a whole number")]
    [InlineData("screen - --threshold abc", "--threshold abc: expected a number")]
    [InlineData("screen - --limt 3", "--limt")]
    [InlineData("frobnicate", "frobnicate")]
    [InlineData("compare --schema", "--schema")]
    public void Parse_errors_exit_2_and_say_what_is_expected(string args, string mentions)
    {
        var r = RunCounting(out var corpus, "name\nX\n", args.Split(' '));
        Assert.True(r.Exit == 2, r.ToString());
        Assert.Contains(mentions, r.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", r.Err, StringComparison.Ordinal);
        Assert.Contains("--help", r.ErrLines[^1], StringComparison.Ordinal);
        Assert.Equal(0, corpus.Loads);
    }

    [Theory]
    [InlineData("id,dob\n1,1970\n", "the header has no name column")]
    [InlineData("\"name,dob\n1,1970\n", "line 1: unterminated quote in the header")]
    [InlineData("", "the header has no name column")]
    public void A_header_that_cannot_be_screened_is_refused_before_loading(string csv, string mentions)
    {
        var r = RunCounting(out var corpus, csv, "screen", "-");
        Cli.AssertOneLine(r, 2, mentions);
        Assert.Equal(0, corpus.Loads);
    }

    [Fact]
    public void A_missing_input_file_fails_clearly()
    {
        var r = RunCounting(out var corpus, null, "screen", "no-such-file.csv");
        Cli.AssertOneLine(r, 2, "no-such-file.csv: no such file");
        Assert.Equal(0, corpus.Loads);
    }

    [Theory]
    [InlineData("compare OnlyOne", "compare needs two names")]
    [InlineData("compare a b --schema Spaceship", "--schema Spaceship")]
    [InlineData("compare a b --threshold 2", "--threshold 2")]
    [InlineData("compare a b --threshold NaN", "--threshold NaN")]
    [InlineData("lists --data-dir /no/such/comity-data-dir", "no such folder")]
    [InlineData("compare --pairs no-such-pairs.csv", "--pairs no-such-pairs.csv: no such file")]
    [InlineData("lists inspect no/such/list.xml", "no/such/list.xml: no such file or folder")]
    [InlineData("lists --list no/such/list.xml", "--list no/such/list.xml")]
    [InlineData("regimes", "--jurisdiction: required")]
    [InlineData("regimes --jurisdiction Atlantis", "--jurisdiction Atlantis")]
    [InlineData("regimes --jurisdiction DE --format xml", "--format xml: expected table or json")]
    [InlineData("obligations Putin --as-of tomorrow", "--as-of tomorrow")]
    [InlineData("obligations Putin --format xml", "--format xml")]
    [InlineData("calibrate --pairs no-such-pairs.csv", "--pairs no-such-pairs.csv: no such file")]
    [InlineData("serve --db mysql:x", "--db mysql:x: expected sqlite:PATH or postgres:CONNECTION_STRING")]
    [InlineData("serve --urls ftp://host:1", "--urls ftp://host:1")]
    [InlineData("serve --keys no-such-keys.json", "--keys no-such-keys.json: no such file")]
    [InlineData("serve --rate-limit 0", "--rate-limit 0")]
    public void Other_commands_refuse_bad_arguments_with_one_line(string args, string mentions)
    {
        var r = RunCounting(out var corpus, null, args.Split(' '));
        Cli.AssertOneLine(r, 2, mentions);
        Assert.Equal(0, corpus.Loads);
    }

    /// <summary>NaN passes a pair of range comparisons; as a threshold it would clear every hit without a word.</summary>
    [Theory]
    [InlineData("--threshold", "NaN")]
    [InlineData("--step", "NaN")]
    [InlineData("--step", "0")]
    public void Calibrate_refuses_numbers_outside_their_range_including_NaN(string option, string value)
    {
        var r = RunCounting(out var corpus, null, "calibrate", "--pairs", Cli.Repo("data/eval/pairs.csv"), option, value);
        Cli.AssertOneLine(r, 2, $"{option} {value}");
        Assert.Equal(0, corpus.Loads);
    }

    [Fact]
    public void The_compare_pairs_header_is_checked_before_loading()
    {
        var pairs = Path.Combine(Directory.CreateTempSubdirectory("comity-pairs").FullName, "pairs.csv");
        File.WriteAllText(pairs, "left,right\na,b\n");
        var r = RunCounting(out var corpus, null, "compare", "--pairs", pairs);
        Cli.AssertOneLine(r, 2, "line 1: header needs columns name1 and name2");
        Assert.Equal(0, corpus.Loads);
    }

    [Fact]
    public void Audit_verify_on_a_missing_database_exits_2_and_creates_nothing()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("comity-audit").FullName, "missing.db");
        var r = Cli.Run("audit", "verify", "--db", "sqlite:" + path);
        Cli.AssertOneLine(r, 2, "no such database file");
        Assert.False(File.Exists(path));
        Assert.DoesNotContain("audit chain OK", r.Out, StringComparison.Ordinal);

        var absent = Cli.Run("audit", "verify", "--db", "sqlite:/no/such/file.db");
        Cli.AssertOneLine(absent, 2, "/no/such/file.db");
        Assert.False(Directory.Exists("/no/such"));
    }
}
