using System.CommandLine;
using Comity.Cli.Commands;

namespace Comity.Cli;

internal static class Program
{
    public static int Main(string[] args)
    {
        var context = CliContext.FromConsole();
        return CliRunner.Run(CommandTree(context), args, context);
    }

    /// <summary>Every <c>comity</c> command, bound to <paramref name="context"/> (tests run this tree in-process).</summary>
    public static RootCommand CommandTree(CliContext context)
    {
        var root = new RootCommand("Comity: screen people, companies, vessels and aircraft against sanctions lists and ICC warrants, with explained matches and the legal decision for your jurisdiction.");
        root.Subcommands.Add(ScreenCommand.Create(context));
        root.Subcommands.Add(CompareCommand.Create(context));
        root.Subcommands.Add(CalibrateCommand.Create(context));
        root.Subcommands.Add(ListsCommand.Create(context));
        root.Subcommands.Add(LawCommands.Obligations(context));
        root.Subcommands.Add(LawCommands.Regimes(context));
        root.Subcommands.Add(ServeCommand.Serve(context));
        root.Subcommands.Add(ServeCommand.Audit(context));
        root.Subcommands.Add(MonitorCommands.Create(context));
        root.Subcommands.Add(WorkerCommand.Create(context));
        root.Subcommands.Add(ReplayCommand.Create(context));
        root.Options.Add(DataDirOption.Create());
        return root;
    }

    /// <summary>Runs <paramref name="args"/> against <paramref name="context"/>: the in-process entry point.</summary>
    public static int Run(CliContext context, params string[] args) => CliRunner.Run(CommandTree(context), args, context);
}
