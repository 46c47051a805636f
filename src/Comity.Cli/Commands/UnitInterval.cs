using System.Globalization;

namespace Comity.Cli.Commands;

/// <summary>Checks an option that must be a number in [0, 1] (threshold, min-score). Written so that NaN fails too: a
/// threshold of NaN compares false with every score and would clear every hit without a word.</summary>
internal static class UnitInterval
{
    public static double Check(string option, double value) =>
        value is >= 0 and <= 1
            ? value
            : throw new UsageException($"{option} {value.ToString(CultureInfo.InvariantCulture)}: must be a number in [0, 1]");
}
