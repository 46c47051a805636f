namespace Comity.Storage.Runs;

/// <summary>What is known when a screening run starts.</summary>
/// <param name="Actor">Who started it (API key name, user, "cli").</param>
/// <param name="Profile">The screener profile (jurisdiction, role) as given, usually JSON.</param>
/// <param name="CorpusVersion">Version of the corpus the run screens against.</param>
public sealed record NewScreeningRun(string Actor, string Profile, string CorpusVersion)
{
    /// <summary>What the run screens with (proof of screening), stored with the run.</summary>
    public RunProof? Proof { get; init; }
}
