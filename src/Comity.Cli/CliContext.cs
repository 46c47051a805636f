using Comity.Application.Corpus;

namespace Comity.Cli;

/// <summary>What a command reads from and writes to, and where it gets its corpus: the process's console in
/// <c>comity</c>, captured streams and a shared corpus in tests (which run the same command tree in-process).</summary>
internal sealed class CliContext
{
    /// <summary>Standard input (the <c>-</c> input of <c>comity screen</c>).</summary>
    public required TextReader In { get; init; }

    /// <summary>Standard output as text (tables, JSON documents).</summary>
    public required TextWriter Out { get; init; }

    /// <summary>Standard output as bytes (JSON Lines and CSV results). Never disposed by a command; a command flushes
    /// it before writing to <see cref="Out"/>.</summary>
    public required Stream Stdout { get; init; }

    /// <summary>Standard error: every message, one line each.</summary>
    public required TextWriter Error { get; init; }

    /// <summary>Standard error is a terminal (a progress line is shown).</summary>
    public bool ErrorIsTerminal { get; init; }

    /// <summary>The one place corpus loading happens.</summary>
    public required ICorpusSource Corpus { get; init; }

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>The process's console and the corpus source: the snapshot cache (<see cref="CorpusCache"/>) in front of
    /// the list loader.</summary>
    public static CliContext FromConsole()
    {
        var source = new CachedCorpusSource(CorpusCache.FromEnvironment());
        source.Warning += message => Console.Error.WriteLine("comity: " + message);
        return new()
        {
            In = Console.In,
            Out = Console.Out,
            Stdout = Console.OpenStandardOutput(),
            Error = Console.Error,
            ErrorIsTerminal = !Console.IsErrorRedirected,
            Corpus = source,
        };
    }
}
