using BenchmarkDotNet.Running;

namespace Comity.Benchmarks;

internal static class Program
{
    /// <summary><c>e2e</c> runs the end-to-end benchmark (<see cref="EndToEnd"/>); <c>monitor</c> the monitoring
    /// benchmark (<see cref="MonitorBenchmark"/>); <c>recall</c>, <c>calibration</c>,
    /// <c>accuracy</c> and <c>checks</c> run the full accuracy measurements whose samples the tests check
    /// (<see cref="FullChecks"/>); anything else goes to BenchmarkDotNet (e.g. <c>--filter *</c>).</summary>
    public static int Main(string[] args)
    {
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
