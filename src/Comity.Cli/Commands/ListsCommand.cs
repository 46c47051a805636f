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
        var asOf = new Option<string?>("--as-of") { Description = "The date ages and staleness are judged on (yyyy-MM-dd; default: today)." };
        var cmd = new Command("lists", "Show the loaded lists: authority, format, data date (and its origin), age, staleness, completeness, version, entities by schema, sha256.") { lists, asOf };
        cmd.SetAction(r =>
        {
            var date = ProfileOptions.ParseDate(r.GetValue(asOf), "--as-of", context.Time);
            var corpus = CorpusOptions.Load(context, CorpusOptions.Paths(r, lists), quiet: true);
            context.Out.Write(CorpusSummary.Table(corpus, date));
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
        cmd.Subcommands.Add(ListsUpdateCommand.Create(context));
        cmd.Subcommands.Add(ListsHistoryCommand.Create(context));
        cmd.Subcommands.Add(ListsDiffCommand.Create(context));
        return cmd;
    }
}
