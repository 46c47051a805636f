using System.Collections.Immutable;
using Comity.Core.Model;
using Comity.Sources.Abstractions;

namespace Comity.Application.Corpus;

/// <summary>One loaded list: its provenance, entity counts and diagnostics.</summary>
public sealed record Dataset(string Path, string Format, Provenance Provenance, int EntityCount, ImmutableDictionary<string, int> Schemata, ImmutableArray<Diagnostic> Diagnostics)
{
    public string Source => Provenance.Source;

    internal static Dataset From(string path, string format, LoadResult result)
    {
        var schemata = result.Entities
            .GroupBy(e => e.Schema.Name(), StringComparer.Ordinal)
            .ToImmutableSortedDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal)
            .ToImmutableDictionary(StringComparer.Ordinal);
        return new Dataset(path, format, result.Provenance, result.Entities.Length, schemata, result.Diagnostics);
    }
}
