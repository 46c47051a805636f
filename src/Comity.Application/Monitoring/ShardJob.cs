using System.Text.Json.Nodes;
using Comity.Application.Corpus;
using Comity.Storage.Monitoring;
using Comity.Storage.Runs;

namespace Comity.Application.Monitoring;

/// <summary>One job: brings one shard of a portfolio to a corpus version.
/// <list type="bullet">
/// <item><b>Full</b>: every subject is screened again.</item>
/// <item><b>Delta</b>: subjects at the shard's version are screened again only when the change can touch them: the
/// reverse index of the shard proposes them for an added or changed listed entity; their current hits involve a
/// removed, changed or relinked entity; or a kept hit lies near the threshold. Every other subject with a match has
/// its decisions made again as of today. Subjects screened against another version are screened again; when no
/// change was recorded from the shard's version, every subject is.</item>
/// </list>
/// Everything is stored in one transaction with the job's completion, and only while the worker still holds the
/// job's lease: a worker killed mid-job leaves nothing behind, and the job is taken again when its lease ends.</summary>
internal sealed class ShardJob(MonitorService service, Portfolio portfolio, MonitorJob job, ScreeningCorpus corpus, PortfolioScreener screener, string owner)
{
    private IMonitorStore M => service.Store;

    private int _reverse;
    private int _involving;
    private int _near;
    private double _margin;
    private bool _redecideAll = true;

    private readonly System.Diagnostics.Stopwatch _sw = System.Diagnostics.Stopwatch.StartNew();
    private readonly List<string> _phases = [];

    private void Phase(string name)
    {
        _phases.Add(name + "=" + _sw.ElapsedMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        _sw.Restart();
    }

    public async Task<JobReport> RunAsync(CancellationToken cancellationToken)
    {
        var lo = (long)job.Shard * portfolio.ShardSize;
        var hi = lo + portfolio.ShardSize;
        var shard = (await M.GetShardsAsync(portfolio.Name, cancellationToken).ConfigureAwait(false)).FirstOrDefault(s => s.Shard == job.Shard);
        var rescreen = new Dictionary<string, StoredSubject>(StringComparer.Ordinal);
        var redecide = new Dictionary<string, StoredSubject>(StringComparer.Ordinal);
        if (shard is not null)
        {
            await SelectAsync(shard, lo, hi, rescreen, redecide, cancellationToken).ConfigureAwait(false);
        }

        Phase("select");
        var runId = rescreen.Count > 0 ? service.NewId() : null;
        var pairs = await service.PairsAsync(portfolio.Name, [.. rescreen.Keys.Concat(redecide.Keys)], cancellationToken).ConfigureAwait(false);
        Phase("pairs");
        var subjects = rescreen.Values.OrderBy(s => s.Seq).ToList();
        var screened = new ScreenedSubject[subjects.Count];
        Parallel.For(0, subjects.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
            screened[i] = screener.Screen(subjects[i].SubjectId, QueryCodec.Decode(subjects[i].QueryJson), cancellationToken));
        Phase("screen");
        var reconciler = new Reconciler(portfolio.Name, screener, service.Clock, runId);
        var write = new MonitorService.Accumulator(portfolio.Name, owner, runId, screener.DecidedOn);
        for (var i = 0; i < subjects.Count; i++)
        {
            var stored = subjects[i];
            var changes = reconciler.Reconcile(screened[i], SubjectHits.FromJson(stored.StateJson), pairs.GetValueOrDefault(stored.SubjectId, []));
            write.Add(stored.SubjectId, changes, corpus.Version, screener);
            write.RunSubjects.Add(MonitorService.RunSubjectOf(i, screened[i]));
        }

        Phase("reconcile");
        var redecided = 0;
        foreach (var stored in redecide.Values.OrderBy(s => s.Seq))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var state = SubjectHits.FromJson(stored.StateJson);
            var query = QueryCodec.Decode(stored.QueryJson);
            var now = screener.Redecide(stored.SubjectId, query, state);
            if (now is null)
            {
                // A hit's entity left the corpus without the change saying so: screen it after all.
                now = screener.Screen(stored.SubjectId, query, cancellationToken);
                write.RunSubjects.Add(MonitorService.RunSubjectOf(write.RunSubjects.Count, now));
                runId ??= service.NewId();
            }

            var changes = reconciler.Reconcile(now, state, pairs.GetValueOrDefault(stored.SubjectId, []));
            redecided++;
            if (changes.NewAlerts.Count + changes.Ends.Count + changes.Updates.Count + changes.Events.Count > 0
                || !string.Equals(changes.State.ToJson(), stored.StateJson, StringComparison.Ordinal))
            {
                write.Add(stored.SubjectId, changes, corpus.Version, screener);
            }
        }

        Phase("redecide");
        var created = write.Alerts.Count;
        var closed = write.Ends.Count(e => e.CloseAlert);
        var reopened = write.Alerts.Count(a => a.Reason == "reopened");
        var decisions = write.Events.Count(e => e.Type == "decision.changed");
        var result = new JsonObject
        {
            ["kind"] = job.Kind == JobKind.Full ? "full" : "delta",
            ["screened"] = subjects.Count,
            ["redecided"] = redecided,
            ["alerts_created"] = created,
            ["alerts_closed"] = closed,
            ["reopened"] = reopened,
            ["decisions_changed"] = decisions,
            ["reverse_candidates"] = _reverse,
            ["involving"] = _involving,
            ["near"] = _near,
            ["near_margin"] = _margin,
            ["run_id"] = runId,
            ["corpus_version"] = corpus.Version,
        };
        write.Events.Add(service.EventOf(portfolio.Name, "rescreen.completed", null, null, new JsonObject
        {
            ["job_id"] = job.Id,
            ["shard"] = job.Shard,
            ["kind"] = result["kind"]!.GetValue<string>(),
            ["screened"] = subjects.Count,
            ["redecided"] = redecided,
            ["alerts_created"] = created,
            ["alerts_closed"] = closed,
            ["corpus_version"] = corpus.Version,
            ["run_id"] = runId,
        }));
        var batch = write.Build() with
        {
            NewRun = runId is null ? null : MonitorService.NewRun(owner, portfolio, screener),
            RunId = runId,
            FinishRun = runId is null ? null : new RunCounts(write.RunSubjects.Count, write.Subjects.Count(s => s.HasMatch), created, 0),
            Shards = shard is null ? [] : [new PortfolioShard(portfolio.Name, job.Shard, corpus.Version, screener.DecidedOn)],
            Job = new JobCompletion(job.Id, owner, result.ToJsonString()),
        };
        await M.WriteAsync(batch, cancellationToken).ConfigureAwait(false);
        Phase("write");
        service.Trace("shard " + job.Shard.ToString(System.Globalization.CultureInfo.InvariantCulture) + ": " + string.Join(' ', _phases));
        return new JobReport(job.Id, portfolio.Name, job.Shard, result["kind"]!.GetValue<string>(), subjects.Count, redecided, created, closed, reopened, decisions, runId)
        {
            ReverseCandidates = _reverse,
            Involving = _involving,
            Near = _near,
        };
    }

    /// <summary>Chooses the subjects to screen again and those whose decisions are made again.</summary>
    private async Task SelectAsync(PortfolioShard shard, long lo, long hi, Dictionary<string, StoredSubject> rescreen, Dictionary<string, StoredSubject> redecide, CancellationToken cancellationToken)
    {
        if (job.Kind == JobKind.Full)
        {
            foreach (var s in await M.ListSubjectsAsync(portfolio.Name, lo, hi, SubjectSelection.All, cancellationToken).ConfigureAwait(false))
            {
                rescreen[s.SubjectId] = s;
            }

            return;
        }

        // Subjects screened against another version than the shard's.
        var overridden = (await M.ListSubjectsAsync(portfolio.Name, lo, hi, SubjectSelection.Overridden, cancellationToken).ConfigureAwait(false))
            .ToDictionary(s => s.SubjectId, StringComparer.Ordinal);
        foreach (var s in overridden.Values.Where(s => s.VersionOverride != corpus.Version))
        {
            rescreen[s.SubjectId] = s;
        }

        Phase("sel.overridden");
        bool AtShardVersion(string id) => !overridden.ContainsKey(id);
        if (shard.CorpusVersion != corpus.Version)
        {
            var change = await M.GetCorpusChangeAsync(shard.CorpusVersion, corpus.Version, cancellationToken).ConfigureAwait(false);
            if (change is null)
            {
                foreach (var s in await M.ListSubjectsAsync(portfolio.Name, lo, hi, SubjectSelection.All, cancellationToken).ConfigureAwait(false))
                {
                    if (AtShardVersion(s.SubjectId))
                    {
                        rescreen[s.SubjectId] = s;
                    }
                }

                return;
            }

            var delta = CorpusDelta.FromJson(change.DeltaJson);
            _redecideAll = !SameDecisions(shard, delta);
            var ids = new HashSet<string>(StringComparer.Ordinal);
            Phase("sel.change");
            var reverse = await service.ReverseAsync(portfolio, shard, cancellationToken).ConfigureAwait(false);
            Phase("sel.reverseidx");

            // A reverse candidate is screened again when it keeps hits (the change moves the statistics its scores
            // rest on), or when its forward score against the new entity, by the corpus's own matcher, reaches the
            // lowest score a kept hit has (less a margin): only then can the entity enter its hits. One entity per
            // task; the subjects keeping hits are read from their index by seq.
            var kept = (await M.ListKeptAsync(portfolio.Name, lo, hi, cancellationToken).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
            Phase("sel.kept");
            var floor = screener.Options.MinScore - service.Options.ForwardMargin;
            var queried = delta.Queried.Select(corpus.Find).OfType<Core.Model.Entity>().ToList();
            var reached = new List<string>[queried.Count];
            Parallel.For(0, queried.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
                reached[i] = [.. reverse.Candidates(queried[i], cancellationToken)
                    .Where(c => kept.Contains(c.SubjectId) || corpus.Index.Score(c.Query, queried[i]).Score >= floor)
                    .Select(c => c.SubjectId)]);
            foreach (var r in reached)
            {
                ids.UnionWith(r);
            }

            _reverse = ids.Count;
            Phase("sel.reverse");
            var involving = await M.SubjectsInvolvingAsync(portfolio.Name, delta.Involving, lo, hi, cancellationToken).ConfigureAwait(false);
            _involving = involving.Count;
            Phase("sel.involving");
            ids.UnionWith(involving);
            _margin = service.Options.NearMarginFor(delta.Added.Count + delta.Removed.Count + delta.Changed.Count, corpus.Entities.Length);
            var near = await M.ListNearAsync(portfolio.Name, lo, hi, _margin, cancellationToken).ConfigureAwait(false);
            _near = near.Count;
            Phase("sel.near");
            ids.UnionWith(near);
            ids.RemoveWhere(id => !AtShardVersion(id));
            foreach (var s in await M.GetSubjectsAsync(portfolio.Name, ids, cancellationToken).ConfigureAwait(false))
            {
                rescreen[s.SubjectId] = s;
            }

            Phase("sel.get");
        }

        if (!_redecideAll)
        {
            // Decisions stand; what a re-decision would still bring up to date is decision memory: a hit whose alert
            // was cleared as a false positive since the subject was last screened is marked cleared in its state.
            var cleared = (await M.ListClearedAsync(portfolio.Name, lo, hi, cancellationToken).ConfigureAwait(false))
                .Where(id => !rescreen.ContainsKey(id) && AtShardVersion(id)).ToList();
            foreach (var s in await M.GetSubjectsAsync(portfolio.Name, cleared, cancellationToken).ConfigureAwait(false))
            {
                if (s.HasMatch && SubjectHits.FromJson(s.StateJson).Hits.Any(h => h.Match && h.ClearedBy is null))
                {
                    redecide[s.SubjectId] = s;
                }
            }

            Phase("sel.cleared");
            return;
        }

        foreach (var s in await M.ListSubjectsAsync(portfolio.Name, lo, hi, SubjectSelection.WithMatch, cancellationToken).ConfigureAwait(false))
        {
            if (!rescreen.ContainsKey(s.SubjectId) && AtShardVersion(s.SubjectId))
            {
                redecide[s.SubjectId] = s;
            }
        }

        Phase("sel.withmatch");
    }

    /// <summary>Whether every decision of a subject the change does not touch stays as it is: the shard was decided
    /// today (the same dated profile), and the coverage gaps of the older version's lists are those of the new one. A
    /// decision is then a function of the hit's listings alone, and a hit whose listings were removed, changed or
    /// relinked makes its subject screen again; so re-deciding the others would change no decision (only the subjects
    /// with an alert cleared since are reconciled, for decision memory). Without the older version's coverage facts (a
    /// change rebuilt from a recipe), every subject with a match is decided again.</summary>
    private bool SameDecisions(PortfolioShard shard, CorpusDelta delta)
    {
        if (!string.Equals(shard.DecidedOn, screener.DecidedOn, StringComparison.Ordinal) || delta.FromCoverage is null)
        {
            return false;
        }

        if (screener.Screener.Law is not { } law)
        {
            return true;
        }

        return law.Engine.Coverage(law.Profile, delta.FromCoverage).SequenceEqual(law.Gaps);
    }
}
