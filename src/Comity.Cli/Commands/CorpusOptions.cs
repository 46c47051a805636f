using System.CommandLine;
using Comity.Application.Corpus;

namespace Comity.Cli.Commands;

/// <summary>The <c>--list</c> option shared by commands that load a corpus, and the one call that loads it.</summary>
internal static class CorpusOptions
{
    public static Option<string[]> List() => new("--list", "-l")
    {
        Description = "A list file or folder (any supported format; repeatable). Default: the bundled corpus (data/default-corpus.json).",
        AllowMultipleArgumentsPerToken = false,
        Arity = ArgumentArity.ZeroOrMore,
    };

    /// <summary>The <c>--list</c> paths, each checked to exist (before anything is loaded).</summary>
    public static IReadOnlyList<string> Paths(ParseResult r, Option<string[]> option)
    {
        var paths = r.GetValue(option) ?? [];
        foreach (var p in paths)
        {
            if (!File.Exists(p) && !Directory.Exists(p))
            {
                throw new UsageException($"--list {p}: no such file or folder");
            }
        }

        return paths;
    }

    /// <summary>Loads the corpus through the context's <see cref="ICorpusSource"/>.</summary>
    public static ScreeningCorpus Load(CliContext context, IReadOnlyList<string> lists, bool quiet = false)
    {
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var corpus = context.Corpus.Load(lists);
        if (!quiet)
        {
            context.Error.WriteLine($"comity: corpus {corpus.Version}: {corpus.Entities.Length:N0} entities from {corpus.Datasets.Length} lists, loaded and indexed in {sw.Elapsed.TotalSeconds:0.00} s");
        }

        return corpus;
    }
}
