using System.Collections.Immutable;
using Comity.Sources.Abstractions;

namespace Comity.Sources.Inspection;

/// <summary>What <c>comity lists inspect</c> reports about one list file or folder.</summary>
/// <param name="Format">Reader format, e.g. <c>ofac-csv</c>.</param>
/// <param name="Source">Dataset name, e.g. <c>us-ofac-sdn</c>.</param>
/// <param name="Published">Publication date carried by the file, if any.</param>
/// <param name="Entities">Entities read.</param>
/// <param name="Schemata">Entities per FtM schema name, e.g. <c>Person</c> → 6927.</param>
/// <param name="Names">Names of every kind over all entities.</param>
/// <param name="Diagnostics">Diagnostics grouped by code.</param>
/// <param name="Files">Every file read, with SHA-256 and size.</param>
/// <param name="RecordCounts">Raw records per table or element.</param>
public sealed record InspectReport(
    string Format,
    string Source,
    string? Published,
    int Entities,
    ImmutableSortedDictionary<string, int> Schemata,
    int Names,
    ImmutableArray<DiagnosticGroup> Diagnostics,
    ImmutableArray<SourceFile> Files,
    ImmutableSortedDictionary<string, int> RecordCounts);

/// <summary>All diagnostics with one code: the highest severity (<c>error</c> or <c>warning</c>), how many, and the
/// first five as <c>file: location: message</c>.</summary>
public sealed record DiagnosticGroup(string Code, string Severity, int Count, ImmutableArray<string> Examples);
