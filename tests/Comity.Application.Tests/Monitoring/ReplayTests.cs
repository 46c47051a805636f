using Comity.Application.Corpus;
using Comity.Application.Lists;
using Comity.Application.Monitoring;
using Comity.Application.Tests.Lists;
using Comity.Application.Tests.Measures;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace Comity.Application.Tests.Monitoring;

/// <summary>Proof of screening: a monitoring run records the corpus recipe (a downloaded UN version in the data dir,
/// the bundled OFAC consolidated set, a user's own file), the engine version, threshold, options and dated profile;
/// after the UN list moved on (and the data dir pruned old versions: the recorded one is pinned), the run is replayed
/// against the rebuilt corpus and reproduces every stored hit exactly. A changed file or a tampered result is named.</summary>
public sealed class ReplayTests : IDisposable
{
    private readonly LoopbackServer _server = new();
    private readonly string _dir = ListFiles.TempDir();
    private readonly HttpClient _http = ListFetcher.CreateClient();

    public void Dispose()
    {
        _server.Dispose();
        _http.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task A_run_replays_against_its_archived_list_versions_and_reproduces_every_hit()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = new ListStore(Path.Combine(_dir, "data"));
        var sources = SourcesConfig.Load(ListFiles.WriteSources(_server, _dir, keep: 1));
        _server.SetFile("un.xml", ListFiles.UnXml);
        await new ListUpdater(store, sources, _http, TimeProvider.System).UpdateAsync(new UpdateOptions { Only = ["un-sc"] }, ct);
        var v1 = store.CurrentVersions()["un-sc"];

        // The user's own list: a copy of the OFAC consolidated set, outside the repository.
        var own = Path.Combine(_dir, "own-cons");
        Directory.CreateDirectory(own);
        foreach (var f in Directory.GetFiles(EvalData.Path("data/lists/ofac/cons-csv")))
        {
            File.Copy(f, Path.Combine(own, Path.GetFileName(f)));
        }

        var corpus = CorpusLoader.Load([store.LoadPath(v1), EvalData.Path("data/lists/ofac/sdn-csv-2021"), own], cancellationToken: ct);
        var clock = new FakeTimeProvider(MonitorWorld.Day1);
        var db = MonitorWorld.TempDb();
        await using var comity = await MonitorWorld.OpenAsync(db, clock);
        var service = new MonitorService(comity, () => corpus, MonitorWorld.Law, clock, null, store);
        await service.EnsurePortfolioAsync("proof", new PortfolioProfile("FR"), null, null, "test", ct);
        var subjects = MonitorWorld.Subjects(7, corpus.Entities, fromLists: 150, fromPopulation: 150);
        var report = await service.AddAsync("proof", subjects, "test", cancellationToken: ct);
        Assert.True(report.Matches > 50, report.Matches.ToString(System.Globalization.CultureInfo.InvariantCulture));

        // The run carries its proof; the recipe names every list with its files' SHA-256.
        var run = await comity.GetRunAsync(report.RunId, ct);
        Assert.NotNull(run!.Proof);
        Assert.Equal(ProofJson.EngineVersion, run.Proof.EngineVersion);
        Assert.Equal(0.65, run.Proof.Threshold);
        Assert.Contains("\"jurisdiction\":\"FR\"", run.Proof.ProfileJson, StringComparison.Ordinal);
        Assert.Contains("\"as_of\":\"2026-11-30\"", run.Proof.ProfileJson, StringComparison.Ordinal);
        var recipe = (await comity.GetCorpusVersionAsync(run.CorpusVersion, ct))!.CorpusJson;
        Assert.Contains("\"kind\":\"store\"", recipe, StringComparison.Ordinal);
        Assert.Contains("\"kind\":\"bundled\"", recipe, StringComparison.Ordinal);
        Assert.Contains("\"kind\":\"file\"", recipe, StringComparison.Ordinal);
        Assert.Contains(v1.Id, recipe, StringComparison.Ordinal);

        // The UN list moves on; the data dir keeps one version, but the recorded one is pinned.
        _server.Set("un.xml", ListFiles.UnModified(individuals: 3, rename: "REPLAYED"));
        var second = await new ListUpdater(store, sources, _http, TimeProvider.System).UpdateAsync(new UpdateOptions { Only = ["un-sc"] }, ct);
        Assert.True(second.AnyUpdated);
        Assert.NotEqual(v1.Id, store.CurrentVersions()["un-sc"].Id);
        Assert.True(Directory.Exists(store.ObjectFolder(v1.Id)));
        Assert.True(store.IsPinned(v1.Id));

        var replay = await RunReplayer.ReplayAsync(comity, report.RunId, null, store, MonitorWorld.Law, ct);
        Assert.True(replay.Reproduced, string.Join("\n", replay.Differences.Select(d => $"{d.QueryId}: {d.Stored} vs {d.Replayed}")));
        Assert.Equal("rebuilt from the recorded recipe", replay.CorpusSource);
        Assert.Equal(run.CorpusVersion, replay.ReplayedCorpusVersion);
        Assert.Equal(subjects.Count, replay.Subjects);
        Assert.True(replay.Matches >= report.Matches);

        // A tampered stored result is a difference, named by subject.
        var path = db["sqlite:".Length..];
        await using (var raw = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await raw.OpenAsync(ct);
            await using var cmd = raw.CreateCommand();
            cmd.CommandText = "UPDATE run_subjects SET hits_json = '[]' WHERE run_id = $r AND ordinal = (SELECT MIN(ordinal) FROM run_subjects WHERE run_id = $r AND hits_json <> '[]')";
            cmd.Parameters.AddWithValue("$r", report.RunId);
            Assert.Equal(1, await cmd.ExecuteNonQueryAsync(ct));
        }

        var tampered = await RunReplayer.ReplayAsync(comity, report.RunId, null, store, MonitorWorld.Law, ct);
        Assert.False(tampered.Reproduced);
        Assert.Equal(1, tampered.DifferenceCount);
        Assert.Equal("[]", Assert.Single(tampered.Differences).Stored);

        // A list file changed since the run: the replay refuses, naming it.
        await File.AppendAllTextAsync(Path.Combine(own, "cons_prim.csv"), "\n", ct);
        var e = await Assert.ThrowsAsync<InvalidDataException>(() => RunReplayer.ReplayAsync(comity, report.RunId, null, store, MonitorWorld.Law, ct));
        Assert.Contains("cons_prim.csv has changed since", e.Message, StringComparison.Ordinal);
    }
}
