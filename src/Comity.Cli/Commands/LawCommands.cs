using System.CommandLine;
using Comity.Application.Corpus;
using Comity.Application.Law;
using Comity.Law;

namespace Comity.Cli.Commands;

/// <summary><c>comity obligations</c> and <c>comity regimes</c>.</summary>
internal static class LawCommands
{
    public static Command Obligations()
    {
        var subject = new Argument<string>("subject") { Description = "An ICC warrant subject: name (any case, accents optional) or warrant id such as icc-putin-vladimir." };
        var asOf = new Option<string?>("--as-of") { Description = "Date (yyyy-MM-dd; default: today)." };
        var format = new Option<string>("--format") { Description = "table or json.", DefaultValueFactory = _ => "table" };
        var cmd = new Command("obligations", "For an ICC warrant subject: every state's party status on the date, whether it must arrest, and why.") { subject, asOf, format };
        cmd.SetAction(r =>
        {
            var engine = LawEngine.LoadDefault(DefaultCorpus.DataDirectory());
            var report = WarrantLookup.Obligations(engine, r.GetValue(subject)!, ProfileOptions.ParseDate(r.GetValue(asOf), "--as-of"));
            Console.Out.Write(Render(r.GetValue(format)!, LawJson.Serialize(report), () => LawTables.Obligations(report)));
            return 0;
        });
        return cmd;
    }

    public static Command Regimes()
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
            var law = profile.Build(r, required: true)!;
            var report = law.Engine.Regimes(law.Profile);
            Console.Out.Write(Render(r.GetValue(format)!, LawJson.Serialize(report), () => LawTables.Regimes(report)));
            return 0;
        });
        return cmd;
    }

    private static string Render(string format, string json, Func<string> table) => format.ToLowerInvariant() switch
    {
        "json" => json + "\n",
        "table" => table(),
        _ => throw new ArgumentException($"--format {format}: expected table or json"),
    };
}
