namespace Comity.Storage.Runs;

/// <summary>Proof of screening: what a run screened with besides its corpus version (whose recipe, every list file with
/// its SHA-256, is kept in <see cref="IComityStore.GetCorpusVersionAsync"/>).</summary>
/// <param name="EngineVersion">The matcher's version (assembly informational version).</param>
/// <param name="Threshold">The match threshold.</param>
/// <param name="OptionsJson">Every screening option (threshold, min score, limit, scope, weights) as JSON.</param>
/// <param name="ProfileJson">The screener profile as JSON (<c>null</c> JSON when none).</param>
public sealed record RunProof(string EngineVersion, double Threshold, string OptionsJson, string ProfileJson);
