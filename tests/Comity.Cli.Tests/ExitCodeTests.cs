using Comity.Application.Corpus;

namespace Comity.Cli.Tests;

/// <summary>One test per documented exit code (README, "Exit codes").</summary>
public class ExitCodeTests(DefaultCorpusFixture corpus) : IClassFixture<DefaultCorpusFixture>
{
    private readonly DefaultCorpusFixture _corpus = corpus;

    [Fact]
    public void Exit_0_when_every_row_is_screened()
    {
        Assert.NotNull(_corpus);
        var r = Cli.RunWithInput("name\nBANCO NACIONAL DE CUBA\n", "screen", "-");
        Assert.Equal(ExitCodes.Ok, r.Exit);
        Assert.Equal(0, r.Exit);
    }

    [Fact]
    public void Exit_1_when_the_answer_is_negative()
    {
        var r = Cli.Run("obligations", "Zebediah Quorn", "--as-of", "2026-10-01");
        Assert.Equal(ExitCodes.Negative, r.Exit);
        Assert.Equal(1, r.Exit);
    }

    [Fact]
    public void Exit_2_on_bad_input()
    {
        var r = Cli.RunWithInput("name\nX\n", "screen", "-", "--jurisdiction", "XX");
        Assert.Equal(ExitCodes.BadInput, r.Exit);
        Assert.Equal(2, r.Exit);
    }

    [Fact]
    public void Exit_3_when_a_list_does_not_load()
    {
        var dir = Directory.CreateTempSubdirectory("comity-bad-list");
        var bad = Path.Combine(dir.FullName, "UN_consolidated.xml");
        File.WriteAllText(bad, "<?xml version=\"1.0\"?><CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><DATAID>1</DATAID>");
        var r = Cli.Run("screen", Cli.Repo("examples/customers.csv"), "--list", bad);
        Cli.AssertOneLine(r, ExitCodes.BadData, "UN_consolidated.xml: line 1");
        Assert.Equal(3, r.Exit);
        Assert.Equal(string.Empty, r.Out);
    }

    [Fact]
    public void Exit_4_when_rows_were_skipped_unless_allowed()
    {
        var r = Cli.RunWithInput("name,schema\nX Y,Spaceship\n", "screen", "-");
        Assert.Equal(ExitCodes.SkippedRows, r.Exit);
        Assert.Equal(4, r.Exit);
        Assert.Equal(0, Cli.RunWithInput("name,schema\nX Y,Spaceship\n", "screen", "-", "--allow-skipped").Exit);
    }

    [Fact]
    public void Exit_70_with_one_line_on_an_unexpected_error()
    {
        var r = Cli.Run(new FailingCorpus(new InvalidOperationException("the index is on fire")), "name\nX\n", "screen", "-");
        Assert.Equal(ExitCodes.Internal, r.Exit);
        Assert.Equal(70, r.Exit);
        var line = Assert.Single(r.ErrLines);
        Assert.StartsWith("comity: unexpected error", line, StringComparison.Ordinal);
        Assert.Contains("the index is on fire", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failure_inside_a_parallel_loop_is_reported_by_its_cause()
    {
        var r = Cli.Run(new FailingCorpus(new AggregateException(new ArgumentException("bad thing in a worker"))), "name\nX\n", "screen", "-");
        Cli.AssertOneLine(r, ExitCodes.BadInput, "bad thing in a worker");
    }

    [Fact]
    public void Exit_130_when_interrupted()
    {
        var r = Cli.Run(new FailingCorpus(new OperationCanceledException()), "name\nX\n", "screen", "-");
        Cli.AssertOneLine(r, ExitCodes.Interrupted, "interrupted");
        Assert.Equal(130, r.Exit);
    }

    /// <summary>Fault injection: the corpus source fails the way a bug, a parallel worker or Ctrl+C would.</summary>
    private sealed class FailingCorpus(Exception failure) : ICorpusSource
    {
        public ScreeningCorpus Load(IReadOnlyList<string> lists, CancellationToken cancellationToken = default) => throw failure;
    }
}
