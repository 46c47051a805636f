using System.Data.Common;
using System.Text.Json.Nodes;
using Comity.Storage.Audit;
using Comity.Storage.Runs;

namespace Comity.Storage.Sql;

internal sealed partial class SqlComityStore
{
    private const string RunColumns = "id, started_at, finished_at, actor, profile, corpus_version, queries, hits, alerts, errors";

    private const string RunProofColumns = "engine_version, threshold, options_json, profile_json";

    public Task<ScreeningRun> StartRunAsync(NewScreeningRun run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        Require(run.Actor, nameof(run.Actor));
        Require(run.CorpusVersion, nameof(run.CorpusVersion));
        ArgumentNullException.ThrowIfNull(run.Profile);
        return WriteAsync(
            async (connection, transaction) =>
            {
                var stored = await InsertRunAsync(connection, transaction, NewId(Now()), run, cancellationToken).ConfigureAwait(false);
                return (stored, true);
            },
            cancellationToken);
    }

    /// <summary>Inserts a run (with its proof of screening) and its audit record.</summary>
    private async Task<ScreeningRun> InsertRunAsync(DbConnection connection, DbTransaction transaction, string id, NewScreeningRun run, CancellationToken cancellationToken)
    {
        var at = Now();
        var stored = new ScreeningRun(id, at, null, run.Actor, run.Profile, run.CorpusVersion, RunCounts.Zero) { Proof = run.Proof };
        await Db.ExecuteAsync(
            connection,
            transaction,
            "INSERT INTO runs (" + RunColumns + ", " + RunProofColumns + ") VALUES (@id, @at, NULL, @actor, @profile, @corpus, 0, 0, 0, 0, @engine, @threshold, @options, @profile_json)",
            cancellationToken,
            ("@id", stored.Id),
            ("@at", dialect.ToDb(at)),
            ("@actor", run.Actor),
            ("@profile", run.Profile),
            ("@corpus", run.CorpusVersion),
            ("@engine", run.Proof?.EngineVersion),
            ("@threshold", run.Proof?.Threshold),
            ("@options", run.Proof?.OptionsJson),
            ("@profile_json", run.Proof?.ProfileJson)).ConfigureAwait(false);
        var payload = new JsonObject { ["corpus_version"] = run.CorpusVersion };
        if (run.Proof is { } proof)
        {
            payload["engine_version"] = proof.EngineVersion;
            payload["threshold"] = proof.Threshold;
        }

        await AppendCoreAsync(
            connection, transaction, new AuditEntry(run.Actor, "run.started", stored.Id, payload.ToJsonString()), cancellationToken)
            .ConfigureAwait(false);
        return stored;
    }

    public Task<ScreeningRun> FinishRunAsync(string runId, RunCounts counts, string actor, CancellationToken cancellationToken = default)
    {
        Require(runId, nameof(runId));
        Require(actor, nameof(actor));
        ArgumentNullException.ThrowIfNull(counts);
        return WriteAsync(
            async (connection, transaction) =>
            {
                var at = Now();
                var updated = await Db.ExecuteAsync(
                    connection,
                    transaction,
                    "UPDATE runs SET finished_at = @at, queries = @queries, hits = @hits, alerts = @alerts, errors = @errors WHERE id = @id",
                    cancellationToken,
                    ("@at", dialect.ToDb(at)),
                    ("@queries", counts.Queries),
                    ("@hits", counts.Hits),
                    ("@alerts", counts.Alerts),
                    ("@errors", counts.Errors),
                    ("@id", runId)).ConfigureAwait(false);
                if (updated != 1)
                {
                    throw new StoreException($"Screening run '{runId}' does not exist.");
                }

                var payload = new JsonObject
                {
                    ["queries"] = counts.Queries,
                    ["hits"] = counts.Hits,
                    ["alerts"] = counts.Alerts,
                    ["errors"] = counts.Errors,
                };
                await AppendCoreAsync(
                    connection, transaction, new AuditEntry(actor, "run.finished", runId, payload.ToJsonString()), cancellationToken)
                    .ConfigureAwait(false);
                var run = await ReadRunAsync(connection, transaction, runId, cancellationToken).ConfigureAwait(false);
                return (run!, true);
            },
            cancellationToken);
    }

    public Task<ScreeningRun?> GetRunAsync(string runId, CancellationToken cancellationToken = default)
    {
        Require(runId, nameof(runId));
        return ReadAsync(connection => ReadRunAsync(connection, null, runId, cancellationToken), cancellationToken);
    }

    private async Task<ScreeningRun?> ReadRunAsync(
        DbConnection connection, DbTransaction? transaction, string runId, CancellationToken cancellationToken)
    {
        var command = Db.Command(connection, transaction, "SELECT " + RunColumns + ", " + RunProofColumns + " FROM runs WHERE id = @id", ("@id", runId));
        await using (command.ConfigureAwait(false))
        {
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    return null;
                }

                return DamagedRowGuard.Read(reader, "runs", reader => new ScreeningRun(
                    reader.GetString(0),
                    dialect.ReadTime(reader, 1),
                    reader.IsDBNull(2) ? null : dialect.ReadTime(reader, 2),
                    reader.GetString(3),
                    reader.GetString(4),
                    reader.GetString(5),
                    new RunCounts(reader.GetInt64(6), reader.GetInt64(7), reader.GetInt64(8), reader.GetInt64(9)))
                {
                    Proof = reader.IsDBNull(10) ? null : new RunProof(reader.GetString(10), reader.GetDouble(11), reader.GetString(12), reader.GetString(13)),
                });
            }
        }
    }
}
