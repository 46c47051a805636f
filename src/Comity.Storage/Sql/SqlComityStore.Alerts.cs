using System.Data.Common;
using System.Text;
using System.Text.Json.Nodes;
using Comity.Storage.Alerts;
using Comity.Storage.Audit;

namespace Comity.Storage.Sql;

internal sealed partial class SqlComityStore
{
    /// <summary>Alert columns as read: the idempotency key is the client's key of the claim the alert was created
    /// under (rows from before scoped keys hold the client's key themselves).</summary>
    private const string AlertSelectColumns =
        "id, run_id, COALESCE((SELECT k.client_key FROM idempotency_keys k WHERE k.idem_key = alerts.idempotency_key), idempotency_key), "
        + "ordinal, query_id, query_hash, query_json, entity_id, source, source_id, score, "
        + "decision_json, corpus_version, provenance_json, status, created_at, updated_at";

    private const string AlertColumns =
        "id, run_id, idempotency_key, ordinal, query_id, query_hash, query_json, entity_id, source, source_id, score, "
        + "decision_json, corpus_version, provenance_json, status, created_at, updated_at";

    public Task<AlertBatch> CreateAlertsAsync(AlertBatchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        Require(request.RunId, nameof(request.RunId));
        Require(request.Actor, nameof(request.Actor));
        ArgumentNullException.ThrowIfNull(request.Alerts);
        if (request.IdempotencyKey is { } key)
        {
            Require(key, nameof(request.IdempotencyKey));
        }

        foreach (var alert in request.Alerts)
        {
            Validate(alert);
        }

        return WriteAsync(
            async (connection, transaction) =>
            {
                var runExists = await Db.ScalarLongAsync(
                    connection, transaction, "SELECT COUNT(*) FROM runs WHERE id = @id", cancellationToken, ("@id", request.RunId))
                    .ConfigureAwait(false);
                if (runExists == 0)
                {
                    throw new StoreException($"Screening run '{request.RunId}' does not exist.");
                }

                var at = Now();
                string? claimId = null;
                if (request.IdempotencyKey is { } idempotencyKey)
                {
                    var scope = request.IdempotencyScope ?? string.Empty;
                    var live = LiveKey(scope, idempotencyKey);

                    // An expired use frees the key (its row and alerts stay, no longer reachable through it).
                    await Db.ExecuteAsync(
                        connection,
                        transaction,
                        "UPDATE idempotency_keys SET live_key = NULL WHERE live_key = @live AND expires_at <= @at",
                        cancellationToken,
                        ("@live", live),
                        ("@at", dialect.ToDb(at))).ConfigureAwait(false);

                    // The unique live_key decides: a second request with this key in this scope (from any process)
                    // inserts nothing here, in PostgreSQL after waiting for the first one's transaction to end.
                    claimId = "idem:" + NewId(at);
                    var claimed = await Db.ExecuteAsync(
                        connection,
                        transaction,
                        "INSERT INTO idempotency_keys (idem_key, run_id, created_at, alert_count, scope, client_key, body_hash, expires_at, live_key) "
                        + "VALUES (@id, @run, @at, @count, @scope, @key, @hash, @expires, @live) ON CONFLICT (live_key) DO NOTHING",
                        cancellationToken,
                        ("@id", claimId),
                        ("@run", request.RunId),
                        ("@at", dialect.ToDb(at)),
                        ("@count", (long)request.Alerts.Count),
                        ("@scope", scope),
                        ("@key", idempotencyKey),
                        ("@hash", request.RequestHash),
                        ("@expires", dialect.ToDb(at + options.IdempotencyLifetime)),
                        ("@live", live)).ConfigureAwait(false);
                    if (claimed == 0)
                    {
                        var claim = await ReadClaimAsync(connection, transaction, live, cancellationToken).ConfigureAwait(false);
                        if (claim is null || !string.Equals(claim.Value.Hash, request.RequestHash, StringComparison.Ordinal))
                        {
                            return (new AlertBatch([], Replayed: false) { Conflict = true }, false);
                        }

                        var existing = await ReadAlertsAsync(
                            connection,
                            transaction,
                            " WHERE idempotency_key = @key ORDER BY ordinal",
                            cancellationToken,
                            ("@key", claim.Value.Id)).ConfigureAwait(false);
                        return (new AlertBatch(existing, Replayed: true) { ReplayedRunId = claim.Value.RunId }, false);
                    }
                }

                var created = await InsertAlertsAsync(connection, transaction, request, claimId, at, cancellationToken).ConfigureAwait(false);
                await InsertRunSubjectsAsync(connection, transaction, request.RunId, request.Subjects, cancellationToken).ConfigureAwait(false);
                var items = new JsonArray();
                foreach (var alert in created)
                {
                    items.Add(new JsonObject
                    {
                        ["id"] = alert.Id,
                        ["query_hash"] = alert.QueryHash,
                        ["entity_id"] = alert.EntityId,
                        ["score"] = alert.Score,
                    });
                }

                var payload = new JsonObject { ["idempotency_key"] = request.IdempotencyKey, ["alerts"] = items };
                await AppendCoreAsync(
                    connection,
                    transaction,
                    new AuditEntry(request.Actor, "alerts.created", request.RunId, payload.ToJsonString()),
                    cancellationToken).ConfigureAwait(false);
                return (new AlertBatch(created, Replayed: false), true);
            },
            cancellationToken);
    }

    public Task<IdempotencyClaim?> FindIdempotencyKeyAsync(string? scope, string key, CancellationToken cancellationToken = default)
    {
        Require(key, nameof(key));
        var s = scope ?? string.Empty;
        return ReadAsync(
            async connection =>
            {
                var command = Db.Command(
                    connection,
                    null,
                    "SELECT run_id, body_hash, expires_at FROM idempotency_keys WHERE live_key = @live AND expires_at > @at",
                    ("@live", LiveKey(s, key)),
                    ("@at", dialect.ToDb(Now())));
                await using (command.ConfigureAwait(false))
                {
                    var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    await using (reader.ConfigureAwait(false))
                    {
                        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
                            ? new IdempotencyClaim(s, key, reader.GetString(0), Db.NullableString(reader, 1), dialect.ReadTime(reader, 2))
                            : null;
                    }
                }
            },
            cancellationToken);
    }

    /// <summary>The unique lookup value of a key in a scope (the scope is part of it, so scopes never meet).</summary>
    private static string LiveKey(string scope, string key) => StorageHash.Sha256Hex(scope + "\n" + key);

    private static async Task<(string Id, string RunId, string? Hash)?> ReadClaimAsync(
        DbConnection connection, DbTransaction transaction, string live, CancellationToken cancellationToken)
    {
        var command = Db.Command(connection, transaction, "SELECT idem_key, run_id, body_hash FROM idempotency_keys WHERE live_key = @live", ("@live", live));
        await using (command.ConfigureAwait(false))
        {
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
                    ? (reader.GetString(0), reader.GetString(1), Db.NullableString(reader, 2))
                    : null;
            }
        }
    }

    public Task<Alert?> GetAlertAsync(string alertId, CancellationToken cancellationToken = default)
    {
        Require(alertId, nameof(alertId));
        return ReadAsync(
            async connection =>
            {
                var found = await ReadAlertsAsync(connection, null, " WHERE id = @id", cancellationToken, ("@id", alertId))
                    .ConfigureAwait(false);
                return found.Count == 0 ? null : found[0];
            },
            cancellationToken);
    }

    public Task<AlertPage> ListAlertsAsync(AlertFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (filter.Limit is < 1 or > AlertFilter.MaxLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(filter), $"Limit must be between 1 and {AlertFilter.MaxLimit}.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(filter.Offset, nameof(filter));
        var (where, parameters) = AlertWhere(filter, withStatus: true);
        var order = filter.Sort switch
        {
            AlertSort.Oldest => " ORDER BY created_at ASC, id ASC",
            AlertSort.ScoreDescending => " ORDER BY score DESC, created_at DESC, id DESC",
            AlertSort.ScoreAscending => " ORDER BY score ASC, created_at DESC, id DESC",
            _ => " ORDER BY created_at DESC, id DESC",
        };
        return ReadAsync(
            async connection =>
            {
                var total = await Db.ScalarLongAsync(
                    connection, null, "SELECT COUNT(*) FROM alerts" + where, cancellationToken, [.. parameters]).ConfigureAwait(false);
                var page = new List<(string, object?)>(parameters) { ("@limit", (long)filter.Limit), ("@offset", (long)filter.Offset) };
                var items = await ReadAlertsAsync(
                    connection,
                    null,
                    where + order + " LIMIT @limit OFFSET @offset",
                    cancellationToken,
                    [.. page]).ConfigureAwait(false);
                return new AlertPage(items, total, filter.Offset, filter.Limit);
            },
            cancellationToken);
    }

    public Task<IReadOnlyDictionary<AlertStatus, long>> CountAlertsByStatusAsync(AlertFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var (where, parameters) = AlertWhere(filter, withStatus: false);
        return ReadAsync<IReadOnlyDictionary<AlertStatus, long>>(
            async connection =>
            {
                var counts = new Dictionary<AlertStatus, long>();
                var command = Db.Command(connection, null, "SELECT status, COUNT(*) FROM alerts" + where + " GROUP BY status", [.. parameters]);
                await using (command.ConfigureAwait(false))
                {
                    var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    await using (reader.ConfigureAwait(false))
                    {
                        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                        {
                            counts[StorageCodes.ParseStatus(reader.GetString(0))] = reader.GetInt64(1);
                        }
                    }
                }

                return counts;
            },
            cancellationToken);
    }

    /// <summary>The WHERE clause (with a leading space) and parameters of an alert filter.</summary>
    private (string Where, List<(string, object?)> Parameters) AlertWhere(AlertFilter filter, bool withStatus)
    {
        var where = new StringBuilder(" WHERE 1 = 1");
        var parameters = new List<(string, object?)>();
        if (withStatus && filter.Status is { } status)
        {
            where.Append(" AND status = @status");
            parameters.Add(("@status", StorageCodes.Code(status)));
        }

        if (filter.Source is { } source)
        {
            where.Append(" AND source = @source");
            parameters.Add(("@source", source));
        }

        if (filter.RunId is { } runId)
        {
            where.Append(" AND run_id = @run");
            parameters.Add(("@run", runId));
        }

        if (filter.CreatedFrom is { } from)
        {
            where.Append(" AND created_at >= @from");
            parameters.Add(("@from", dialect.ToDb(Audit.AuditChain.Truncate(from))));
        }

        if (filter.CreatedTo is { } to)
        {
            where.Append(" AND created_at < @to");
            parameters.Add(("@to", dialect.ToDb(Audit.AuditChain.Truncate(to))));
        }

        if (filter.Action is { } action)
        {
            var member = dialect.JsonMemberText("decision_json", "action");
            if (string.Equals(action, AlertFilter.NoAction, StringComparison.Ordinal))
            {
                where.Append(" AND ").Append(member).Append(" IS NULL");
            }
            else
            {
                where.Append(" AND ").Append(member).Append(" = @action");
                parameters.Add(("@action", action));
            }
        }

        if (filter.Reviewer is { } reviewer)
        {
            where.Append(" AND EXISTS (SELECT 1 FROM reviews r WHERE r.alert_id = alerts.id AND r.reviewer = @reviewer)");
            parameters.Add(("@reviewer", reviewer));
        }

        if (filter.Portfolio is { } portfolio)
        {
            where.Append(" AND EXISTS (SELECT 1 FROM monitor_alerts m WHERE m.alert_id = alerts.id AND m.portfolio = @portfolio)");
            parameters.Add(("@portfolio", portfolio));
        }

        return (where.ToString(), parameters);
    }

    /// <summary>Rows per INSERT statement: few round trips, and far below either database's parameter limit.</summary>
    private const int InsertChunk = 100;

    private async Task<List<Alert>> InsertAlertsAsync(
        DbConnection connection, DbTransaction transaction, AlertBatchRequest request, string? claimId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var created = new List<Alert>(request.Alerts.Count);
        for (var i = 0; i < request.Alerts.Count; i++)
        {
            var input = request.Alerts[i];
            created.Add(new Alert(
                NewId(at), request.RunId, request.IdempotencyKey, i, input.QueryId, input.QueryHash, input.QueryJson,
                input.EntityId, input.Source, input.SourceId, input.Score, input.DecisionJson, input.CorpusVersion,
                input.ProvenanceJson, AlertStatus.Open, at, at));
        }

        for (var start = 0; start < created.Count; start += InsertChunk)
        {
            var count = Math.Min(InsertChunk, created.Count - start);
            var sql = new StringBuilder("INSERT INTO alerts (" + AlertColumns + ") VALUES ");
            var parameters = new List<(string, object?)>(4 + (count * 12))
            {
                ("@run", request.RunId),
                ("@key", claimId),
                ("@status", StorageCodes.Code(AlertStatus.Open)),
                ("@at", dialect.ToDb(at)),
            };
            for (var row = 0; row < count; row++)
            {
                var alert = created[start + row];
                var n = row.ToString(System.Globalization.CultureInfo.InvariantCulture);
                sql.Append(row == 0 ? "(" : ", (")
                    .Append("@id").Append(n).Append(", @run, @key, @ordinal").Append(n)
                    .Append(", @query_id").Append(n).Append(", @query_hash").Append(n).Append(", @query_json").Append(n)
                    .Append(", @entity_id").Append(n).Append(", @source").Append(n).Append(", @source_id").Append(n)
                    .Append(", @score").Append(n).Append(", @decision").Append(n).Append(", @corpus").Append(n)
                    .Append(", @provenance").Append(n).Append(", @status, @at, @at)");
                parameters.Add(("@id" + n, alert.Id));
                parameters.Add(("@ordinal" + n, (long)alert.Ordinal));
                parameters.Add(("@query_id" + n, alert.QueryId));
                parameters.Add(("@query_hash" + n, alert.QueryHash));
                parameters.Add(("@query_json" + n, alert.QueryJson));
                parameters.Add(("@entity_id" + n, alert.EntityId));
                parameters.Add(("@source" + n, alert.Source));
                parameters.Add(("@source_id" + n, alert.SourceId));
                parameters.Add(("@score" + n, alert.Score));
                parameters.Add(("@decision" + n, alert.DecisionJson));
                parameters.Add(("@corpus" + n, alert.CorpusVersion));
                parameters.Add(("@provenance" + n, alert.ProvenanceJson));
            }

            await Db.ExecuteAsync(connection, transaction, sql.ToString(), cancellationToken, [.. parameters]).ConfigureAwait(false);
        }

        return created;
    }

    private async Task<List<Alert>> ReadAlertsAsync(
        DbConnection connection, DbTransaction? transaction, string tail, CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        var alerts = new List<Alert>();
        var command = Db.Command(connection, transaction, "SELECT " + AlertSelectColumns + " FROM alerts" + tail, parameters);
        await using (command.ConfigureAwait(false))
        {
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    alerts.Add(new Alert(
                        reader.GetString(0),
                        reader.GetString(1),
                        Db.NullableString(reader, 2),
                        (int)reader.GetInt64(3),
                        reader.GetString(4),
                        reader.GetString(5),
                        reader.GetString(6),
                        reader.GetString(7),
                        reader.GetString(8),
                        reader.GetString(9),
                        reader.GetDouble(10),
                        reader.GetString(11),
                        reader.GetString(12),
                        reader.GetString(13),
                        StorageCodes.ParseStatus(reader.GetString(14)),
                        dialect.ReadTime(reader, 15),
                        dialect.ReadTime(reader, 16)));
                }
            }
        }

        return alerts;
    }

    private static void Validate(NewAlert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        Require(alert.QueryId, nameof(alert.QueryId));
        Require(alert.QueryHash, nameof(alert.QueryHash));
        Require(alert.EntityId, nameof(alert.EntityId));
        Require(alert.Source, nameof(alert.Source));
        Require(alert.SourceId, nameof(alert.SourceId));
        Require(alert.CorpusVersion, nameof(alert.CorpusVersion));
        ArgumentNullException.ThrowIfNull(alert.QueryJson);
        ArgumentNullException.ThrowIfNull(alert.DecisionJson);
        ArgumentNullException.ThrowIfNull(alert.ProvenanceJson);
        if (!double.IsFinite(alert.Score) || alert.Score is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(alert), "Score must be in [0, 1].");
        }
    }
}
