namespace Comity.Storage.Runs;

/// <summary>A corpus version and the recipe it was built from (every list path, in load order, with its files'
/// SHA-256), first recorded at <paramref name="FirstSeenAt"/>.</summary>
public sealed record CorpusVersionRecord(string Version, string CorpusJson, DateTimeOffset FirstSeenAt);
