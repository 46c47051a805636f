using System.Collections.Immutable;
using Comity.Sources.Abstractions;

namespace Comity.Application.Evaluation;

/// <summary>The rows read from an evaluation CSV file and the malformed rows that were skipped (file and
/// <c>line N</c>).</summary>
internal sealed record CsvFileResult<T>(ImmutableArray<T> Rows, ImmutableArray<Diagnostic> Diagnostics);
