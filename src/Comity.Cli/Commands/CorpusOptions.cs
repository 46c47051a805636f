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

    /// <summary>The <c>--list</c> paths, each checked to exist (before anything is loaded). Without <c>--list</c> and
    /// with a data dir (<c>--data-dir</c>, <c>COMITY_DATA_DIR</c>): the live corpus (bundled files replaced by the
    /// current downloads); with neither: empty (the bundled default corpus).</summary>
    public static IReadOnlyList<string> Paths(ParseResult r, Option<string[]> option)
    {
        var paths = r.GetValue(option) ?? [];
        if (paths.Length == 0 && DataDirOption.Store(r) is { } store)
        {
            try
            {
                return Application.Lists.LiveCorpus.Paths(store);
            }
            catch (Application.Lists.SourcesFileException e)
            {
                throw new UsageException(e.Message, e);
            }
        }

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
            var how = (context.Corpus as CachedCorpusSource)?.LastOrigin switch
            {
                "snapshot" => "read from its snapshot",
                "built" => "loaded and indexed (snapshot written)",
                _ => "loaded and indexed",
            };
            context.Error.WriteLine($"comity: corpus {corpus.Version}: {corpus.Entities.Length:N0} entities from {corpus.Datasets.Length} lists, {how} in {sw.Elapsed.TotalSeconds:0.00} s");
        }

        return corpus;
    }
}
