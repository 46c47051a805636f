using System.CommandLine;
using System.Globalization;
using Comity.Application.Corpus;
using Comity.Application.Monitoring;
using Comity.Law;

namespace Comity.Cli.Commands;

/// <summary><c>comity replay RUN_ID</c>: proof of screening — screens a stored run's subjects again against its corpus
/// version rebuilt from the archived lists and shows that the stored hits are reproduced exactly.</summary>
internal static class ReplayCommand
{
    public static Command Create(CliContext context)
    {
        var run = new Argument<string>("run-id") { Description = "The run (its id as in alerts, /v1/screen answers, comity monitor add)." };
        var db = MonitorStore.Db();
        var format = new Option<string>("--format") { Description = "text or json.", DefaultValueFactory = _ => "text" };
        var cmd = new Command("replay", "Replay a stored run against the archived list versions it screened (rebuilt from its recorded recipe, every file checked by SHA-256) with its recorded options and dated profile, and compare every hit. Exit 0 reproduced exactly, 1 differences (listed), 3 the corpus cannot be rebuilt.") { run, db, format };
        cmd.SetAction(async (r, ct) =>
        {
            var json = r.GetValue(format) switch
            {
                "text" => false,
                "json" => true,
                var f => throw new UsageException($"--format {f}: expected text or json"),
            };
            await using var store = await MonitorStore.OpenAsync(r.GetValue(db)!, context, mustExist: true, ct).ConfigureAwait(false);
            ReplayReport report;
            try
            {
                report = await RunReplayer.ReplayAsync(store, r.GetValue(run)!, null, DataDirOption.Store(r), new Lazy<LawEngine>(() => LawEngine.LoadDefault(DefaultCorpus.DataDirectory())), ct).ConfigureAwait(false);
            }
            catch (KeyNotFoundException e)
            {
                throw new UsageException(e.Message, e);
            }
            catch (InvalidDataException e)
            {
                context.Error.WriteLine($"comity: {e.Message}");
                return ExitCodes.BadData;
            }

            if (json)
            {
                context.Out.WriteLine(System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object?>
                {
                    ["run_id"] = report.RunId,
                    ["reproduced"] = report.Reproduced,
                    ["corpus_version"] = report.CorpusVersion,
                    ["replayed_corpus_version"] = report.ReplayedCorpusVersion,
                    ["engine_version"] = report.StoredEngine,
                    ["current_engine_version"] = report.CurrentEngine,
                    ["subjects"] = report.Subjects,
                    ["hits"] = report.Hits,
                    ["matches"] = report.Matches,
                    ["differences"] = report.DifferenceCount,
                }));
            }
            else
            {
                var inv = CultureInfo.InvariantCulture;
                context.Out.WriteLine(string.Create(inv, $"run {report.RunId}: corpus {report.CorpusVersion} ({report.CorpusSource}), engine {report.StoredEngine}{(report.StoredEngine == report.CurrentEngine ? string.Empty : " (now " + report.CurrentEngine + ")")}, threshold {report.Threshold}"));
                context.Out.WriteLine(string.Create(inv, $"{report.Subjects:N0} subjects, {report.Hits:N0} stored hits ({report.Matches:N0} matches) screened again: {(report.Reproduced ? "every hit reproduced exactly (entity, score, match)" : $"{report.DifferenceCount:N0} subjects differ")}"));
                foreach (var d in report.Differences)
                {
                    context.Out.WriteLine(string.Create(inv, $"  #{d.Ordinal} {d.QueryId}: stored {d.Stored} replayed {d.Replayed}"));
                }
            }

            return report.Reproduced ? ExitCodes.Ok : ExitCodes.Negative;
        });
        return cmd;
    }
}
