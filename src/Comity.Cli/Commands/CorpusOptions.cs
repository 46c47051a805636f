using System.CommandLine;
using Comity.Application.Corpus;

namespace Comity.Cli.Commands;

/// <summary>The <c>--list</c> option shared by commands that load a corpus.</summary>
internal static class CorpusOptions
{
    public static Option<string[]> List() => new("--list", "-l")
    {
        Description = "A list file or folder (any supported format; repeatable). Default: the bundled corpus (data/default-corpus.json).",
        AllowMultipleArgumentsPerToken = false,
        Arity = ArgumentArity.ZeroOrMore,
    };

    public static ScreeningCorpus Load(string[]? lists, bool quiet = false)
    {
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var corpus = lists is { Length: > 0 } ? CorpusLoader.Load(lists) : CorpusLoader.LoadDefault();
        if (!quiet)
        {
            Console.Error.WriteLine($"comity: corpus {corpus.Version}: {corpus.Entities.Length:N0} entities from {corpus.Datasets.Length} lists, loaded and indexed in {sw.Elapsed.TotalSeconds:0.00} s");
        }

        return corpus;
    }
}
