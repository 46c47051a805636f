namespace Comity.Storage.Runs;

/// <summary>One subject a run screened, with the hits it found (for replay).</summary>
/// <param name="Ordinal">Position in the run (0, 1, ...).</param>
/// <param name="QueryId">The subject's key within the run.</param>
/// <param name="QueryJson">The query, in the form a replay reads back.</param>
/// <param name="HitsJson">The hits: <c>[{entity_id, score, match}]</c>.</param>
public sealed record RunSubject(long Ordinal, string QueryId, string QueryJson, string HitsJson);
