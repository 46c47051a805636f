using System.Collections.Immutable;
using System.Text.Json;
using Comity.Core.Model;
using Comity.Sources.Abstractions;
using Comity.Sources.Common;
using Comity.Sources.Registry;

namespace Comity.Sources.Inspection;

/// <summary>Loads a list and summarises it: format, source, publication date, counts, diagnostics, files.</summary>
public static class ListInspector
{
    private const int ExampleCount = 5;

    /// <summary>Detects the format of <paramref name="path"/> (file or folder), reads it and summarises the result.
    /// A folder that no reader reads as one publication is inspected entry by entry (documentation files skipped,
    /// subfolders included) and reported as format <c>folder</c>. Throws <see cref="ListFormatException"/> when a list
    /// cannot be read at all, when a file is documentation (a schema, a PDF) rather than a list, or when a folder holds
    /// no list.</summary>
    public static InspectReport Inspect(string path, CancellationToken ct = default)
    {
        var probe = ListProbe.Open(path);
        if (!probe.IsDirectory || ListReaders.All.Any(r => r.CanRead(probe)))
        {
            return Summarise(ListReaders.Detect(probe).Read(probe, ct));
        }

        var parts = new List<(string, bool, InspectReport)>();
        var skipped = new List<(string, string)>();
        foreach (var file in probe.Files)
        {
            if (Documentation.KindOf(file) is { } kind)
            {
                skipped.Add((Path.GetFileName(file), kind));
            }
            else
            {
                parts.Add((Path.GetFileName(file), false, Inspect(file, ct)));
            }
        }

        foreach (var folder in Directory.GetDirectories(path).Order(StringComparer.Ordinal))
        {
            parts.Add((Path.GetFileName(folder), true, Inspect(folder, ct)));
        }

        if (parts.Count == 0)
        {
            throw new ListFormatException(path, "folder", skipped.Count == 0 ? "the folder holds no list" : "the folder holds no list, only documentation");
        }

        return FolderReport.Combine(parts, skipped);
    }

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
