using System.Collections.Immutable;
using Comity.Core.Model;

namespace Comity.Sources.Abstractions;

/// <summary>The outcome of reading one list (a file or a folder that holds one list).</summary>
public sealed record LoadResult(Provenance Provenance, ImmutableArray<Entity> Entities, ImmutableArray<Diagnostic> Diagnostics);
