using BenchmarkDotNet.Running;

namespace Comity.Benchmarks;

internal static class Program
{
    /// <summary><c>table</c> prints the README's performance table (<see cref="Table.BenchTable"/>; it runs <c>big</c>
    /// and <c>scale-run</c> in child processes); <c>e2e</c> runs the end-to-end benchmark (<see cref="EndToEnd"/>);
    /// <c>monitor</c> the monitoring benchmark (<see cref="MonitorBenchmark"/>); <c>recall</c>, <c>calibration</c>,
    /// <c>accuracy</c> and <c>checks</c> run the full accuracy measurements whose samples the tests check
    /// (<see cref="FullChecks"/>); anything else goes to BenchmarkDotNet (e.g. <c>--filter *</c>).</summary>
    public static int Main(string[] args)
    {
        if (args is ["table", .. var table])
        {
            return Table.BenchTable.Run(table);
        }

        if (args is ["startup-profile", .. var profile])
        {
            return Table.StartupProfile.Run(profile);
        }

        if (args is ["per-query", .. var perQuery])
        {
            return Table.InProcess.PerQuery(perQuery);
        }

        if (args is ["big", .. var big])
        {
            return Table.InProcess.Big(big);
        }

        if (args is ["scale-run", .. var scale])
        {
            return Table.InProcess.ScaleRun(scale);
        }

        if (args.Length > 0 && args[0] == "e2e")
        {
            return EndToEnd.Run(args[1..]);
        }

        if (args.Length > 0 && args[0] == "monitor")
        {
            return MonitorBenchmark.Run(args[1..]);
        }

        if (args.Length > 0 && args[0] is "recall" or "calibration" or "accuracy" or "checks")
        {
            return FullChecks.Run(args[0], args[1..]);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
