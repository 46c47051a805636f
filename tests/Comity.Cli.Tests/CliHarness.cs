using System.Collections.Concurrent;
using System.Text;
using Comity.Application.Corpus;

namespace Comity.Cli.Tests;

/// <summary>What one <c>comity</c> run printed and returned.</summary>
public sealed record CliResult(int Exit, string Out, string Err)
{
    /// <summary>Standard output's non-empty lines.</summary>
    public string[] Lines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Standard error's non-empty lines.</summary>
    public string[] ErrLines => Err.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public override string ToString() => $"exit {Exit}\nstdout:\n{Out}\nstderr:\n{Err}";
}

/// <summary>Loads each distinct set of lists once per test run and hands the same corpus to every test (the real
/// loader, memoised); counts how often a run asked for a corpus, so tests can show that bad input is refused before
/// anything is loaded.</summary>
internal sealed class SharedCorpus : ICorpusSource
{
    private static readonly ConcurrentDictionary<string, Lazy<ScreeningCorpus>> Cache = new(StringComparer.Ordinal);

    private int _loads;

    /// <summary>How many times a command asked this source for a corpus.</summary>
    public int Loads => _loads;

    public ScreeningCorpus Load(IReadOnlyList<string> lists, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _loads);
        var key = string.Join('\n', lists.Select(Path.GetFullPath));
        return Cache.GetOrAdd(key, _ => new Lazy<ScreeningCorpus>(() => new ListCorpusSource().Load(lists, cancellationToken))).Value;
    }
}

/// <summary>A class fixture: the bundled default corpus, loaded (once per test run) before the class's tests start.</summary>
public sealed class DefaultCorpusFixture
{
    public DefaultCorpusFixture() => new SharedCorpus().Load([]);
}

/// <summary>Runs the <c>comity</c> command tree in-process, with captured standard input, output and error, from the
/// repository root's point of view (relative paths in arguments are resolved against it by the caller).</summary>
internal static class Cli
{
    public static string Repo(string relative) => Path.Combine(ComityProcess.RepoRoot, relative);

    public static CliResult Run(params string[] args) => Run(new SharedCorpus(), null, args);

    public static CliResult RunWithInput(string stdin, params string[] args) => Run(new SharedCorpus(), stdin, args);

    public static CliResult Run(ICorpusSource corpus, string? stdin, params string[] args)
    {
        using var stdout = new MemoryStream();
        using var outText = new StreamWriter(stdout, new UTF8Encoding(false), 1024, leaveOpen: true) { AutoFlush = true, NewLine = "\n" };
        using var err = new StringWriter { NewLine = "\n" };
        using var input = new StringReader(stdin ?? string.Empty);
        var context = new CliContext { In = input, Out = outText, Stdout = stdout, Error = err, Corpus = corpus };
        var exit = Program.Run(context, args);
        outText.Flush();
        return new CliResult(exit, Encoding.UTF8.GetString(stdout.ToArray()), err.ToString());
    }

    /// <summary>Asserts the run failed with exactly one diagnostic line (plus, for a parse error, the help hint) and no
    /// stack trace.</summary>
    public static void AssertOneLine(CliResult r, int exit, string mentions)
    {
        Assert.True(r.Exit == exit, r.ToString());
        var lines = r.ErrLines.Where(l => !l.StartsWith("comity: see 'comity", StringComparison.Ordinal)).ToArray();
        Assert.True(lines.Length == 1, r.ToString());
        Assert.StartsWith("comity: ", lines[0], StringComparison.Ordinal);
        Assert.Contains(mentions, lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", r.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", r.Err, StringComparison.Ordinal);
    }
}
