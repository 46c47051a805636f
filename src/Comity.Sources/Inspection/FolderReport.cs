using System.Collections.Immutable;
using Comity.Sources.Abstractions;

namespace Comity.Sources.Inspection;

/// <summary>Combines the reports of the lists found in a folder that no reader reads as one publication (a country
/// folder holding a list and its schema, a folder of several lists or of fragments) into one report of format
/// <c>folder</c>. File names and record-count keys are given relative to the folder.</summary>
internal static class FolderReport
{
    public const string Format = "folder";

    /// <summary>Combines <paramref name="parts"/> (path relative to the folder, whether it is a folder, report); <paramref name="skipped"/> lists the
    /// documentation files passed over, as (relative path, kind).</summary>
    public static InspectReport Combine(IReadOnlyList<(string Path, bool IsFolder, InspectReport Report)> parts, IReadOnlyList<(string Path, string Kind)> skipped)
    {
        var schemata = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var files = ImmutableArray.CreateBuilder<SourceFile>();
        var groups = new List<DiagnosticGroup>();
        foreach (var (path, isFolder, report) in parts)
        {
            foreach (var (schema, n) in report.Schemata)
            {
                schemata[schema] = schemata.GetValueOrDefault(schema) + n;
            }

            foreach (var (key, n) in report.RecordCounts)
            {
                counts[$"{path}: {key}"] = n;
            }

            var prefix = isFolder ? path + "/" : string.Empty;
            files.AddRange(report.Files.Select(f => f with { Name = prefix + f.Name }));
            groups.AddRange(report.Diagnostics);
        }

        if (skipped.Count > 0)
        {
            groups.Add(new DiagnosticGroup("not-a-list", "warning", skipped.Count, [.. skipped.Take(5).Select(s => $"{s.Path}: file: {s.Kind}, not a list; skipped")]));
        }

        var merged = groups
            .GroupBy(g => g.Code, StringComparer.Ordinal)
            .Select(g => new DiagnosticGroup(
                g.Key,
                g.Any(x => x.Severity == "error") ? "error" : "warning",
                g.Sum(x => x.Count),
                [.. g.SelectMany(x => x.Examples).Take(5)]))
            .OrderBy(g => g.Severity, StringComparer.Ordinal)
            .ThenBy(g => g.Code, StringComparer.Ordinal)
            .ToImmutableArray();
        var sources = string.Join(", ", parts.Select(p => p.Report.Source).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        return new InspectReport(
            Format,
            sources,
            null,
            parts.Sum(p => p.Report.Entities),
            schemata.ToImmutableSortedDictionary(StringComparer.Ordinal),
            parts.Sum(p => p.Report.Names),
            merged,
            files.ToImmutable(),
            counts.ToImmutableSortedDictionary(StringComparer.Ordinal));
    }
}
