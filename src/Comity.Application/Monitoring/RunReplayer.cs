using Comity.Application.Corpus;
using Comity.Application.Lists;
using Comity.Application.Output;
using Comity.Application.Screening;
using Comity.Law;
using Comity.Storage;

namespace Comity.Application.Monitoring;

/// <summary>One subject whose replayed hits differ from the stored ones.</summary>
internal sealed record ReplayDifference(long Ordinal, string QueryId, string Stored, string Replayed);

/// <summary>The outcome of a replay: the run, the corpus version it recorded and the one rebuilt, the engine versions,
/// how many subjects and hits were compared, and every difference (none: the run is reproduced exactly).</summary>
internal sealed record ReplayReport(
    string RunId, string CorpusVersion, string ReplayedCorpusVersion, string CorpusSource, string StoredEngine, string CurrentEngine, double Threshold,
    string ProfileJson, long Subjects, long Hits, long Matches, IReadOnlyList<ReplayDifference> Differences, long DifferenceCount)
{
    public bool Reproduced => DifferenceCount == 0;
}

/// <summary>Proof of screening: screens a stored run's subjects again, with the options and dated profile it recorded,
/// against its corpus version rebuilt from the recorded recipe (the bundled files and the data dir's
/// content-addressed versions, every file checked against its SHA-256), and compares the hits (entity, score, match)
/// with the stored ones.</summary>
internal static class RunReplayer
{
    /// <summary>At most this many differences are listed (all are counted).</summary>
    public const int MaxListed = 100;

    /// <param name="inForce">The corpus in force, used when it is the run's version (no rebuild).</param>
    public static async Task<ReplayReport> ReplayAsync(IComityStore store, string runId, ScreeningCorpus? inForce, ListStore? dataDir, Lazy<LawEngine> law, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(law);
        var run = await store.GetRunAsync(runId, cancellationToken).ConfigureAwait(false) ?? throw new KeyNotFoundException($"run '{runId}' does not exist");
        var proof = run.Proof ?? throw new InvalidDataException($"run '{runId}' was recorded without proof of screening (before this Comity version): it cannot be replayed");
        ScreeningCorpus corpus;
        string source;
        if (inForce is not null && inForce.Version == run.CorpusVersion)
        {
            corpus = inForce;
            source = "in force";
        }
        else
        {
            var recipe = await store.GetCorpusVersionAsync(run.CorpusVersion, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidDataException($"run '{runId}': no recipe recorded for corpus {run.CorpusVersion}");
            var paths = CorpusRecipe.Paths(recipe.CorpusJson, dataDir);
            corpus = await Task.Run(() => CorpusLoader.Load(paths, cancellationToken: cancellationToken), cancellationToken).ConfigureAwait(false);
            source = "rebuilt from the recorded recipe";
            if (corpus.Version != run.CorpusVersion)
            {
                throw new InvalidDataException($"run '{runId}': the rebuilt corpus is {corpus.Version}, not {run.CorpusVersion}");
            }
        }

        var options = ProofJson.ParseOptions(proof.OptionsJson);
        var profile = ProofJson.ParseProfile(proof.ProfileJson);
        var screener = new Screener(corpus, options, profile is null ? null : new LawContext(law.Value, profile));
        var differences = new List<ReplayDifference>();
        long subjects = 0, hits = 0, matches = 0, count = 0;
        var after = -1L;
        while (true)
        {
            var page = await store.ReadRunSubjectsAsync(run.Id, after, 1000, cancellationToken).ConfigureAwait(false);
            if (page.Count == 0)
            {
                break;
            }

            var results = screener.ScreenAll([.. page.Select(s => QueryCodec.Decode(s.QueryJson))], cancellationToken);
            for (var i = 0; i < page.Count; i++)
            {
                var stored = page[i];
                var replayed = RunHits.Encode(results[i].Hits.Select(h => (h.Entity.Id, JsonFormat.Round(h.Score), h.Match)));
                subjects++;
                var storedHits = RunHits.Decode(stored.HitsJson);
                hits += storedHits.Count;
                matches += storedHits.Count(h => h.Match);
                if (!string.Equals(Canonical(stored.HitsJson), replayed, StringComparison.Ordinal))
                {
                    count++;
                    if (differences.Count < MaxListed)
                    {
                        differences.Add(new ReplayDifference(stored.Ordinal, stored.QueryId, stored.HitsJson, replayed));
                    }
                }
            }

            after = page[^1].Ordinal;
        }

        return new ReplayReport(run.Id, run.CorpusVersion, corpus.Version, source, proof.EngineVersion, ProofJson.EngineVersion, proof.Threshold, proof.ProfileJson, subjects, hits, matches, differences, count);
    }

    private static string Canonical(string hitsJson) => RunHits.Encode(RunHits.Decode(hitsJson));
}
