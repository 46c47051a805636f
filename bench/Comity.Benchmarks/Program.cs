using BenchmarkDotNet.Running;

namespace Comity.Benchmarks;

internal static class Program
{
    /// <summary><c>e2e</c> runs the end-to-end benchmark (<see cref="EndToEnd"/>); anything else goes to
    /// BenchmarkDotNet (e.g. <c>--filter *</c>).</summary>
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "e2e")
        {
            return EndToEnd.Run(args[1..]);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
