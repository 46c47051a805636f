using System.Collections.Immutable;
using Comity.Core.Text;

namespace Comity.Sources.Common;

/// <summary>Small helpers shared by the readers (splitting cleaned lists, record counts).</summary>
internal static class ReadSupport
{
    /// <summary>Splits on a separator string, cleans each part and drops empty ones.</summary>
    public static ImmutableArray<string> Split(string? value, string separator)
    {
        var v = TextValue.Clean(value);
        if (v is null)
        {
            return [];
        }

        var b = ImmutableArray.CreateBuilder<string>();
        foreach (var p in v.Split(separator))
        {
            if (TextValue.Clean(p) is { } c)
            {
                b.Add(c);
            }
        }

        return b.ToImmutable();
    }

    /// <summary>Record counts as an immutable dictionary.</summary>
    public static ImmutableDictionary<string, int> Counts(params (string Key, int Count)[] counts) =>
        counts.ToImmutableDictionary(c => c.Key, c => c.Count, StringComparer.Ordinal);
}
