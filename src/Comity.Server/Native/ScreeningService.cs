using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Comity.Application.Output;
using Comity.Application.Screening;
using Comity.Core.Model;
using Comity.Law;
using Comity.Server.Corpus;
using Comity.Server.Metrics;
using Comity.Storage;
using Comity.Storage.Alerts;
using Comity.Storage.Runs;

namespace Comity.Server.Native;

/// <summary>One screened subject: its hits (with decisions when a profile was given) and the alert of each
/// matching hit.</summary>
internal sealed record SubjectOutcome(int Index, string QueryId, ScreeningResult Result, Decision? Overall);

/// <summary>The outcome of one <c>POST /v1/screen</c>.</summary>
internal sealed record ScreenOutcome(string RunId, string CorpusVersion, IReadOnlyList<SubjectOutcome> Subjects, IReadOnlyDictionary<(string QueryId, string EntityId), string> AlertIds, bool Replayed);

/// <summary>Screens subjects against the corpus in force, decides each hit under the screener's law, and records
/// one alert per matching hit in one transaction (an idempotency key makes a retry create nothing new).</summary>
internal sealed class ScreeningService(IComityStore store, Lazy<LawEngine> law, ServerMetrics metrics)
{
    public async Task<ScreenOutcome> ScreenAsync(CorpusSnapshot snapshot, ScreenRequest request, string actor, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var lawContext = request.Profile is { } profile ? new LawContext(law.Value, profile) : null;
        var screener = new Screener(snapshot.Corpus, new ScreeningOptions { Threshold = request.Threshold, MinScore = request.MinScore, Limit = request.Limit }, lawContext);
        var subjects = new SubjectOutcome[request.Subjects.Count];
        Parallel.For(0, subjects.Length, new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var query = request.Subjects[i];
            var result = screener.Screen(query);
            var overall = lawContext?.Overall(result, snapshot.Corpus.Find);
            subjects[i] = new SubjectOutcome(i, QueryId(i, query), result, overall);
        });
        metrics.Screened(subjects.Length);

        var profileText = request.Profile is { } pr
            ? string.Create(CultureInfo.InvariantCulture, $"{pr.Jurisdiction}/{pr.Role}/{pr.AsOf:yyyy-MM-dd}{(pr.UsPerson ? "/us_person" : string.Empty)}{(pr.UsNexus ? "/us_nexus" : string.Empty)}")
            : "none";
        var run = await store.StartRunAsync(new NewScreeningRun(actor, profileText, snapshot.Corpus.Version), cancellationToken).ConfigureAwait(false);
        var alerts = new List<NewAlert>();
        foreach (var s in subjects)
        {
            var queryJson = QueryJson(s.Result.Query);
            var queryHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(queryJson)));
            for (var h = 0; h < s.Result.Hits.Count; h++)
            {
                var hit = s.Result.Hits[h];
                if (!hit.Match)
                {
                    continue;
                }

                var e = hit.Entity;
                alerts.Add(new NewAlert(s.QueryId, queryHash, queryJson, e.Id, e.Source, e.SourceId, JsonFormat.Round(hit.Score), DecisionJson.ToJson(hit.Decision), snapshot.Corpus.Version, ProvenanceJson(snapshot, e.Source)));
            }
        }

        var batch = await store.CreateAlertsAsync(new AlertBatchRequest(run.Id, actor, alerts) { IdempotencyKey = idempotencyKey }, cancellationToken).ConfigureAwait(false);
        if (!batch.Replayed)
        {
            metrics.AlertsCreated(batch.Alerts.Count);
        }

        var hits = subjects.Sum(s => s.Result.Hits.Count);
        await store.FinishRunAsync(run.Id, new RunCounts(subjects.Length, hits, batch.Replayed ? 0 : batch.Alerts.Count, 0), actor, cancellationToken).ConfigureAwait(false);
        var ids = new Dictionary<(string, string), string>();
        foreach (var a in batch.Alerts)
        {
            ids.TryAdd((a.QueryId, a.EntityId), a.Id);
        }

        return new ScreenOutcome(batch.Replayed && batch.Alerts.Count > 0 ? batch.Alerts[0].RunId : run.Id, snapshot.Corpus.Version, subjects, ids, batch.Replayed);
    }

    /// <summary>The subject's key within its request: position plus the caller's id.</summary>
    private static string QueryId(int index, Query q) => string.Create(CultureInfo.InvariantCulture, $"{index}:{q.Id ?? string.Empty}");

    private static string QueryJson(Query q)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, Yente.WireJson.Options))
        {
            JsonFormat.WriteQuery(w, q);
        }

        return Encoding.UTF8.GetString(ms.ToArray());
    }

    private static string ProvenanceJson(CorpusSnapshot snapshot, string source)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, Yente.WireJson.Options))
        {
            w.WriteStartObject();
            w.WriteString("corpus_version", snapshot.Corpus.Version);
            if (snapshot.DatasetsBySource.TryGetValue(source, out var d))
            {
                w.WriteString("source", d.Source);
                w.WriteString("authority", d.Provenance.Authority);
                w.WriteString("format", d.Format);
                if (d.Provenance.Published is { } p)
                {
                    w.WriteString("published", p);
                }

                w.WriteStartArray("files");
                foreach (var f in d.Provenance.Files)
                {
                    w.WriteStartObject();
                    w.WriteString("name", f.Name);
                    w.WriteString("sha256", f.Sha256);
                    w.WriteNumber("bytes", f.Bytes);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }

            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(ms.ToArray());
    }
}
