using System.CommandLine;
using Comity.Application.Corpus;
using Comity.Sources.Inspection;

namespace Comity.Cli.Commands;

/// <summary><c>comity lists</c> (summary of the loaded corpus) and <c>comity lists inspect PATH</c>.</summary>
internal static class ListsCommand
{
    public static Command Create(CliContext context)
    {
        var lists = CorpusOptions.List();
        var cmd = new Command("lists", "Show the loaded lists: authority, format, data date, entities by schema, sha256.") { lists };
        cmd.SetAction(r =>
        {
            var corpus = CorpusOptions.Load(context, CorpusOptions.Paths(r, lists), quiet: true);
            context.Out.Write(CorpusSummary.Table(corpus));
            return 0;
        });

        var path = new Argument<string>("path") { Description = "A list file, or a folder holding one list." };
        var inspect = new Command("inspect", "Read one list and print a JSON summary: format, source, date, counts, diagnostics.") { path };
        inspect.SetAction(r =>
        {
            var p = r.GetValue(path)!;
            if (!File.Exists(p) && !Directory.Exists(p))
            {
                throw new UsageException($"{p}: no such file or folder");
            }

            var report = ListInspector.Inspect(p);
            context.Out.WriteLine(ListInspector.ToJson(report));
            return 0;
        });
        cmd.Subcommands.Add(inspect);
        return cmd;
    }
}
