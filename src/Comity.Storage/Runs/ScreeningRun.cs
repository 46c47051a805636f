namespace Comity.Storage.Runs;

/// <summary>One screening run (a batch file, an API request) as stored.</summary>
public sealed record ScreeningRun(
    string Id,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    string Actor,
    string Profile,
    string CorpusVersion,
    RunCounts Counts)
{
    /// <summary>What the run screened with (engine version, threshold, options, profile); null for runs recorded before
    /// proof of screening.</summary>
    public RunProof? Proof { get; init; }
}
