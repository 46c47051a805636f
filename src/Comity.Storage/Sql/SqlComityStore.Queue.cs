using System.Data.Common;
using System.Globalization;
using System.Text.Json.Nodes;
using Comity.Storage.Audit;
using Comity.Storage.Monitoring;

namespace Comity.Storage.Sql;

/// <summary>The re-screen work queue, corpus changes, webhooks and their deliveries, named locks and list updates.</summary>
internal sealed partial class SqlComityStore
{
    private const string JobColumns = "id, portfolio, shard, kind, plan, to_version, status, attempts, lease_owner, lease_until, created_at, started_at, finished_at, error, result_json";

    private const string DeliveryColumns = "id, webhook_id, event_seq, status, attempts, next_attempt_at, last_status, last_error, delivered_at, created_at";

    private const string WebhookColumns = "id, portfolio, url, secret, max_attempts, created_at, removed_at";

    public Task<CorpusChange?> GetCorpusChangeAsync(string fromVersion, string toVersion, CancellationToken cancellationToken = default)
    {
        Require(fromVersion, nameof(fromVersion));
        Require(toVersion, nameof(toVersion));
        return ReadAsync(connection => ReadChangeAsync(connection, null, fromVersion, toVersion, cancellationToken), cancellationToken);
    }

    private async Task<CorpusChange?> ReadChangeAsync(DbConnection connection, DbTransaction? transaction, string from, string to, CancellationToken cancellationToken)
    {
        var command = Db.Command(connection, transaction, "SELECT id, from_version, to_version, delta_json, created_at FROM corpus_changes WHERE from_version = @f AND to_version = @t", ("@f", from), ("@t", to));
        await using (command.ConfigureAwait(false))
        {
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
                    ? new CorpusChange(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), dialect.ReadTime(reader, 4))
                    : null;
            }
        }
    }

    public Task<CorpusChange> RecordCorpusChangeAsync(string fromVersion, string toVersion, string deltaJson, CancellationToken cancellationToken = default)
    {
        Require(fromVersion, nameof(fromVersion));
        Require(toVersion, nameof(toVersion));
        Require(deltaJson, nameof(deltaJson));
        return WriteAsync(
            async (connection, transaction) =>
            {
                var at = Now();
                await Db.ExecuteAsync(
                    connection,
                    transaction,
                    "INSERT INTO corpus_changes (id, from_version, to_version, delta_json, created_at) VALUES (@id, @f, @t, @j, @at) ON CONFLICT (from_version, to_version) DO NOTHING",
                    cancellationToken,
                    ("@id", NewId(at)),
                    ("@f", fromVersion),
                    ("@t", toVersion),
                    ("@j", deltaJson),
                    ("@at", dialect.ToDb(at))).ConfigureAwait(false);
                return ((await ReadChangeAsync(connection, transaction, fromVersion, toVersion, cancellationToken).ConfigureAwait(false))!, true);
            },
            cancellationToken);
    }

    public Task<int> EnqueueJobsAsync(IReadOnlyList<NewMonitorJob> jobs, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        Require(actor, nameof(actor));
        if (jobs.Count == 0)
        {
            return Task.FromResult(0);
        }

        return WriteAsync(
            async (connection, transaction) =>
            {
                var at = Now();
                var added = 0;
                foreach (var j in jobs)
                {
                    added += await Db.ExecuteAsync(
                        connection,
                        transaction,
                        "INSERT INTO jobs (id, portfolio, shard, kind, plan, to_version, status, attempts, created_at) VALUES (@id, @p, @s, @k, @plan, @v, 'queued', 0, @at) "
                        + "ON CONFLICT (portfolio, shard, to_version, plan) DO NOTHING",
                        cancellationToken,
                        ("@id", j.Id),
                        ("@p", j.Portfolio),
                        ("@s", (long)j.Shard),
                        ("@k", Code(j.Kind)),
                        ("@plan", j.Plan),
                        ("@v", j.ToVersion),
                        ("@at", dialect.ToDb(at))).ConfigureAwait(false);
                }

                if (added > 0)
                {
                    var payload = new JsonObject { ["jobs"] = added, ["to_version"] = jobs[0].ToVersion, ["plan"] = jobs[0].Plan };
                    await AppendCoreAsync(connection, transaction, new AuditEntry(actor, "jobs.enqueued", jobs[0].Portfolio, payload.ToJsonString()), cancellationToken).ConfigureAwait(false);
                }

                return (added, added > 0);
            },
            cancellationToken);
    }

    public Task<MonitorJob?> TakeJobAsync(string owner, TimeSpan lease, IReadOnlyCollection<string> versions, CancellationToken cancellationToken = default)
    {
        Require(owner, nameof(owner));
        ArgumentNullException.ThrowIfNull(versions);
        if (versions.Count == 0)
        {
            return Task.FromResult<MonitorJob?>(null);
        }

        return TakeJobCoreAsync(owner, lease, versions, cancellationToken);
    }

    private async Task<MonitorJob?> TakeJobCoreAsync(string owner, TimeSpan lease, IReadOnlyCollection<string> versions, CancellationToken cancellationToken)
    {
        // A read first: an idle queue never takes the write lock.
        var waiting = await ReadAsync(
            connection =>
            {
                var parameters = new List<(string, object?)> { ("@now", dialect.ToDb(Now())) };
                var list = In("@v", versions, parameters);
                return Db.ScalarLongAsync(connection, null, "SELECT COUNT(*) FROM jobs WHERE to_version IN (" + list + ") AND (status = 'queued' OR (status = 'running' AND lease_until < @now))", cancellationToken, [.. parameters]);
            },
            cancellationToken).ConfigureAwait(false);
        if (waiting == 0)
        {
            return null;
        }

        return await WriteAsync(
            async (connection, transaction) =>
            {
                var at = Now();
                var parameters = new List<(string, object?)> { ("@now", dialect.ToDb(at)) };
                var list = In("@v", versions, parameters);
                var id = await Db.Command(
                    connection,
                    transaction,
                    "SELECT id FROM jobs WHERE to_version IN (" + list + ") AND (status = 'queued' OR (status = 'running' AND lease_until < @now)) ORDER BY created_at, id LIMIT 1" + dialect.SkipLocked,
                    [.. parameters]).ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
                if (id is null)
                {
                    return ((MonitorJob?)null, false);
                }

                await Db.ExecuteAsync(
                    connection,
                    transaction,
                    "UPDATE jobs SET status = 'running', lease_owner = @owner, lease_until = @until, attempts = attempts + 1, started_at = COALESCE(started_at, @now) WHERE id = @id",
                    cancellationToken,
                    ("@owner", owner),
                    ("@until", dialect.ToDb(at + lease)),
                    ("@now", dialect.ToDb(at)),
                    ("@id", id)).ConfigureAwait(false);
                var jobs = await ReadJobsAsync(connection, transaction, " WHERE id = @id", [("@id", id)], cancellationToken).ConfigureAwait(false);
                return ((MonitorJob?)jobs[0], true);
            },
            cancellationToken).ConfigureAwait(false);
    }

    public Task<bool> RenewJobLeaseAsync(string jobId, string owner, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        Require(jobId, nameof(jobId));
        Require(owner, nameof(owner));
        return WriteAsync(
            async (connection, transaction) =>
            {
                var at = Now();
                var n = await Db.ExecuteAsync(
                    connection,
                    transaction,
                    "UPDATE jobs SET lease_until = @until WHERE id = @id AND lease_owner = @owner AND status = 'running' AND lease_until > @now",
                    cancellationToken,
                    ("@until", dialect.ToDb(at + lease)),
                    ("@id", jobId),
                    ("@owner", owner),
                    ("@now", dialect.ToDb(at))).ConfigureAwait(false);
                return (n == 1, n == 1);
            },
            cancellationToken);
    }

    public Task FailJobAsync(string jobId, string owner, string error, int maxAttempts, CancellationToken cancellationToken = default)
    {
        Require(jobId, nameof(jobId));
        Require(owner, nameof(owner));
        ArgumentNullException.ThrowIfNull(error);
        return WriteAsync(
            async (connection, transaction) =>
            {
                var at = Now();
                var n = await Db.ExecuteAsync(
                    connection,
                    transaction,
                    "UPDATE jobs SET status = CASE WHEN attempts >= @max THEN 'failed' ELSE 'queued' END, lease_owner = NULL, lease_until = NULL, error = @error, "
                    + "finished_at = CASE WHEN attempts >= @max THEN @at ELSE NULL END WHERE id = @id AND lease_owner = @owner",
                    cancellationToken,
                    ("@max", (long)maxAttempts),
                    ("@error", error),
                    ("@at", dialect.ToDb(at)),
                    ("@id", jobId),
                    ("@owner", owner)).ConfigureAwait(false);
                if (n == 1)
                {
                    var payload = new JsonObject { ["owner"] = owner, ["error"] = error };
                    await AppendCoreAsync(connection, transaction, new AuditEntry(owner, "job.failed", jobId, payload.ToJsonString()), cancellationToken).ConfigureAwait(false);
                }

                return (n, n == 1);
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<MonitorJob>> ListJobsAsync(JobStatus? status, string? portfolio, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var where = " WHERE 1 = 1";
        var parameters = new List<(string, object?)> { ("@limit", (long)limit) };
        if (status is { } s)
        {
            where += " AND status = @status";
            parameters.Add(("@status", Code(s)));
        }

        if (portfolio is not null)
        {
            where += " AND portfolio = @p";
            parameters.Add(("@p", portfolio));
        }

        return ReadAsync<IReadOnlyList<MonitorJob>>(
            async connection => await ReadJobsAsync(connection, null, where + " ORDER BY created_at, id LIMIT @limit", parameters, cancellationToken).ConfigureAwait(false),
            cancellationToken);
    }

    private async Task<List<MonitorJob>> ReadJobsAsync(DbConnection connection, DbTransaction? transaction, string tail, List<(string, object?)> parameters, CancellationToken cancellationToken)
    {
        var list = new List<MonitorJob>();
        var command = Db.Command(connection, transaction, "SELECT " + JobColumns + " FROM jobs" + tail, [.. parameters]);
        await using (command.ConfigureAwait(false))
        {
            var r = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (r.ConfigureAwait(false))
            {
                while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    list.Add(DamagedRowGuard.Read(r, "jobs", r => new MonitorJob(
                        r.GetString(0), r.GetString(1), (int)r.GetInt64(2), r.GetString(3) == "full" ? JobKind.Full : JobKind.Delta, r.GetString(4), r.GetString(5),
                        ParseJobStatus(r.GetString(6)), (int)r.GetInt64(7), Db.NullableString(r, 8), Time(r, 9), dialect.ReadTime(r, 10), Time(r, 11), Time(r, 12),
                        Db.NullableString(r, 13), Db.NullableString(r, 14))));
                }
            }
        }

        return list;
    }

    private DateTimeOffset? Time(DbDataReader r, int i) => r.IsDBNull(i) ? null : dialect.ReadTime(r, i);

    private static string Code(JobKind kind) => kind == JobKind.Full ? "full" : "delta";

    private static string Code(JobStatus status) => status switch
    {
        JobStatus.Queued => "queued",
        JobStatus.Running => "running",
        JobStatus.Done => "done",
        _ => "failed",
    };

    private static JobStatus ParseJobStatus(string code) => code switch
    {
        "queued" => JobStatus.Queued,
        "running" => JobStatus.Running,
        "done" => JobStatus.Done,
        "failed" => JobStatus.Failed,
        _ => throw new StoreException($"Unknown job status '{code}' in the database."),
    };

    public Task<Webhook> AddWebhookAsync(string portfolio, string url, string secret, int maxAttempts, string actor, CancellationToken cancellationToken = default)
    {
        Require(portfolio, nameof(portfolio));
        Require(url, nameof(url));
        Require(secret, nameof(secret));
        Require(actor, nameof(actor));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxAttempts);
        return WriteAsync(
            async (connection, transaction) =>
            {
                if (await ReadPortfolioAsync(connection, transaction, portfolio, cancellationToken).ConfigureAwait(false) is null)
                {
                    throw new StoreException($"Portfolio '{portfolio}' does not exist.");
                }

                var at = Now();
                var hook = new Webhook("wh-" + NewId(at), portfolio, url, secret, maxAttempts, at, null);
                await Db.ExecuteAsync(
                    connection,
                    transaction,
                    "INSERT INTO webhooks (" + WebhookColumns + ") VALUES (@id, @p, @url, @secret, @max, @at, NULL)",
                    cancellationToken,
                    ("@id", hook.Id),
                    ("@p", portfolio),
                    ("@url", url),
                    ("@secret", secret),
                    ("@max", (long)maxAttempts),
                    ("@at", dialect.ToDb(at))).ConfigureAwait(false);
                var payload = new JsonObject { ["webhook_id"] = hook.Id, ["url"] = url, ["max_attempts"] = maxAttempts };
                await AppendCoreAsync(connection, transaction, new AuditEntry(actor, "webhook.added", portfolio, payload.ToJsonString()), cancellationToken).ConfigureAwait(false);
                return (hook, true);
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<Webhook>> ListWebhooksAsync(string portfolio, CancellationToken cancellationToken = default)
    {
        Require(portfolio, nameof(portfolio));
        return ReadAsync<IReadOnlyList<Webhook>>(
            async connection =>
            {
                var hooks = new List<Webhook>();
                var command = Db.Command(connection, null, "SELECT " + WebhookColumns + " FROM webhooks WHERE portfolio = @p ORDER BY created_at, id", ("@p", portfolio));
                await using (command.ConfigureAwait(false))
                {
                    var r = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    await using (r.ConfigureAwait(false))
                    {
                        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
                        {
                            hooks.Add(ReadWebhook(r, 0));
                        }
                    }
                }

                for (var i = 0; i < hooks.Count; i++)
                {
                    var counts = new Dictionary<string, long>(StringComparer.Ordinal) { ["pending"] = 0, ["delivered"] = 0, ["dead"] = 0 };
                    var c = Db.Command(connection, null, "SELECT status, COUNT(*) FROM webhook_deliveries WHERE webhook_id = @id GROUP BY status", ("@id", hooks[i].Id));
                    await using (c.ConfigureAwait(false))
                    {
                        var r = await c.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                        await using (r.ConfigureAwait(false))
                        {
                            while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
                            {
                                counts[r.GetString(0)] = r.GetInt64(1);
                            }
                        }
                    }

                    hooks[i] = hooks[i] with { Deliveries = counts };
                }

                return hooks;
            },
            cancellationToken);
    }

    private Webhook ReadWebhook(DbDataReader r, int o) => DamagedRowGuard.Read(r, "webhooks", r =>
        new Webhook(r.GetString(o), r.GetString(o + 1), r.GetString(o + 2), r.GetString(o + 3), (int)r.GetInt64(o + 4), dialect.ReadTime(r, o + 5), Time(r, o + 6)), o);

    public Task<bool> RemoveWebhookAsync(string portfolio, string webhookId, string actor, CancellationToken cancellationToken = default)
    {
        Require(portfolio, nameof(portfolio));
        Require(webhookId, nameof(webhookId));
        Require(actor, nameof(actor));
        return WriteAsync(
            async (connection, transaction) =>
            {
                var n = await Db.ExecuteAsync(
                    connection,
                    transaction,
                    "UPDATE webhooks SET removed_at = @at WHERE id = @id AND portfolio = @p AND removed_at IS NULL",
                    cancellationToken,
                    ("@at", dialect.ToDb(Now())),
                    ("@id", webhookId),
                    ("@p", portfolio)).ConfigureAwait(false);
                if (n == 1)
                {
                    var payload = new JsonObject { ["webhook_id"] = webhookId };
                    await AppendCoreAsync(connection, transaction, new AuditEntry(actor, "webhook.removed", portfolio, payload.ToJsonString()), cancellationToken).ConfigureAwait(false);
                }

                return (n == 1, n == 1);
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<WebhookDelivery>> ListDeliveriesAsync(string webhookId, DeliveryStatus? status, int limit, CancellationToken cancellationToken = default)
    {
        Require(webhookId, nameof(webhookId));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var parameters = new List<(string, object?)> { ("@id", webhookId), ("@limit", (long)limit) };
        var where = " WHERE webhook_id = @id";
        if (status is { } s)
        {
            where += " AND status = @status";
            parameters.Add(("@status", Code(s)));
        }

        return ReadAsync<IReadOnlyList<WebhookDelivery>>(
            async connection =>
            {
                var list = new List<WebhookDelivery>();
                var command = Db.Command(connection, null, "SELECT " + DeliveryColumns + " FROM webhook_deliveries" + where + " ORDER BY id LIMIT @limit", [.. parameters]);
                await using (command.ConfigureAwait(false))
                {
                    var r = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    await using (r.ConfigureAwait(false))
                    {
                        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
                        {
                            list.Add(ReadDelivery(r, 0));
                        }
                    }
                }

                return list;
            },
            cancellationToken);
    }

    private WebhookDelivery ReadDelivery(DbDataReader r, int o) => DamagedRowGuard.Read(r, "webhook_deliveries", r =>
        new WebhookDelivery(r.GetInt64(o), r.GetString(o + 1), r.GetInt64(o + 2), ParseDelivery(r.GetString(o + 3)), (int)r.GetInt64(o + 4), dialect.ReadTime(r, o + 5),
            r.IsDBNull(o + 6) ? null : (int)r.GetInt64(o + 6), Db.NullableString(r, o + 7), Time(r, o + 8), dialect.ReadTime(r, o + 9)), o);

    private static string Code(DeliveryStatus s) => s switch
    {
        DeliveryStatus.Pending => "pending",
        DeliveryStatus.Delivered => "delivered",
        _ => "dead",
    };

    private static DeliveryStatus ParseDelivery(string code) => code switch
    {
        "pending" => DeliveryStatus.Pending,
        "delivered" => DeliveryStatus.Delivered,
        "dead" => DeliveryStatus.Dead,
        _ => throw new StoreException($"Unknown delivery status '{code}' in the database."),
    };

    public Task<IReadOnlyList<DueDelivery>> TakeDueDeliveriesAsync(string owner, TimeSpan lease, int limit, CancellationToken cancellationToken = default)
    {
        Require(owner, nameof(owner));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return TakeDueCoreAsync(owner, lease, limit, cancellationToken);
    }

    private async Task<IReadOnlyList<DueDelivery>> TakeDueCoreAsync(string owner, TimeSpan lease, int limit, CancellationToken cancellationToken)
    {
        // A read first: with nothing due, no write lock is taken.
        var due = await ReadAsync(
            connection => Db.ScalarLongAsync(connection, null, "SELECT COUNT(*) FROM webhook_deliveries WHERE status = 'pending' AND next_attempt_at <= @now", cancellationToken, ("@now", dialect.ToDb(Now()))),
            cancellationToken).ConfigureAwait(false);
        if (due == 0)
        {
            return [];
        }

        return await WriteAsync(
            async (connection, transaction) =>
            {
                var at = Now();
                var ids = new List<long>();
                var select = Db.Command(
                    connection,
                    transaction,
                    "SELECT id FROM webhook_deliveries WHERE status = 'pending' AND next_attempt_at <= @now AND (lease_until IS NULL OR lease_until < @now) "
                    + "AND webhook_id IN (SELECT id FROM webhooks WHERE removed_at IS NULL) ORDER BY id LIMIT @limit" + dialect.SkipLocked,
                    ("@now", dialect.ToDb(at)),
                    ("@limit", (long)limit));
                await using (select.ConfigureAwait(false))
                {
                    var r = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    await using (r.ConfigureAwait(false))
                    {
                        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
                        {
                            ids.Add(r.GetInt64(0));
                        }
                    }
                }

                var due = new List<DueDelivery>(ids.Count);
                foreach (var id in ids)
                {
                    await Db.ExecuteAsync(
                        connection,
                        transaction,
                        "UPDATE webhook_deliveries SET lease_owner = @owner, lease_until = @until WHERE id = @id",
                        cancellationToken,
                        ("@owner", owner),
                        ("@until", dialect.ToDb(at + lease)),
                        ("@id", id)).ConfigureAwait(false);
                    var command = Db.Command(
                        connection,
                        transaction,
                        "SELECT d.id, d.webhook_id, d.event_seq, d.status, d.attempts, d.next_attempt_at, d.last_status, d.last_error, d.delivered_at, d.created_at, "
                        + "w.id, w.portfolio, w.url, w.secret, w.max_attempts, w.created_at, w.removed_at, "
                        + "e.seq, e.id, e.portfolio, e.type, e.subject_id, e.alert_id, e.payload_json, e.created_at "
                        + "FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id JOIN events e ON e.seq = d.event_seq WHERE d.id = @id",
                        ("@id", id));
                    await using (command.ConfigureAwait(false))
                    {
                        var r = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                        await using (r.ConfigureAwait(false))
                        {
                            if (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
                            {
                                due.Add(new DueDelivery(ReadDelivery(r, 0), ReadWebhook(r, 10), ReadEvent(r, 17)));
                            }
                        }
                    }
                }

                return ((IReadOnlyList<DueDelivery>)due, ids.Count > 0);
            },
            cancellationToken).ConfigureAwait(false);
    }

    public Task<bool> RecordDeliveryAttemptAsync(long deliveryId, string owner, DeliveryAttempt attempt, CancellationToken cancellationToken = default)
    {
        Require(owner, nameof(owner));
        ArgumentNullException.ThrowIfNull(attempt);
        return WriteAsync(
            async (connection, transaction) =>
            {
                var at = Now();
                var command = Db.Command(
                    connection,
                    transaction,
                    "SELECT d.attempts, w.max_attempts, d.webhook_id, d.event_seq FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id "
                    + "WHERE d.id = @id AND d.lease_owner = @owner AND d.status = 'pending'" + dialect.ForUpdate,
                    ("@id", deliveryId),
                    ("@owner", owner));
                (long Attempts, long Max, string Hook, long Event)? row = null;
                await using (command.ConfigureAwait(false))
                {
                    var r = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    await using (r.ConfigureAwait(false))
                    {
                        if (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
                        {
                            row = (r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.GetInt64(3));
                        }
                    }
                }

                if (row is not { } d)
                {
                    return (false, false);
                }

                var attempts = d.Attempts + 1;
                var status = attempt.Delivered ? "delivered" : attempts >= d.Max ? "dead" : "pending";
                await Db.ExecuteAsync(
                    connection,
                    transaction,
                    "UPDATE webhook_deliveries SET status = @status, attempts = @attempts, next_attempt_at = @next, last_status = @http, last_error = @error, "
                    + "delivered_at = @delivered, lease_owner = NULL, lease_until = NULL WHERE id = @id",
                    cancellationToken,
                    ("@status", status),
                    ("@attempts", attempts),
                    ("@next", dialect.ToDb(attempt.Delivered || status == "dead" ? at : attempt.RetryAt)),
                    ("@http", attempt.HttpStatus is { } h ? (long)h : null),
                    ("@error", attempt.Error),
                    ("@delivered", attempt.Delivered ? dialect.ToDb(at) : null),
                    ("@id", deliveryId)).ConfigureAwait(false);
                if (status == "dead")
                {
                    var payload = new JsonObject { ["delivery_id"] = deliveryId, ["event_seq"] = d.Event, ["attempts"] = attempts, ["last_status"] = attempt.HttpStatus, ["last_error"] = attempt.Error };
                    await AppendCoreAsync(connection, transaction, new AuditEntry("system", "webhook.dead_letter", d.Hook, payload.ToJsonString()), cancellationToken).ConfigureAwait(false);
                }

                return (true, true);
            },
            cancellationToken);
    }

    public Task<IAsyncDisposable?> TryLockAsync(string name, CancellationToken cancellationToken = default)
    {
        Require(name, nameof(name));
        return dialect.TryAdvisoryLockAsync(name, cancellationToken);
    }

    public Task<ListUpdateRecord?> LastListUpdateAsync(CancellationToken cancellationToken = default) =>
        ReadAsync(
            async connection =>
            {
                var command = Db.Command(connection, null, "SELECT id, node, started_at, finished_at, outcome, report_json FROM list_updates ORDER BY id DESC LIMIT 1");
                await using (command.ConfigureAwait(false))
                {
                    var r = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    await using (r.ConfigureAwait(false))
                    {
                        return await r.ReadAsync(cancellationToken).ConfigureAwait(false)
                            ? new ListUpdateRecord(r.GetInt64(0), r.GetString(1), dialect.ReadTime(r, 2), dialect.ReadTime(r, 3), r.GetString(4), r.GetString(5))
                            : null;
                    }
                }
            },
            cancellationToken);

    public Task<ListUpdateRecord> RecordListUpdateAsync(string node, DateTimeOffset startedAt, string outcome, string reportJson, CancellationToken cancellationToken = default)
    {
        Require(node, nameof(node));
        Require(outcome, nameof(outcome));
        Require(reportJson, nameof(reportJson));
        return WriteAsync(
            async (connection, transaction) =>
            {
                var at = Now();
                var started = Audit.AuditChain.Truncate(startedAt);
                var id = await Db.ScalarLongAsync(
                    connection,
                    transaction,
                    "INSERT INTO list_updates (node, started_at, finished_at, outcome, report_json) VALUES (@node, @started, @at, @outcome, @report) RETURNING id",
                    cancellationToken,
                    ("@node", node),
                    ("@started", dialect.ToDb(started)),
                    ("@at", dialect.ToDb(at)),
                    ("@outcome", outcome),
                    ("@report", reportJson)).ConfigureAwait(false);
                var payload = new JsonObject { ["outcome"] = outcome, ["report"] = JsonNode.Parse(reportJson) };
                await AppendCoreAsync(connection, transaction, new AuditEntry(node, "lists.updated", id.ToString(CultureInfo.InvariantCulture), payload.ToJsonString()), cancellationToken).ConfigureAwait(false);
                return (new ListUpdateRecord(id, node, started, at, outcome, reportJson), true);
            },
            cancellationToken);
    }
}
