using System.Collections.Immutable;
using Comity.Core.Model;
using Comity.Sources.Abstractions;

namespace Comity.Application.Corpus;

/// <summary>One loaded list: its provenance, entity counts and diagnostics.</summary>
internal sealed record Dataset(string Path, string Format, Provenance Provenance, int EntityCount, ImmutableDictionary<string, int> Schemata, ImmutableArray<Diagnostic> Diagnostics)
{
    public string Source => Provenance.Source;

    /// <summary>One dataset per entity source: a file that holds several lists (the ICC folder holds the warrants and
    /// the curated EO 14203 designations) becomes one dataset per list, each with the file's provenance.</summary>
    internal static IEnumerable<Dataset> Split(string path, string format, LoadResult result)
    {
        var sources = result.Entities.Select(e => e.Source).Distinct(StringComparer.Ordinal).ToList();
        if (sources.Count <= 1)
        {
            yield return From(path, format, result);
            yield break;
        }

        foreach (var source in sources)
        {
            var part = result with
            {
                Provenance = result.Provenance with { Source = source },
                Entities = [.. result.Entities.Where(e => e.Source == source)],
            };
            yield return From(path, format, part);
        }
    }

    internal static Dataset From(string path, string format, LoadResult result)
    {
        var schemata = result.Entities
            .GroupBy(e => e.Schema.Name(), StringComparer.Ordinal)
            .ToImmutableSortedDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal)
            .ToImmutableDictionary(StringComparer.Ordinal);
        return new Dataset(path, format, result.Provenance, result.Entities.Length, schemata, result.Diagnostics);
    }
}
