using System.Globalization;
using System.Text.RegularExpressions;

namespace Comity.Benchmarks.Table;

/// <summary>Machine-readable lines between the table's child processes and the table: <c>RESULT key=value</c>.</summary>
internal static partial class Results
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static void Emit(string key, double value) => Console.WriteLine(string.Create(Inv, $"RESULT {key}={value:R}"));

    public static Dictionary<string, double> Parse(string stdout)
    {
        var map = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (Match m in ResultLine().Matches(stdout))
        {
            map[m.Groups[1].Value] = double.Parse(m.Groups[2].Value, Inv);
        }

        return map;
    }

    /// <summary>Current resident memory of this process (VmRSS), in bytes.</summary>
    public static long CurrentRss()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries)[1], Inv) * 1024;
            }
        }

        return 0;
    }

    [GeneratedRegex(@"^RESULT ([a-z0-9_]+)=([-+0-9.Ee]+|NaN)\s*$", RegexOptions.Multiline)]
    private static partial Regex ResultLine();
}
