using System.CommandLine;
using Comity.Cli.Commands;

namespace Comity.Cli;

internal static class Program
{
    public static int Main(string[] args)
    {
        var root = new RootCommand("Comity: screen people, companies, vessels and aircraft against sanctions lists and ICC warrants, with explained matches and the legal decision for your jurisdiction.");
        root.Subcommands.Add(ScreenCommand.Create());
        root.Subcommands.Add(CompareCommand.Create());
        root.Subcommands.Add(CalibrateCommand.Create());
        root.Subcommands.Add(ListsCommand.Create());
        root.Subcommands.Add(LawCommands.Obligations());
        root.Subcommands.Add(LawCommands.Regimes());
        root.Subcommands.Add(ServeCommand.Serve());
        root.Subcommands.Add(ServeCommand.Audit());
        return CliRunner.Run(root, args);
    }
}
