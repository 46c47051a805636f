using System.Collections.Immutable;

namespace Comity.Sources.Abstractions;

/// <summary>One file that went into a dataset.</summary>
public sealed record SourceFile(string Name, string Sha256, long Bytes);

/// <summary>Where a loaded dataset came from.</summary>
/// <param name="Source">Dataset name, e.g. <c>us-ofac-sdn</c>.</param>
/// <param name="Authority">Issuing authority, e.g. <c>US Treasury OFAC</c>.</param>
/// <param name="Format">Format name, e.g. <c>ofac-csv</c>, <c>un-xml</c>.</param>
/// <param name="Published">Publication or data date if the file carries one (ISO text), else null.</param>
/// <param name="Files">Every file read, with its SHA-256.</param>
/// <param name="RecordCounts">Raw record counts per table or element, e.g. <c>sdn.csv</c> → 15443.</param>
public sealed record Provenance(
    string Source,
    string Authority,
    string Format,
    string? Published,
    ImmutableArray<SourceFile> Files,
    ImmutableDictionary<string, int> RecordCounts);
