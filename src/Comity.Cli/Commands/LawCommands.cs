using System.CommandLine;
using Comity.Application.Corpus;
using Comity.Application.Law;
using Comity.Law;

namespace Comity.Cli.Commands;

/// <summary><c>comity obligations</c> and <c>comity regimes</c>. Neither loads the screening corpus: the law data and,
/// for a name that is not an exact id, name or alias, the ICC folder alone.</summary>
internal static class LawCommands
{
    public static Command Obligations(CliContext context)
    {
        var subject = new Argument<string>("subject") { Description = "An ICC warrant subject: id (icc-putin-vladimir), name or alias (any case, accents optional), or a name as typed: a surname or a misspelling is resolved with the matching engine over the warrant subjects." };
        var asOf = new Option<string?>("--as-of") { Description = "Date (yyyy-MM-dd; default: today)." };
        var format = new Option<string>("--format") { Description = "table or json.", DefaultValueFactory = _ => "table" };
        var cmd = new Command("obligations", "For an ICC warrant subject: every state's party status on the date, whether it must arrest, and why. Exit 1 when no subject (or more than one) matches.") { subject, asOf, format };
        cmd.SetAction(r =>
        {
            var render = Renderer(r.GetValue(format)!);
            var name = r.GetValue(subject)!;
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new UsageException("obligations: the subject is empty");
            }

            var date = ProfileOptions.ParseDate(r.GetValue(asOf), "--as-of", context.Time);
            var engine = LawEngine.LoadDefault(DefaultCorpus.DataDirectory());
            var answer = WarrantLookup.Resolve(engine, name, date);
            context.Out.Write(render == "json" ? answer.ToJson() + "\n" : answer.ToTable());
            if (!answer.Resolution.Resolved)
            {
                context.Error.WriteLine($"comity: {answer.Resolution.Note}");
                return ExitCodes.Negative;
            }

            return ExitCodes.Ok;
        });
        return cmd;
    }

    public static Command Regimes(CliContext context)
    {
        var profile = new ProfileOptions();
        var format = new Option<string>("--format") { Description = "table or json.", DefaultValueFactory = _ => "table" };
        var cmd = new Command("regimes", "Which sanctions regimes bind this screener, and which foreign measures a blocking statute forbids it to comply with.") { format };
        foreach (var o in profile.All)
        {
            cmd.Options.Add(o);
        }

        cmd.SetAction(r =>
        {
            var render = Renderer(r.GetValue(format)!);
            var law = profile.Build(r, context, required: true)!;
            var report = law.Engine.Regimes(law.Profile);
            context.Out.Write(render == "json" ? LawJson.Serialize(report) + "\n" : LawTables.Regimes(report));
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static string Renderer(string format) => format.Trim().ToLowerInvariant() switch
    {
        "json" => "json",
        "table" => "table",
        _ => throw new UsageException($"--format {format}: expected table or json"),
    };
}
