using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Comity.Application.Corpus;
using Comity.Application.Input;
using Comity.Application.Law;
using Comity.Application.Output;
using Comity.Application.Screening;
using Comity.Core.Model;
using Comity.Law;
using Comity.Storage;
using Comity.Storage.Alerts;
using Comity.Storage.Runs;

namespace Comity.Application.Runs;

/// <summary>One screened subject of a run: its position, its key within the request, its result.</summary>
internal sealed record SubjectOutcome(int Index, string QueryId, ScreeningResult Result);

/// <summary>The outcome of one screening run: the run id, the corpus version, every subject, the alert id of every
/// matching hit, and whether it was a replay of an earlier request with the same idempotency key.</summary>
internal sealed record RunOutcome(string RunId, string CorpusVersion, IReadOnlyList<SubjectOutcome> Subjects, IReadOnlyDictionary<(string QueryId, string EntityId), string> AlertIds, bool Replayed, int AlertsCreated);

/// <summary>The outcome of <see cref="ScreeningRuns.ScreenRowsAsync"/>: the run, the corpus version, rows screened,
/// rows that could not be screened, rows with at least one match, alerts created.</summary>
internal sealed record RowsOutcome(string RunId, string CorpusVersion, int Screened, int Errors, int Matched, int AlertsCreated);

/// <summary>An idempotency key as sent: the client's key, whose key it is (API key name or caller identity), and the
/// SHA-256 (hex) of the canonical request it came with.</summary>
internal sealed record Idempotency(string Key, string Scope, string? RequestHash);

/// <summary>The idempotency key is live in its scope for a different request; nothing was recorded.</summary>
internal sealed class IdempotencyConflictException : Exception
{
    public IdempotencyConflictException()
    {
    }

    public IdempotencyConflictException(string message)
        : base(message)
    {
    }

    public IdempotencyConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public IdempotencyConflictException(string key, DateTimeOffset? expiresAt)
        : base($"Idempotency-Key '{key}' was already used with a different request body" + (expiresAt is { } e ? "; it can be reused after " + e.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) : string.Empty) + ". Use a new key for a new request.")
    {
        Key = key;
        ExpiresAt = expiresAt;
    }

    public string? Key { get; }

    public DateTimeOffset? ExpiresAt { get; }
}

/// <summary>Screens subjects through the one pipeline (<see cref="Screener"/>), and records the run and one alert per
/// matching hit in one transaction (an idempotency key makes a retry create nothing new). Used by the server's
/// <c>POST /v1/screen</c>; anything that records alerts goes through here.</summary>
internal sealed class ScreeningRuns(IComityStore store, Lazy<LawEngine> law)
{
    private Func<ScreeningCorpus, CancellationToken, Task>? recorder;

    /// <summary>Records the recipe of every corpus a run screens against (proof of screening; see
    /// <see cref="Monitoring.MonitorService.RecordCorpusAsync"/>).</summary>
    public ScreeningRuns RecordCorporaWith(Func<ScreeningCorpus, CancellationToken, Task> record)
    {
        recorder = record;
        return this;
    }

    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public Task<RunOutcome> ScreenAsync(CorpusSnapshot snapshot, ScreeningRequest request, string actor, string? idempotencyKey, CancellationToken cancellationToken) =>
        ScreenAsync(snapshot, request, actor, idempotencyKey is null ? null : new Idempotency(idempotencyKey, actor, null), cancellationToken);

    /// <summary>Screens and records; with <paramref name="idempotency"/>, a live key of the same scope sent with
    /// another request hash throws <see cref="IdempotencyConflictException"/> (before anything is screened or
    /// recorded when it can be seen up front).</summary>
    public async Task<RunOutcome> ScreenAsync(CorpusSnapshot snapshot, ScreeningRequest request, string actor, Idempotency? idempotency, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(request);
        if (idempotency is not null
            && await store.FindIdempotencyKeyAsync(idempotency.Scope, idempotency.Key, cancellationToken).ConfigureAwait(false) is { } claim
            && !string.Equals(claim.RequestHash, idempotency.RequestHash, StringComparison.Ordinal))
        {
            throw new IdempotencyConflictException(idempotency.Key, claim.ExpiresAt);
        }

        var lawContext = request.Profile is { } profile ? new LawContext(law.Value, profile) : null;
        var screener = new Screener(snapshot.Corpus, request.Options, lawContext);
        var results = screener.ScreenAll(request.Subjects, cancellationToken);
        var subjects = new SubjectOutcome[results.Count];
        for (var i = 0; i < subjects.Length; i++)
        {
            subjects[i] = new SubjectOutcome(i, QueryId(i, request.Subjects[i]), results[i]);
        }

        var proof = new RunProof(Monitoring.ProofJson.EngineVersion, request.Options.Threshold, Monitoring.ProofJson.Options(request.Options), Monitoring.ProofJson.Profile(request.Profile));
        var run = await store.StartRunAsync(new NewScreeningRun(actor, ProfileText(request.Profile), snapshot.Corpus.Version) { Proof = proof }, cancellationToken).ConfigureAwait(false);
        if (recorder is not null)
        {
            await recorder(snapshot.Corpus, cancellationToken).ConfigureAwait(false);
        }

        var runSubjects = subjects.Select(s => new RunSubject(
            s.Index, s.QueryId, Monitoring.QueryCodec.Encode(s.Result.Query), Monitoring.RunHits.Encode(s.Result.Hits.Select(h => (h.Entity.Id, JsonFormat.Round(h.Score), h.Match))))).ToList();
        var alerts = new List<NewAlert>();
        foreach (var s in subjects)
        {
            AddAlerts(alerts, snapshot, s.QueryId, s.Result);
        }

        var batch = await store.CreateAlertsAsync(
            new AlertBatchRequest(run.Id, actor, alerts)
            {
                IdempotencyKey = idempotency?.Key,
                IdempotencyScope = idempotency?.Scope,
                RequestHash = idempotency?.RequestHash,
                Subjects = runSubjects,
            },
            cancellationToken).ConfigureAwait(false);
        var hits = subjects.Sum(s => s.Result.Hits.Count);
        var created = batch.Replayed ? 0 : batch.Alerts.Count;
        await store.FinishRunAsync(run.Id, new RunCounts(subjects.Length, hits, created, batch.Conflict ? 1 : 0), actor, cancellationToken).ConfigureAwait(false);
        if (batch.Conflict)
        {
            // Another request claimed the key between the check above and now: nothing was created.
            throw new IdempotencyConflictException(idempotency!.Key, (DateTimeOffset?)null);
        }

        var ids = new Dictionary<(string, string), string>();
        foreach (var a in batch.Alerts)
        {
            ids.TryAdd((a.QueryId, a.EntityId), a.Id);
        }

        return new RunOutcome(batch.Replayed ? batch.ReplayedRunId ?? run.Id : run.Id, snapshot.Corpus.Version, subjects, ids, batch.Replayed, created);
    }

    /// <summary>Screens a stream of input rows (a customer file) as one run, <paramref name="chunkSize"/> rows at a
    /// time: each chunk is screened in parallel through the one pipeline, the alerts of its matching hits are recorded
    /// (one transaction per chunk, so a cancelled or failed run keeps the alerts of the chunks it finished), and
    /// <paramref name="onRow"/> sees every row in input order with its result (null for a row that could not be
    /// screened). <paramref name="onRunStarted"/> learns the run id as soon as the run is recorded. The run is finished
    /// with its counts whatever happens, cancellation included. Alert query ids are <c>{row}:{id}</c>.</summary>
    public async Task<RowsOutcome> ScreenRowsAsync(
        CorpusSnapshot snapshot, IEnumerable<InputRow> rows, ScreeningOptions options, ScreenerProfile? profile, string actor,
        Action<InputRow, ScreeningResult?> onRow, Action<string>? onRunStarted, int chunkSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(onRow);
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkSize, 1);
        var lawContext = profile is { } p ? new LawContext(law.Value, p) : null;
        var screener = new Screener(snapshot.Corpus, options, lawContext);
        var run = await store.StartRunAsync(new NewScreeningRun(actor, ProfileText(profile), snapshot.Corpus.Version), cancellationToken).ConfigureAwait(false);
        onRunStarted?.Invoke(run.Id);
        int screened = 0, errors = 0, hits = 0, created = 0, matched = 0;
        var chunk = new List<InputRow>(chunkSize);

        async Task FlushAsync()
        {
            var queries = new List<Query>(chunk.Count);
            foreach (var r in chunk)
            {
                if (r.Query is { } q)
                {
                    queries.Add(q);
                }
            }

            var results = screener.ScreenAll(queries, cancellationToken);
            var alerts = new List<NewAlert>();
            var k = 0;
            var answers = new ScreeningResult?[chunk.Count];
            for (var i = 0; i < chunk.Count; i++)
            {
                if (chunk[i].Query is null)
                {
                    continue;
                }

                var result = results[k++];
                answers[i] = result;
                hits += result.Hits.Count;
                matched += result.HasMatch ? 1 : 0;
                AddAlerts(alerts, snapshot, string.Create(CultureInfo.InvariantCulture, $"{chunk[i].Row}:{result.Query.Id ?? string.Empty}"), result);
            }

            if (alerts.Count > 0)
            {
                var batch = await store.CreateAlertsAsync(new AlertBatchRequest(run.Id, actor, alerts), cancellationToken).ConfigureAwait(false);
                created += batch.Alerts.Count;
            }

            for (var i = 0; i < chunk.Count; i++)
            {
                if (answers[i] is null)
                {
                    errors++;
                }
                else
                {
                    screened++;
                }

                onRow(chunk[i], answers[i]);
            }

            chunk.Clear();
        }

        try
        {
            foreach (var row in rows)
            {
                cancellationToken.ThrowIfCancellationRequested();
                chunk.Add(row);
                if (chunk.Count == chunkSize)
                {
                    await FlushAsync().ConfigureAwait(false);
                }
            }

            await FlushAsync().ConfigureAwait(false);
        }
        finally
        {
            await store.FinishRunAsync(run.Id, new RunCounts(screened, hits, created, errors), actor, CancellationToken.None).ConfigureAwait(false);
        }

        return new RowsOutcome(run.Id, snapshot.Corpus.Version, screened, errors, matched, created);
    }

    /// <summary>A profile as recorded with a run (<c>DE/Financial/2026-10-01</c>, or <c>none</c>).</summary>
    private static string ProfileText(ScreenerProfile? profile) => profile is { } pr
        ? string.Create(CultureInfo.InvariantCulture, $"{pr.Jurisdiction}/{pr.Role}/{pr.AsOf:yyyy-MM-dd}{(pr.UsPerson ? "/us_person" : string.Empty)}{(pr.UsNexus ? "/us_nexus" : string.Empty)}")
        : "none";

    /// <summary>Adds one alert per matching hit of <paramref name="result"/>.</summary>
    private static void AddAlerts(List<NewAlert> alerts, CorpusSnapshot snapshot, string queryId, ScreeningResult result)
    {
        string? queryJson = null;
        string? queryHash = null;
        foreach (var hit in result.Hits)
        {
            if (!hit.Match)
            {
                continue;
            }

            queryJson ??= QueryJson(result.Query);
            queryHash ??= Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(queryJson)));
            var e = hit.Entity;
            alerts.Add(new NewAlert(queryId, queryHash, queryJson, e.Id, e.Source, e.SourceId, JsonFormat.Round(hit.Score), DecisionText(hit.Decision), snapshot.Corpus.Version, ProvenanceJson(snapshot.Corpus, e.Source)));
        }
    }

    /// <summary>A decision as stored with an alert (<c>{}</c> when none).</summary>
    public static string DecisionText(Decision? d) => d is null ? "{}" : LawJson.Serialize(d, indented: false);

    /// <summary>The subject's key within its request: position plus the caller's id.</summary>
    private static string QueryId(int index, Query q) => string.Create(CultureInfo.InvariantCulture, $"{index}:{q.Id ?? string.Empty}");

    internal static string QueryJson(Query q)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, JsonOptions))
        {
            JsonFormat.WriteQuery(w, q);
        }

        return Encoding.UTF8.GetString(ms.ToArray());
    }

    internal static string ProvenanceJson(ScreeningCorpus corpus, string source)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, JsonOptions))
        {
            w.WriteStartObject();
            w.WriteString("corpus_version", corpus.Version);
            if (corpus.DatasetsBySource.TryGetValue(source, out var d))
            {
                w.WriteString("source", d.Source);
                w.WriteString("authority", d.Provenance.Authority);
                w.WriteString("format", d.Format);
                if (d.Provenance.Published is { } p)
                {
                    w.WriteString("published", p);
                }

                JsonFormat.WriteFiles(w, d.Provenance);
            }

            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(ms.ToArray());
    }
}
