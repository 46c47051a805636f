namespace Comity.Storage.Monitoring;

/// <summary>One monitored subject as stored: its query, the facts decision memory compares, and its state (the hits
/// of its last screening, as JSON).</summary>
/// <param name="Seq">Its position in the portfolio (0, 1, ...); the shard is <c>Seq / ShardSize</c>.</param>
/// <param name="VersionOverride">The corpus version its state was screened against when that is not its shard's.</param>
public sealed record StoredSubject(
    string Portfolio, string SubjectId, long Seq, string QueryJson, string FactsJson, string StateJson, bool HasMatch, double? Nearest,
    string? VersionOverride, DateTimeOffset AddedAt, DateTimeOffset UpdatedAt);

/// <summary>A subject's new state after a screening (or a re-decision): the hits, whether any is a match or near the
/// threshold (the smallest distance of a kept hit's score to it), every listed entity its hits involve, and the corpus
/// version it was screened against.</summary>
/// <param name="QueryJson">For a new or changed subject, its query; null keeps the stored one.</param>
/// <param name="FactsJson">For a new or changed subject, its facts; null keeps the stored ones.</param>
public sealed record SubjectState(
    string SubjectId, string StateJson, bool HasMatch, double? Nearest, IReadOnlyList<string> EntityIds, string CorpusVersion,
    string? QueryJson = null, string? FactsJson = null);

/// <summary>Which subjects of a shard to read.</summary>
public enum SubjectSelection
{
    /// <summary>Every subject of the shard.</summary>
    All,

    /// <summary>Subjects with a matching hit.</summary>
    WithMatch,

    /// <summary>Subjects whose state was screened against another corpus version than their shard's.</summary>
    Overridden,
}
