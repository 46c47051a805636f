using System.Collections.Immutable;
using System.Text.Json;
using Comity.Core.Model;
using Comity.Sources.Abstractions;
using Comity.Sources.Registry;

namespace Comity.Sources.Inspection;

/// <summary>Loads a list and summarises it: format, source, publication date, counts, diagnostics, files.</summary>
public static class ListInspector
{
    private const int ExampleCount = 5;

    /// <summary>Detects the format of <paramref name="path"/> (file or folder), reads it and summarises the result.
    /// Throws <see cref="ListFormatException"/> when the list cannot be read at all.</summary>
    public static InspectReport Inspect(string path, CancellationToken ct = default) => Summarise(ListReaders.Load(path, ct));

    /// <summary>Summarises an already loaded list.</summary>
    public static InspectReport Summarise(LoadResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var p = result.Provenance;
        var schemata = result.Entities
            .GroupBy(e => e.Schema.Name(), StringComparer.Ordinal)
            .ToImmutableSortedDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var groups = result.Diagnostics
            .GroupBy(d => d.Code, StringComparer.Ordinal)
            .Select(g => new DiagnosticGroup(
                g.Key,
                g.Max(d => d.Severity) == DiagnosticSeverity.Error ? "error" : "warning",
                g.Count(),
                [.. g.Take(ExampleCount).Select(d => $"{d.File}: {d.Location}: {d.Message}")]))
            .OrderBy(g => g.Severity, StringComparer.Ordinal)
            .ThenBy(g => g.Code, StringComparer.Ordinal)
            .ToImmutableArray();
        return new InspectReport(
            p.Format,
            p.Source,
            p.Published,
            result.Entities.Length,
            schemata,
            result.Entities.Sum(e => e.Names.Length),
            groups,
            p.Files,
            p.RecordCounts.ToImmutableSortedDictionary(StringComparer.Ordinal));
    }

    /// <summary>The report as indented JSON with snake_case property names:
    /// <c>format, source, published, entities, schemata, names, diagnostics[code, severity, count, examples],
    /// files[name, sha256, bytes], record_counts</c>.</summary>
    public static string ToJson(InspectReport report) => JsonSerializer.Serialize(report, InspectJsonContext.Default.InspectReport);
}
