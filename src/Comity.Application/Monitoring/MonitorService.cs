using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Comity.Application.Corpus;
using Comity.Application.Lists;
using Comity.Core.Model;
using Comity.Law;
using Comity.Storage;
using Comity.Storage.Monitoring;
using Comity.Storage.Runs;

namespace Comity.Application.Monitoring;

/// <summary>Continuous monitoring, shared by the CLI (<c>comity monitor</c>, <c>comity worker</c>) and the server
/// (<c>/v1/portfolios</c>, the background worker): portfolios screened on add, re-screened when the corpus changes
/// (delta jobs planned once, taken by any node), alerts with decision memory, events. Every screening goes through
/// the one pipeline (<see cref="Screening.Screener"/>).</summary>
internal sealed class MonitorService
{
    private readonly IComityStore _store;
    private readonly Func<ScreeningCorpus?> _corpus;
    private readonly Lazy<LawEngine> _law;
    private readonly TimeProvider _clock;
    private readonly ListStore? _dataDir;
    private readonly ConcurrentDictionary<(string Portfolio, int Shard), (long Revision, ReverseIndex Index)> _reverse = new();
    private readonly ConcurrentDictionary<string, bool> _recorded = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Portfolio> _settings = new(StringComparer.Ordinal);

    /// <param name="corpus">The corpus in force (the server's host, the CLI's loaded corpus); null while loading.</param>
    /// <param name="dataDir">The data dir (downloaded versions), when there is one: recipes refer to its versions.</param>
    public MonitorService(IComityStore store, Func<ScreeningCorpus?> corpus, Lazy<LawEngine> law, TimeProvider clock, MonitorOptions? options = null, ListStore? dataDir = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(law);
        ArgumentNullException.ThrowIfNull(clock);
        _store = store;
        _corpus = corpus;
        _law = law;
        _clock = clock;
        _dataDir = dataDir;
        Options = options ?? new MonitorOptions();
    }

    public MonitorOptions Options { get; }

    public IMonitorStore Store => _store.Monitoring;

    /// <summary>Raised with one line per job done or failed (for logs).</summary>
    public event Action<string>? Log;

    private IMonitorStore M => _store.Monitoring;

    /// <summary>Raised with per-phase timings of each job (diagnostics).</summary>
    internal event Action<string>? Timing;

    internal void Trace(string line) => Timing?.Invoke(line);

    private ScreeningCorpus Current => _corpus() ?? throw new InvalidOperationException("the corpus is still loading");

    private DateOnly Today => ScreenerProfile.Today(_clock);

    /// <summary>Creates a portfolio (or returns it when it exists with the same settings).</summary>
    public Task<Portfolio> EnsurePortfolioAsync(string name, PortfolioProfile profile, double? threshold, int? shardSize, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(profile);
        CheckName(name);
        return M.EnsurePortfolioAsync(new NewPortfolio(name, profile.ToJson(), threshold ?? Screening.ScreeningOptions.DefaultThreshold, shardSize ?? Options.ShardSize), actor, cancellationToken);
    }

    /// <summary>A portfolio name: letters, digits, '-', '_' and '.', 1 to 100 characters.</summary>
    public static void CheckName(string name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > 100 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            throw new ArgumentException($"portfolio name '{name}': expected 1 to 100 letters, digits, '-', '_' or '.'");
        }
    }

    /// <summary>Every portfolio (by name) with its shards against the corpus in force.</summary>
    public async Task<IReadOnlyList<PortfolioStatus>> StatusAsync(CancellationToken cancellationToken = default)
    {
        var list = new List<PortfolioStatus>();
        foreach (var p in await M.ListPortfoliosAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(await StatusOfAsync(p, cancellationToken).ConfigureAwait(false));
        }

        return list;
    }

    /// <summary>One portfolio with its shards against the corpus in force; null when there is none of that name.</summary>
    public async Task<PortfolioStatus?> StatusAsync(string portfolio, CancellationToken cancellationToken = default) =>
        await M.GetPortfolioAsync(portfolio, cancellationToken).ConfigureAwait(false) is { } p ? await StatusOfAsync(p, cancellationToken).ConfigureAwait(false) : null;

    private async Task<PortfolioStatus> StatusOfAsync(Portfolio p, CancellationToken cancellationToken)
    {
        var inForce = _corpus()?.Version;
        var today = SubjectHits.Day(Today);
        var shards = await M.GetShardsAsync(p.Name, cancellationToken).ConfigureAwait(false);
        return new PortfolioStatus(p, [.. shards.Select(s => new ShardStatus(s, inForce is not null && s.CorpusVersion != inForce, string.CompareOrdinal(s.DecidedOn, today) < 0))], inForce);
    }

    /// <summary>The event feed read backwards: up to <paramref name="limit"/> events with seq below
    /// <paramref name="before"/> (the newest when null), newest first; of one portfolio when given.</summary>
    public Task<IReadOnlyList<MonitorEvent>> RecentEventsAsync(string? portfolio, long? before, int limit, CancellationToken cancellationToken = default) =>
        M.ReadEventsBeforeAsync(before ?? long.MaxValue, limit, portfolio, cancellationToken);

    /// <summary>A portfolio's webhooks (removed ones too) with their delivery counts and up to
    /// <paramref name="deadLetters"/> dead letters each.</summary>
    public async Task<IReadOnlyList<WebhookStatus>> WebhooksAsync(string portfolio, int deadLetters, CancellationToken cancellationToken = default)
    {
        var list = new List<WebhookStatus>();
        foreach (var h in await M.ListWebhooksAsync(portfolio, cancellationToken).ConfigureAwait(false))
        {
            var dead = h.Deliveries.GetValueOrDefault("dead") > 0 ? await M.ListDeliveriesAsync(h.Id, DeliveryStatus.Dead, deadLetters, cancellationToken).ConfigureAwait(false) : [];
            list.Add(new WebhookStatus(h, dead));
        }

        return list;
    }

    /// <summary>A portfolio's re-screen jobs, up to <paramref name="limit"/> of each status.</summary>
    public async Task<JobBoard> JobsAsync(string portfolio, int limit, CancellationToken cancellationToken = default)
    {
        var by = new Dictionary<JobStatus, IReadOnlyList<MonitorJob>>();
        foreach (var status in Enum.GetValues<JobStatus>())
        {
            by[status] = await M.ListJobsAsync(status, portfolio, limit, cancellationToken).ConfigureAwait(false);
        }

        return new JobBoard(by, limit);
    }

    /// <summary>Records the recipe of <paramref name="corpus"/> (once per version) and pins its downloaded versions.</summary>
    public async Task RecordCorpusAsync(ScreeningCorpus corpus, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        if (_recorded.ContainsKey(corpus.Version))
        {
            return;
        }

        var recipe = CorpusRecipe.Of(corpus, _dataDir);
        if (_dataDir is not null)
        {
            foreach (var l in JsonNode.Parse(recipe)!["lists"]!.AsArray().Where(l => l!["kind"]!.GetValue<string>() == "store"))
            {
                var parts = l!["ref"]!.GetValue<string>().Split(Path.DirectorySeparatorChar, '/');
                if (parts.Length >= 2)
                {
                    _dataDir.Pin(parts[1]);
                }
            }
        }

        await _store.RecordCorpusVersionAsync(corpus.Version, recipe, cancellationToken).ConfigureAwait(false);
        _recorded[corpus.Version] = true;
    }

    /// <summary>Adds (or updates) subjects and screens them against the corpus in force, in batches of
    /// <see cref="MonitorOptions.AddBatch"/>, each stored in one transaction with its alerts and events. A subject whose
    /// fields did not change is left alone; an input with an error, or an id given twice, is refused and reported.</summary>
    public async Task<AddReport> AddAsync(string portfolio, IEnumerable<SubjectInput> inputs, string actor, Action<AddProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var p = await M.GetPortfolioAsync(portfolio, cancellationToken).ConfigureAwait(false) ?? throw new ArgumentException($"portfolio '{portfolio}' does not exist");
        var corpus = Current;
        await RecordCorpusAsync(corpus, cancellationToken).ConfigureAwait(false);
        var screener = Screener(p, corpus);
        var run = await _store.StartRunAsync(NewRun(actor, p, screener), cancellationToken).ConfigureAwait(false);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var errors = new List<string>();
        int added = 0, updated = 0, unchanged = 0, alerts = 0, matches = 0, processed = 0;
        long ordinal = 0;
        foreach (var batch in inputs.Chunk(Options.AddBatch))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var valid = new List<(string Id, Query Query)>();
            foreach (var input in batch)
            {
                processed++;
                if (input.Error is not null || input.Query is null)
                {
                    errors.Add(input.Error ?? Where(input) + "no query");
                }
                else if (string.IsNullOrWhiteSpace(input.Id))
                {
                    errors.Add(Where(input) + "no id: a monitored subject needs a stable id (column id)");
                }
                else if (input.Id.Length > 200)
                {
                    errors.Add(Where(input) + "id longer than 200 characters");
                }
                else if (!seen.Add(input.Id))
                {
                    errors.Add(Where(input) + $"id '{input.Id}' given twice; the first one is kept");
                }
                else
                {
                    valid.Add((input.Id, input.Query with { Id = input.Id }));
                }
            }

            var existing = (await M.GetSubjectsAsync(p.Name, [.. valid.Select(v => v.Id)], cancellationToken).ConfigureAwait(false))
                .ToDictionary(s => s.SubjectId, StringComparer.Ordinal);
            var work = new List<(string Id, Query Query, string Json, StoredSubject? Stored)>();
            foreach (var (id, q) in valid)
            {
                var json = QueryCodec.Encode(q);
                var stored = existing.GetValueOrDefault(id);
                if (stored is not null && string.Equals(stored.QueryJson, json, StringComparison.Ordinal))
                {
                    unchanged++;
                    continue;
                }

                work.Add((id, q, json, stored));
            }

            var screened = new ScreenedSubject[work.Count];
            Parallel.For(0, work.Count, new ParallelOptions { CancellationToken = cancellationToken }, i => screened[i] = screener.Screen(work[i].Id, work[i].Query, cancellationToken));
            var pairs = await PairsAsync(p.Name, [.. work.Where(w => w.Stored is not null).Select(w => w.Id)], cancellationToken).ConfigureAwait(false);
            var reconciler = new Reconciler(p.Name, screener, _clock, run.Id);
            var write = new Accumulator(p.Name, actor, run.Id, screener.DecidedOn);
            for (var i = 0; i < work.Count; i++)
            {
                var w = work[i];
                var changes = reconciler.Reconcile(screened[i], w.Stored is null ? null : SubjectHits.FromJson(w.Stored.StateJson), pairs.GetValueOrDefault(w.Id, []));
                write.Add(w.Id, changes, corpus.Version, screener, w.Json, MatchFacts.Of(w.Query).ToJson());
                write.RunSubjects.Add(RunSubjectOf(ordinal++, screened[i]));
                if (w.Stored is null)
                {
                    added++;
                }
                else
                {
                    updated++;
                }

                matches += changes.State.HasMatch ? 1 : 0;
            }

            if (work.Count > 0)
            {
                var payload = new JsonObject { ["run_id"] = run.Id, ["screened"] = work.Count, ["corpus_version"] = corpus.Version };
                write.Events.Add(EventOf(p.Name, "subjects.added", null, null, payload));
                await M.WriteAsync(write.Build(), cancellationToken).ConfigureAwait(false);
                alerts += write.Alerts.Count;
            }

            progress?.Invoke(new AddProgress(processed, added + updated, alerts));
        }

        await _store.FinishRunAsync(run.Id, new RunCounts(added + updated, matches, alerts, errors.Count), actor, cancellationToken).ConfigureAwait(false);
        return new AddReport(p.Name, run.Id, corpus.Version, added, updated, unchanged, errors, alerts, matches);
    }

    private static string Where(SubjectInput input) => input.Line > 0 ? string.Create(CultureInfo.InvariantCulture, $"line {input.Line}: ") : input.Id is null ? string.Empty : $"subject '{input.Id}': ";

    /// <summary>Removes subjects from a portfolio (their alerts stay, no longer monitored).</summary>
    public async Task<int> RemoveAsync(string portfolio, IReadOnlyCollection<string> subjectIds, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subjectIds);
        var payload = new JsonObject { ["subjects"] = new JsonArray([.. subjectIds.Select(s => (JsonNode)JsonValue.Create(s))]) };
        var removed = EventOf(portfolio, "subjects.removed", null, null, payload);
        var n = await M.RemoveSubjectsAsync(portfolio, subjectIds, actor, removed, cancellationToken).ConfigureAwait(false);
        foreach (var key in _reverse.Keys.Where(k => k.Portfolio == portfolio))
        {
            _reverse.TryRemove(key, out _);
        }

        return n;
    }

    /// <summary>Plans the re-screens that bring every portfolio to <paramref name="corpus"/>: records what changed
    /// from each version a shard is at (from <paramref name="previous"/> when it is that version, else rebuilt from
    /// its recorded recipe; a version that cannot be rebuilt is re-screened in full), and enqueues one job per shard
    /// (a shard already at this version but decided on an earlier day gets a re-decision job). Idempotent across
    /// nodes. Returns the jobs added.</summary>
    public async Task<int> PlanAsync(ScreeningCorpus corpus, ScreeningCorpus? previous, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        await RecordCorpusAsync(corpus, cancellationToken).ConfigureAwait(false);
        var today = SubjectHits.Day(Today);
        var jobs = new List<NewMonitorJob>();
        foreach (var p in await M.ListPortfoliosAsync(cancellationToken).ConfigureAwait(false))
        {
            // A shard with a job for this version already waiting or running (a full re-screen asked for, another
            // node's plan) needs no second one. The jobs are read before the shards: a job another node finishes in
            // between has moved its shard to this version already (one transaction), so it is not planned again.
            var pending = (await M.ListJobsAsync(JobStatus.Queued, p.Name, 100_000, cancellationToken).ConfigureAwait(false))
                .Concat(await M.ListJobsAsync(JobStatus.Running, p.Name, 100_000, cancellationToken).ConfigureAwait(false))
                .Where(j => j.ToVersion == corpus.Version).Select(j => j.Shard).ToHashSet();
            var shards = await M.GetShardsAsync(p.Name, cancellationToken).ConfigureAwait(false);
            foreach (var version in shards.Select(s => s.CorpusVersion).Where(v => v != corpus.Version).Distinct(StringComparer.Ordinal).Take(Options.MaxDeltaSources))
            {
                if (await M.GetCorpusChangeAsync(version, corpus.Version, cancellationToken).ConfigureAwait(false) is not null)
                {
                    continue;
                }

                var delta = await DeltaAsync(version, previous, corpus, cancellationToken).ConfigureAwait(false);
                if (delta is not null)
                {
                    await M.RecordCorpusChangeAsync(version, corpus.Version, delta.ToJson(), cancellationToken).ConfigureAwait(false);
                    Log?.Invoke(string.Create(CultureInfo.InvariantCulture, $"corpus change {version} → {corpus.Version}: {delta.Added.Count} added, {delta.Removed.Count} removed, {delta.Changed.Count} changed, {delta.Relinked.Count} relinked"));
                }
            }

            foreach (var s in shards.Where(s => !pending.Contains(s.Shard)))
            {
                var plan = s.CorpusVersion != corpus.Version ? "from:" + s.CorpusVersion : s.DecidedOn != today ? "day:" + today : null;
                if (plan is not null)
                {
                    jobs.Add(new NewMonitorJob(NewId(), p.Name, s.Shard, JobKind.Delta, plan, corpus.Version));
                }
            }
        }

        return await M.EnqueueJobsAsync(jobs, actor, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Enqueues a full re-screen of every shard of a portfolio (or of every portfolio) against the corpus in
    /// force. Returns the jobs added.</summary>
    public async Task<int> EnqueueFullAsync(string? portfolio, string actor, CancellationToken cancellationToken = default)
    {
        var corpus = Current;
        await RecordCorpusAsync(corpus, cancellationToken).ConfigureAwait(false);
        var plan = "full:" + NewId();
        var jobs = new List<NewMonitorJob>();
        foreach (var p in await M.ListPortfoliosAsync(cancellationToken).ConfigureAwait(false))
        {
            if (portfolio is not null && p.Name != portfolio)
            {
                continue;
            }

            jobs.AddRange((await M.GetShardsAsync(p.Name, cancellationToken).ConfigureAwait(false)).Select(s => new NewMonitorJob(NewId(), p.Name, s.Shard, JobKind.Full, plan, corpus.Version)));
        }

        return await M.EnqueueJobsAsync(jobs, actor, cancellationToken).ConfigureAwait(false);
    }

    private async Task<CorpusDelta?> DeltaAsync(string fromVersion, ScreeningCorpus? previous, ScreeningCorpus corpus, CancellationToken cancellationToken)
    {
        if (previous is not null && previous.Version == fromVersion)
        {
            return CorpusDelta.Between(fromVersion, previous.Entities, previous.Links, corpus.Version, corpus.Entities, corpus.Links) with
            {
                FromCoverage = ListStatuses.Coverage(previous),
            };
        }

        var record = await _store.GetCorpusVersionAsync(fromVersion, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            return null;
        }

        try
        {
            var paths = CorpusRecipe.Paths(record.CorpusJson, _dataDir);
            var (entities, links) = await Task.Run(() => CorpusRecipe.ReadEntities(paths, cancellationToken), cancellationToken).ConfigureAwait(false);
            return CorpusDelta.Between(fromVersion, entities, links, corpus.Version, corpus.Entities, corpus.Links);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or Sources.Abstractions.ListFormatException or UnauthorizedAccessException)
        {
            Log?.Invoke($"corpus {fromVersion} cannot be rebuilt ({e.Message}); its shards are re-screened in full");
            return null;
        }
    }

    /// <summary>Takes and runs jobs for the corpus in force until none is left (or <paramref name="cancellationToken"/>
    /// fires); returns what each did.</summary>
    public async Task<IReadOnlyList<JobReport>> RunPendingAsync(string owner, CancellationToken cancellationToken = default)
    {
        var reports = new List<JobReport>();
        while (!cancellationToken.IsCancellationRequested)
        {
            var corpus = Current;
            var job = await M.TakeJobAsync(owner, Options.JobLease, [corpus.Version], cancellationToken).ConfigureAwait(false);
            if (job is null)
            {
                break;
            }

            if (await RunTakenAsync(job, corpus, owner, cancellationToken).ConfigureAwait(false) is { } r)
            {
                reports.Add(r);
            }
        }

        return reports;
    }

    /// <summary>Runs a job taken by <paramref name="owner"/>, renewing its lease meanwhile; a failure gives the job
    /// back (to be taken again, or failed after its last attempt). Null when the job did not complete here.</summary>
    public async Task<JobReport?> RunTakenAsync(MonitorJob job, ScreeningCorpus corpus, string owner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(corpus);
        if (job.Attempts > Options.JobMaxAttempts)
        {
            await M.FailJobAsync(job.Id, owner, $"gave up after {Options.JobMaxAttempts} attempts", Options.JobMaxAttempts, cancellationToken).ConfigureAwait(false);
            return null;
        }

        using var lost = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var renewer = new Timer(_ => _ = RenewAsync(), null, Options.JobLease / 3, Options.JobLease / 3);
        async Task RenewAsync()
        {
            try
            {
                if (!await M.RenewJobLeaseAsync(job.Id, owner, Options.JobLease, CancellationToken.None).ConfigureAwait(false))
                {
                    await lost.CancelAsync().ConfigureAwait(false);
                }
            }
            catch (Exception e) when (e is StoreException or System.Data.Common.DbException or ObjectDisposedException or InvalidOperationException)
            {
                // A transient failure: the next renewal tries again; the final write checks the lease anyway.
            }
        }

        try
        {
            var report = await RunJobAsync(job, corpus, owner, lost.Token).ConfigureAwait(false);
            Log?.Invoke(string.Create(CultureInfo.InvariantCulture, $"job {job.Id} ({job.Portfolio} shard {job.Shard}, {report.Kind}): {report.Screened} screened, {report.Redecided} re-decided, {report.AlertsCreated} alerts created, {report.AlertsClosed} closed, {report.Reopened} reopened, {report.DecisionsChanged} decisions changed"));
            return report;
        }
        catch (LeaseLostException e)
        {
            Log?.Invoke(e.Message);
            return null;
        }
        catch (OperationCanceledException) when (lost.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            Log?.Invoke($"job {job.Id}: lease lost while running; another worker takes it");
            return null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log?.Invoke($"job {job.Id} failed: {e.GetType().Name}: {e.Message}");
            await M.FailJobAsync(job.Id, owner, $"{e.GetType().Name}: {e.Message}", Options.JobMaxAttempts, CancellationToken.None).ConfigureAwait(false);
            return null;
        }
    }

    /// <summary>Re-screens one shard (see <see cref="ShardJob"/>) and stores everything with the job's completion.</summary>
    internal async Task<JobReport> RunJobAsync(MonitorJob job, ScreeningCorpus corpus, string owner, CancellationToken cancellationToken)
    {
        // A portfolio keeps its profile, threshold and shard size (the store refuses others), so they are read once: reading
        // the portfolio also counts its subjects, which every job of a large portfolio would pay for.
        if (!_settings.TryGetValue(job.Portfolio, out var p))
        {
            p = await M.GetPortfolioAsync(job.Portfolio, cancellationToken).ConfigureAwait(false) ?? throw new StoreException($"portfolio '{job.Portfolio}' does not exist");
            _settings[job.Portfolio] = p;
        }

        var screener = Screener(p, corpus);
        var shardJob = new ShardJob(this, p, job, corpus, screener, owner);
        return await shardJob.RunAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The reverse index of a shard's subjects, cached per revision of the shard.</summary>
    internal async Task<ReverseIndex> ReverseAsync(Portfolio p, PortfolioShard shard, CancellationToken cancellationToken)
    {
        if (_reverse.TryGetValue((p.Name, shard.Shard), out var cached) && cached.Revision == shard.Revision)
        {
            return cached.Index;
        }

        var lo = (long)shard.Shard * p.ShardSize;
        var subjects = await M.ListSubjectsAsync(p.Name, lo, lo + p.ShardSize, SubjectSelection.All, cancellationToken).ConfigureAwait(false);
        var index = await Task.Run(() => ReverseIndex.Build([.. subjects.Select(s => (s.SubjectId, QueryCodec.Decode(s.QueryJson)))], Options), cancellationToken).ConfigureAwait(false);
        _reverse[(p.Name, shard.Shard)] = (shard.Revision, index);
        return index;
    }

    /// <summary>Builds the reverse index of every shard of a portfolio now (a delta re-screen then finds it ready).</summary>
    public async Task WarmAsync(string portfolio, CancellationToken cancellationToken = default)
    {
        var p = await M.GetPortfolioAsync(portfolio, cancellationToken).ConfigureAwait(false) ?? throw new ArgumentException($"portfolio '{portfolio}' does not exist");
        foreach (var s in await M.GetShardsAsync(portfolio, cancellationToken).ConfigureAwait(false))
        {
            await ReverseAsync(p, s, cancellationToken).ConfigureAwait(false);
        }
    }

    internal PortfolioScreener Screener(Portfolio p, ScreeningCorpus corpus) =>
        new(corpus, PortfolioProfile.FromJson(p.ProfileJson), p.Threshold, PortfolioProfile.FromJson(p.ProfileJson).HasProfile ? _law.Value : null, Today, Options);

    internal static NewScreeningRun NewRun(string actor, Portfolio p, PortfolioScreener screener) =>
        new(actor, "portfolio:" + p.Name + " " + screener.ProfileJson, screener.Corpus.Version)
        {
            Proof = new RunProof(ProofJson.EngineVersion, screener.Threshold, ProofJson.Options(screener.Options), screener.ProfileJson),
        };

    internal TimeProvider Clock => _clock;

    internal IComityStore RawStore => _store;

    internal async Task<Dictionary<string, IReadOnlyList<MonitorPair>>> PairsAsync(string portfolio, IReadOnlyCollection<string> subjectIds, CancellationToken cancellationToken)
    {
        if (subjectIds.Count == 0)
        {
            return new Dictionary<string, IReadOnlyList<MonitorPair>>(StringComparer.Ordinal);
        }

        var pairs = await M.GetPairsAsync(portfolio, subjectIds, cancellationToken).ConfigureAwait(false);
        return pairs.GroupBy(x => x.SubjectId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (IReadOnlyList<MonitorPair>)[.. g], StringComparer.Ordinal);
    }

    internal static RunSubject RunSubjectOf(long ordinal, ScreenedSubject s) =>
        new(ordinal, s.SubjectId, QueryCodec.Encode(s.Query), RunHits.Encode(s.Hits.Select(h => h.Hit)));

    internal NewMonitorEvent EventOf(string? portfolio, string type, string? subjectId, string? alertId, JsonObject payload)
    {
        var id = "ev-" + Guid.CreateVersion7(_clock.GetUtcNow()).ToString("N", CultureInfo.InvariantCulture);
        var o = new JsonObject { ["id"] = id, ["portfolio"] = portfolio, ["subject_id"] = subjectId, ["alert_id"] = alertId };
        foreach (var (k, v) in payload.ToList())
        {
            payload.Remove(k);
            o[k] = v;
        }

        return new NewMonitorEvent(id, portfolio, type, subjectId, alertId, o.ToJsonString());
    }

    internal string NewId() => Guid.CreateVersion7(_clock.GetUtcNow()).ToString("D", CultureInfo.InvariantCulture);

    /// <summary>Collects one transaction's worth of monitoring changes.</summary>
    internal sealed class Accumulator(string portfolio, string actor, string? runId, string decidedOn)
    {
        public List<RunSubject> RunSubjects { get; } = [];

        public List<SubjectState> Subjects { get; } = [];

        public List<NewMonitorAlert> Alerts { get; } = [];

        public List<PairEnd> Ends { get; } = [];

        public List<PairUpdate> Updates { get; } = [];

        public List<NewMonitorEvent> Events { get; } = [];

        public void Add(string subjectId, SubjectChanges c, string corpusVersion, PortfolioScreener screener, string? queryJson = null, string? factsJson = null)
        {
            Subjects.Add(new SubjectState(
                subjectId, c.State.ToJson(), c.State.HasMatch, c.State.Nearest(screener.Threshold), c.State.EntityIds, corpusVersion, queryJson, factsJson));
            Alerts.AddRange(c.NewAlerts);
            Ends.AddRange(c.Ends);
            Updates.AddRange(c.Updates);
            Events.AddRange(c.Events);
        }

        public MonitorWrite Build() => new(portfolio, actor)
        {
            RunId = runId,
            RunSubjects = RunSubjects,
            Subjects = Subjects,
            NewAlerts = Alerts,
            Ends = Ends,
            Updates = Updates,
            Events = Events,
            DecidedOn = decidedOn,
        };
    }
}
