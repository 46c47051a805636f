using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Comity.Storage.Alerts;
using Comity.Storage.Audit;
using Comity.Storage.Monitoring;

namespace Comity.Storage.Sql;

/// <summary>Portfolios, subjects, monitoring alerts and the one transactional write of a monitoring step.</summary>
internal sealed partial class SqlComityStore : IMonitorStore
{
    private const string SubjectColumns =
        "portfolio, subject_id, seq, query_json, facts_json, state_json, has_match, nearest, version_override, added_at, updated_at";

    private const string PortfolioColumns =
        "name, profile_json, threshold, shard_size, revision, created_at, updated_at, (SELECT COUNT(*) FROM portfolio_subjects s WHERE s.portfolio = portfolios.name)";

    /// <summary>Values per IN (...) list: far below either database's parameter limit.</summary>
    private const int InChunk = 500;

    public IMonitorStore Monitoring => this;

    public Task<Portfolio> EnsurePortfolioAsync(NewPortfolio portfolio, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(portfolio);
        Require(portfolio.Name, nameof(portfolio.Name));
        Require(portfolio.ProfileJson, nameof(portfolio.ProfileJson));
        Require(actor, nameof(actor));
        if (!double.IsFinite(portfolio.Threshold) || portfolio.Threshold is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(portfolio), "Threshold must be in [0, 1].");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(portfolio.ShardSize);
        return WriteAsync(
            async (connection, transaction) =>
            {
                var existing = await ReadPortfolioAsync(connection, transaction, portfolio.Name, cancellationToken).ConfigureAwait(false);
                if (existing is not null)
                {
                    if (!string.Equals(existing.ProfileJson, portfolio.ProfileJson, StringComparison.Ordinal))
                    {
                        throw new StoreException($"Portfolio '{portfolio.Name}' exists with another screener profile ({existing.ProfileJson}); a portfolio keeps the profile it was created with.");
                    }

                    if (existing.Threshold != portfolio.Threshold)
                    {
                        throw new StoreException(string.Create(CultureInfo.InvariantCulture, $"Portfolio '{portfolio.Name}' exists with threshold {existing.Threshold}; a portfolio keeps the threshold it was created with."));
                    }

                    if (existing.ShardSize != portfolio.ShardSize)
                    {
                        throw new StoreException(string.Create(CultureInfo.InvariantCulture, $"Portfolio '{portfolio.Name}' exists with shard size {existing.ShardSize}."));
                    }

                    return (existing, false);
                }

                var at = Now();
                await Db.ExecuteAsync(
                    connection,
                    transaction,
                    "INSERT INTO portfolios (name, profile_json, threshold, shard_size, next_seq, revision, created_at, updated_at) VALUES (@name, @profile, @threshold, @shard, 0, 0, @at, @at)",
                    cancellationToken,
                    ("@name", portfolio.Name),
                    ("@profile", portfolio.ProfileJson),
                    ("@threshold", portfolio.Threshold),
                    ("@shard", (long)portfolio.ShardSize),
                    ("@at", dialect.ToDb(at))).ConfigureAwait(false);
                var payload = new JsonObject { ["profile"] = portfolio.ProfileJson, ["threshold"] = portfolio.Threshold, ["shard_size"] = portfolio.ShardSize };
                await AppendCoreAsync(connection, transaction, new AuditEntry(actor, "portfolio.created", portfolio.Name, payload.ToJsonString()), cancellationToken).ConfigureAwait(false);
                return (new Portfolio(portfolio.Name, portfolio.ProfileJson, portfolio.Threshold, portfolio.ShardSize, 0, 0, at, at), true);
            },
            cancellationToken);
    }

    public Task<Portfolio?> GetPortfolioAsync(string name, CancellationToken cancellationToken = default)
    {
        Require(name, nameof(name));
        return ReadAsync(connection => ReadPortfolioAsync(connection, null, name, cancellationToken), cancellationToken);
    }

    public Task<IReadOnlyList<Portfolio>> ListPortfoliosAsync(CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<Portfolio>>(
            async connection =>
            {
                var list = new List<Portfolio>();
                var command = Db.Command(connection, null, "SELECT " + PortfolioColumns + " FROM portfolios ORDER BY name");
                await using (command.ConfigureAwait(false))
                {
                    var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    await using (reader.ConfigureAwait(false))
                    {
                        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                        {
                            list.Add(ReadPortfolio(reader));
                        }
                    }
                }

                return list;
            },
            cancellationToken);

    private async Task<Portfolio?> ReadPortfolioAsync(DbConnection connection, DbTransaction? transaction, string name, CancellationToken cancellationToken)
    {
        var command = Db.Command(connection, transaction, "SELECT " + PortfolioColumns + " FROM portfolios WHERE name = @name", ("@name", name));
        await using (command.ConfigureAwait(false))
        {
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadPortfolio(reader) : null;
            }
        }
    }

    private Portfolio ReadPortfolio(DbDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetDouble(2), (int)r.GetInt64(3), r.GetInt64(7), r.GetInt64(4), dialect.ReadTime(r, 5), dialect.ReadTime(r, 6));

    public Task<IReadOnlyList<PortfolioShard>> GetShardsAsync(string portfolio, CancellationToken cancellationToken = default)
    {
        Require(portfolio, nameof(portfolio));
        return ReadAsync<IReadOnlyList<PortfolioShard>>(async connection => await ReadShardsAsync(connection, null, portfolio, false, cancellationToken).ConfigureAwait(false), cancellationToken);
    }

    private async Task<List<PortfolioShard>> ReadShardsAsync(DbConnection connection, DbTransaction? transaction, string portfolio, bool lockRows, CancellationToken cancellationToken)
    {
        var list = new List<PortfolioShard>();
        var command = Db.Command(
            connection,
            transaction,
            "SELECT portfolio, shard, corpus_version, decided_on, revision FROM portfolio_shards WHERE portfolio = @p ORDER BY shard" + (lockRows ? dialect.ForUpdate : string.Empty),
            ("@p", portfolio));
        await using (command.ConfigureAwait(false))
        {
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    list.Add(new PortfolioShard(reader.GetString(0), (int)reader.GetInt64(1), reader.GetString(2), reader.GetString(3)) { Revision = reader.GetInt64(4) });
                }
            }
        }

        return list;
    }

    public Task<IReadOnlyList<StoredSubject>> GetSubjectsAsync(string portfolio, IReadOnlyCollection<string> subjectIds, CancellationToken cancellationToken = default)
    {
        Require(portfolio, nameof(portfolio));
        ArgumentNullException.ThrowIfNull(subjectIds);
        return ReadAsync<IReadOnlyList<StoredSubject>>(
            async connection =>
            {
                var list = new List<StoredSubject>();
                foreach (var chunk in subjectIds.Distinct(StringComparer.Ordinal).Chunk(InChunk))
                {
                    var parameters = new List<(string, object?)> { ("@p", portfolio) };
                    var sql = "SELECT " + SubjectColumns + " FROM portfolio_subjects WHERE portfolio = @p AND subject_id IN (" + In("@s", chunk, parameters) + ")";
                    list.AddRange(await ReadSubjectsAsync(connection, null, sql, parameters, cancellationToken).ConfigureAwait(false));
                }

                list.Sort((a, b) => a.Seq.CompareTo(b.Seq));
                return list;
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<StoredSubject>> ListSubjectsAsync(string portfolio, long fromSeq, long toSeq, SubjectSelection selection, CancellationToken cancellationToken = default)
    {
        Require(portfolio, nameof(portfolio));
        var filter = selection switch
        {
            SubjectSelection.WithMatch => " AND has_match = 1",
            SubjectSelection.Overridden => " AND version_override IS NOT NULL",
            _ => string.Empty,
        };
        return ReadAsync<IReadOnlyList<StoredSubject>>(
            async connection => await ReadSubjectsAsync(
                connection,
                null,
                "SELECT " + SubjectColumns + " FROM portfolio_subjects WHERE portfolio = @p AND seq >= @from AND seq < @to" + filter + " ORDER BY seq",
                [("@p", portfolio), ("@from", fromSeq), ("@to", toSeq)],
                cancellationToken).ConfigureAwait(false),
            cancellationToken);
    }

    public Task<IReadOnlyList<string>> ListNearAsync(string portfolio, long fromSeq, long toSeq, double within, CancellationToken cancellationToken = default)
    {
        Require(portfolio, nameof(portfolio));
        return ReadAsync<IReadOnlyList<string>>(
            async connection => await Db.StringsAsync(
                connection,
                null,
                "SELECT subject_id FROM portfolio_subjects WHERE portfolio = @p AND nearest IS NOT NULL AND nearest < @within AND seq >= @from AND seq < @to ORDER BY seq",
                cancellationToken,
                ("@p", portfolio),
                ("@within", within),
                ("@from", fromSeq),
                ("@to", toSeq)).ConfigureAwait(false),
            cancellationToken);
    }

    public Task<IReadOnlyList<string>> ListKeptAsync(string portfolio, long fromSeq, long toSeq, CancellationToken cancellationToken = default)
    {
        Require(portfolio, nameof(portfolio));

        // portfolio_subjects_kept: the kept subjects of this seq range only.
        return ReadAsync<IReadOnlyList<string>>(
            async connection => await Db.StringsAsync(
                connection,
                null,
                "SELECT subject_id FROM portfolio_subjects WHERE portfolio = @p AND seq >= @from AND seq < @to AND nearest IS NOT NULL ORDER BY seq",
                cancellationToken,
                ("@p", portfolio),
                ("@from", fromSeq),
                ("@to", toSeq)).ConfigureAwait(false),
            cancellationToken);
    }

    public Task<IReadOnlyList<string>> ListClearedAsync(string portfolio, long fromSeq, long toSeq, CancellationToken cancellationToken = default)
    {
        Require(portfolio, nameof(portfolio));
        return ReadAsync<IReadOnlyList<string>>(
            async connection =>
            {
                // From the alerts closed as false positives (alerts_status_created), not from every alert of the portfolio.
                var ids = await Db.StringsAsync(
                    connection,
                    null,
                    "SELECT DISTINCT m.subject_id FROM alerts a CROSS JOIN monitor_alerts m CROSS JOIN portfolio_subjects s "
                    + "WHERE a.status = @fp AND m.alert_id = a.id AND m.portfolio = @p AND m.live = 1 "
                    + "AND s.portfolio = m.portfolio AND s.subject_id = m.subject_id AND s.seq >= @from AND s.seq < @to",
                    cancellationToken,
                    ("@fp", StorageCodes.Code(AlertStatus.ClosedFalsePositive)),
                    ("@p", portfolio),
                    ("@from", fromSeq),
                    ("@to", toSeq)).ConfigureAwait(false);
                ids.Sort(StringComparer.Ordinal);
                return ids;
            },
            cancellationToken);
    }

    public Task<(IReadOnlyList<StoredSubject> Items, long Total)> PageSubjectsAsync(string portfolio, int offset, int limit, CancellationToken cancellationToken = default)
    {
        Require(portfolio, nameof(portfolio));
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return ReadAsync<(IReadOnlyList<StoredSubject>, long)>(
            async connection =>
            {
                var total = await Db.ScalarLongAsync(connection, null, "SELECT COUNT(*) FROM portfolio_subjects WHERE portfolio = @p", cancellationToken, ("@p", portfolio)).ConfigureAwait(false);
                var items = await ReadSubjectsAsync(
                    connection,
                    null,
                    "SELECT " + SubjectColumns + " FROM portfolio_subjects WHERE portfolio = @p ORDER BY seq LIMIT @limit OFFSET @offset",
                    [("@p", portfolio), ("@limit", (long)limit), ("@offset", (long)offset)],
                    cancellationToken).ConfigureAwait(false);
                return (items, total);
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<string>> SubjectsInvolvingAsync(string portfolio, IReadOnlyCollection<string> entityIds, long fromSeq, long toSeq, CancellationToken cancellationToken = default)
    {
        Require(portfolio, nameof(portfolio));
        ArgumentNullException.ThrowIfNull(entityIds);
        return ReadAsync<IReadOnlyList<string>>(
            async connection =>
            {
                var found = new HashSet<string>(StringComparer.Ordinal);
                foreach (var chunk in entityIds.Distinct(StringComparer.Ordinal).Chunk(InChunk))
                {
                    var parameters = new List<(string, object?)> { ("@p", portfolio), ("@from", fromSeq), ("@to", toSeq) };
                    // CROSS JOIN keeps monitor_hits the outer loop in SQLite (its primary key finds the few rows of these
                    // entities); a plain JOIN let the planner walk every subject of the shard's seq range instead, which
                    // made this query grow with the portfolio. PostgreSQL plans both forms alike.
                    var sql = "SELECT DISTINCT h.subject_id FROM monitor_hits h CROSS JOIN portfolio_subjects s "
                        + "WHERE h.portfolio = @p AND h.entity_id IN (" + In("@e", chunk, parameters) + ") "
                        + "AND s.portfolio = h.portfolio AND s.subject_id = h.subject_id AND s.seq >= @from AND s.seq < @to";
                    var command = Db.Command(connection, null, sql, [.. parameters]);
                    await using (command.ConfigureAwait(false))
                    {
                        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                        await using (reader.ConfigureAwait(false))
                        {
                            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                            {
                                found.Add(reader.GetString(0));
                            }
                        }
                    }
                }

                return [.. found.Order(StringComparer.Ordinal)];
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<MonitorPair>> GetPairsAsync(string portfolio, IReadOnlyCollection<string> subjectIds, CancellationToken cancellationToken = default)
    {
        Require(portfolio, nameof(portfolio));
        ArgumentNullException.ThrowIfNull(subjectIds);
        return ReadAsync<IReadOnlyList<MonitorPair>>(
            async connection =>
            {
                var list = new List<MonitorPair>();
                foreach (var chunk in subjectIds.Distinct(StringComparer.Ordinal).Chunk(InChunk))
                {
                    var parameters = new List<(string, object?)> { ("@p", portfolio) };
                    var sql = "SELECT m.alert_id, m.portfolio, m.subject_id, m.entity_id, m.listings, m.subject_facts, m.entity_facts, m.reason, m.detail, m.live, a.status, m.created_at, m.ended_at "
                        + "FROM monitor_alerts m JOIN alerts a ON a.id = m.alert_id WHERE m.portfolio = @p AND m.subject_id IN (" + In("@s", chunk, parameters) + ")";
                    var command = Db.Command(connection, null, sql, [.. parameters]);
                    await using (command.ConfigureAwait(false))
                    {
                        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                        await using (reader.ConfigureAwait(false))
                        {
                            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                            {
                                list.Add(new MonitorPair(
                                    reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5),
                                    reader.GetString(6), reader.GetString(7), Db.NullableString(reader, 8), reader.GetInt64(9) != 0,
                                    StorageCodes.ParseStatus(reader.GetString(10)), dialect.ReadTime(reader, 11), reader.IsDBNull(12) ? null : dialect.ReadTime(reader, 12)));
                            }
                        }
                    }
                }

                list.Sort((a, b) => a.CreatedAt != b.CreatedAt ? a.CreatedAt.CompareTo(b.CreatedAt) : string.CompareOrdinal(a.AlertId, b.AlertId));
                return list;
            },
            cancellationToken);
    }

    public Task<MonitorWriteResult> WriteAsync(MonitorWrite write, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(write);
        Require(write.Portfolio, nameof(write.Portfolio));
        Require(write.Actor, nameof(write.Actor));
        if ((write.RunSubjects.Count > 0 || write.NewAlerts.Count > 0 || write.NewRun is not null || write.FinishRun is not null) && string.IsNullOrEmpty(write.RunId))
        {
            throw new ArgumentException("RunId is required with a run, run subjects or alerts.", nameof(write));
        }

        foreach (var a in write.NewAlerts)
        {
            Validate(a.Alert);
        }

        return WriteAsync(
            async (connection, transaction) =>
            {
                var at = Now();
                if (write.Job is { } job)
                {
                    await CheckLeaseAsync(connection, transaction, job, at, cancellationToken).ConfigureAwait(false);
                }

                if (write.NewRun is { } run)
                {
                    await InsertRunAsync(connection, transaction, write.RunId!, run, cancellationToken).ConfigureAwait(false);
                }

                if (write.RunSubjects.Count > 0)
                {
                    await InsertRunSubjectsAsync(connection, transaction, write.RunId!, write.RunSubjects, cancellationToken).ConfigureAwait(false);
                }

                var added = await WriteSubjectsAsync(connection, transaction, write, at, cancellationToken).ConfigureAwait(false);
                foreach (var end in write.Ends)
                {
                    await Db.ExecuteAsync(connection, transaction, "UPDATE monitor_alerts SET live = 0, ended_at = @at WHERE alert_id = @id AND live = 1", cancellationToken, ("@at", dialect.ToDb(at)), ("@id", end.AlertId)).ConfigureAwait(false);
                    if (end.CloseAlert)
                    {
                        await Db.ExecuteAsync(
                            connection,
                            transaction,
                            "UPDATE alerts SET status = @closed, updated_at = @at WHERE id = @id AND status IN (@open, @pending, @escalated)",
                            cancellationToken,
                            ("@closed", StorageCodes.Code(AlertStatus.ClosedDelisted)),
                            ("@at", dialect.ToDb(at)),
                            ("@id", end.AlertId),
                            ("@open", StorageCodes.Code(AlertStatus.Open)),
                            ("@pending", StorageCodes.Code(AlertStatus.PendingSecondReview)),
                            ("@escalated", StorageCodes.Code(AlertStatus.Escalated))).ConfigureAwait(false);
                    }
                }

                // Ended pairs first: a reopened pair's new alert takes the live slot its cleared predecessor leaves.
                await InsertMonitorAlertsAsync(connection, transaction, write, at, cancellationToken).ConfigureAwait(false);
                foreach (var u in write.Updates)
                {
                    await Db.ExecuteAsync(connection, transaction, "UPDATE monitor_alerts SET listings = @l WHERE alert_id = @id", cancellationToken, ("@l", u.Listings), ("@id", u.AlertId)).ConfigureAwait(false);
                    await Db.ExecuteAsync(connection, transaction, "UPDATE alerts SET decision_json = @d, updated_at = @at WHERE id = @id", cancellationToken, ("@d", u.DecisionJson), ("@at", dialect.ToDb(at)), ("@id", u.AlertId)).ConfigureAwait(false);
                }

                if (write.FinishRun is { } counts)
                {
                    await Db.ExecuteAsync(
                        connection,
                        transaction,
                        "UPDATE runs SET finished_at = @at, queries = @queries, hits = @hits, alerts = @alerts, errors = @errors WHERE id = @id",
                        cancellationToken,
                        ("@at", dialect.ToDb(at)),
                        ("@queries", counts.Queries),
                        ("@hits", counts.Hits),
                        ("@alerts", counts.Alerts),
                        ("@errors", counts.Errors),
                        ("@id", write.RunId)).ConfigureAwait(false);
                }

                if (write.Job is { } done)
                {
                    await Db.ExecuteAsync(
                        connection,
                        transaction,
                        "UPDATE jobs SET status = 'done', finished_at = @at, result_json = @result, lease_owner = NULL, lease_until = NULL, error = NULL WHERE id = @id",
                        cancellationToken,
                        ("@at", dialect.ToDb(at)),
                        ("@result", done.ResultJson),
                        ("@id", done.JobId)).ConfigureAwait(false);
                }

                var payload = new JsonObject
                {
                    ["run_id"] = write.RunId,
                    ["job_id"] = write.Job?.JobId,
                    ["subjects"] = write.Subjects.Count,
                    ["subjects_added"] = added.Count,
                    ["alerts_created"] = new JsonArray([.. write.NewAlerts.Select(a => (JsonNode)a.AlertId)]),
                    ["pairs_ended"] = new JsonArray([.. write.Ends.Select(e => (JsonNode)e.AlertId)]),
                    ["decisions_updated"] = write.Updates.Count,
                    ["events"] = write.Events.Count,
                };
                await AppendCoreAsync(connection, transaction, new AuditEntry(write.Actor, "monitor.written", write.Portfolio, payload.ToJsonString()), cancellationToken).ConfigureAwait(false);

                // Events last: their seq is assigned under the audit chain's lock, so seq order is commit order.
                var seqs = await InsertEventsAsync(connection, transaction, write.Events, at, cancellationToken).ConfigureAwait(false);
                return (new MonitorWriteResult(added, seqs), true);
            },
            cancellationToken);
    }

    private async Task CheckLeaseAsync(DbConnection connection, DbTransaction transaction, JobCompletion job, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var command = Db.Command(connection, transaction, "SELECT status, lease_owner, lease_until FROM jobs WHERE id = @id" + dialect.ForUpdate, ("@id", job.JobId));
        await using (command.ConfigureAwait(false))
        {
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    throw new StoreException($"Job '{job.JobId}' does not exist.");
                }

                var held = reader.GetString(0) == "running" && Db.NullableString(reader, 1) == job.Owner && !reader.IsDBNull(2) && dialect.ReadTime(reader, 2) > at;
                if (!held)
                {
                    throw new LeaseLostException($"Job '{job.JobId}': {job.Owner} no longer holds its lease; its results were not stored (another worker takes the job).");
                }
            }
        }
    }

    /// <summary>Adds new subjects (next seqs, shards created as needed) and updates states; keeps the hit index and
    /// the shards' revisions and versions in step. Returns the seqs of the subjects added.</summary>
    private async Task<Dictionary<string, long>> WriteSubjectsAsync(DbConnection connection, DbTransaction transaction, MonitorWrite write, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var added = new Dictionary<string, long>(StringComparer.Ordinal);
        if (write.Subjects.Count == 0 && write.Shards.Count == 0)
        {
            return added;
        }

        // The shard size only: not the portfolio's subject count, which would count every subject on every write.
        var shardSize = await Db.ScalarLongAsync(connection, transaction, "SELECT COALESCE(MAX(shard_size), 0) FROM portfolios WHERE name = @p", cancellationToken, ("@p", write.Portfolio)).ConfigureAwait(false);
        if (shardSize <= 0)
        {
            throw new StoreException($"Portfolio '{write.Portfolio}' does not exist.");
        }

        var shards = (await ReadShardsAsync(connection, transaction, write.Portfolio, lockRows: true, cancellationToken).ConfigureAwait(false))
            .ToDictionary(s => s.Shard);
        foreach (var s in write.Shards)
        {
            await UpsertShardAsync(connection, transaction, s.Portfolio, s.Shard, s.CorpusVersion, s.DecidedOn, 0, at, cancellationToken).ConfigureAwait(false);
            shards[s.Shard] = s;

            // Subjects screened against the version the shard now has no longer differ from it.
            await Db.ExecuteAsync(
                connection,
                transaction,
                "UPDATE portfolio_subjects SET version_override = NULL WHERE portfolio = @p AND seq >= @from AND seq < @to AND version_override = @v",
                cancellationToken,
                ("@p", write.Portfolio),
                ("@from", (long)s.Shard * shardSize),
                ("@to", ((long)s.Shard + 1) * shardSize),
                ("@v", s.CorpusVersion)).ConfigureAwait(false);
        }

        if (write.Subjects.Count == 0)
        {
            return added;
        }

        var existing = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var chunk in write.Subjects.Select(s => s.SubjectId).Distinct(StringComparer.Ordinal).Chunk(InChunk))
        {
            var parameters = new List<(string, object?)> { ("@p", write.Portfolio) };
            var command = Db.Command(connection, transaction, "SELECT subject_id, seq FROM portfolio_subjects WHERE portfolio = @p AND subject_id IN (" + In("@s", chunk, parameters) + ")", [.. parameters]);
            await using (command.ConfigureAwait(false))
            {
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        existing[reader.GetString(0)] = reader.GetInt64(1);
                    }
                }
            }
        }

        var fresh = write.Subjects.Where(s => !existing.ContainsKey(s.SubjectId)).ToList();
        if (fresh.Select(s => s.SubjectId).Distinct(StringComparer.Ordinal).Count() != fresh.Count)
        {
            throw new ArgumentException("A subject id appears twice in one write.", nameof(write));
        }

        if (fresh.Any(s => s.QueryJson is null || s.FactsJson is null))
        {
            throw new ArgumentException("A new subject needs its query and facts.", nameof(write));
        }

        long next = 0;
        if (fresh.Count > 0)
        {
            next = await Db.ScalarLongAsync(
                connection,
                transaction,
                "UPDATE portfolios SET next_seq = next_seq + @n, revision = revision + 1, updated_at = @at WHERE name = @p RETURNING next_seq",
                cancellationToken,
                ("@n", (long)fresh.Count),
                ("@at", dialect.ToDb(at)),
                ("@p", write.Portfolio)).ConfigureAwait(false) - fresh.Count;
        }

        var revised = new HashSet<int>();
        foreach (var s in fresh)
        {
            var seq = next++;
            added[s.SubjectId] = seq;
            existing[s.SubjectId] = seq;
        }

        // Shards that gain their first subject start at the version these subjects were screened against.
        foreach (var s in write.Subjects)
        {
            var shard = (int)(existing[s.SubjectId] / shardSize);
            if (!shards.ContainsKey(shard))
            {
                var created = new PortfolioShard(write.Portfolio, shard, s.CorpusVersion, write.DecidedOn);
                await UpsertShardAsync(connection, transaction, write.Portfolio, shard, s.CorpusVersion, write.DecidedOn, 0, at, cancellationToken).ConfigureAwait(false);
                shards[shard] = created;
            }

            if (added.ContainsKey(s.SubjectId) || s.QueryJson is not null)
            {
                revised.Add(shard);
            }
        }

        string? Override(SubjectState s) =>
            string.Equals(shards[(int)(existing[s.SubjectId] / shardSize)].CorpusVersion, s.CorpusVersion, StringComparison.Ordinal) ? null : s.CorpusVersion;

        for (var start = 0; start < fresh.Count; start += InsertChunk)
        {
            var count = Math.Min(InsertChunk, fresh.Count - start);
            var sql = new StringBuilder("INSERT INTO portfolio_subjects (" + SubjectColumns + ") VALUES ");
            var parameters = new List<(string, object?)> { ("@p", write.Portfolio), ("@at", dialect.ToDb(at)) };
            for (var row = 0; row < count; row++)
            {
                var s = fresh[start + row];
                var n = row.ToString(CultureInfo.InvariantCulture);
                sql.Append(row == 0 ? "(" : ", (")
                    .Append("@p, @id").Append(n).Append(", @seq").Append(n).Append(", @q").Append(n).Append(", @f").Append(n).Append(", @st").Append(n)
                    .Append(", @m").Append(n).Append(", @nr").Append(n).Append(", @o").Append(n).Append(", @at, @at)");
                parameters.Add(("@id" + n, s.SubjectId));
                parameters.Add(("@seq" + n, added[s.SubjectId]));
                parameters.Add(("@q" + n, s.QueryJson));
                parameters.Add(("@f" + n, s.FactsJson));
                parameters.Add(("@st" + n, s.StateJson));
                parameters.Add(("@m" + n, s.HasMatch ? 1L : 0L));
                parameters.Add(("@nr" + n, s.Nearest));
                parameters.Add(("@o" + n, Override(s)));
            }

            await Db.ExecuteAsync(connection, transaction, sql.ToString(), cancellationToken, [.. parameters]).ConfigureAwait(false);
        }

        foreach (var s in write.Subjects.Where(s => !added.ContainsKey(s.SubjectId)))
        {
            await Db.ExecuteAsync(
                connection,
                transaction,
                "UPDATE portfolio_subjects SET state_json = @st, has_match = @m, nearest = @nr, version_override = @o, updated_at = @at, "
                + "query_json = COALESCE(@q, query_json), facts_json = COALESCE(@f, facts_json) WHERE portfolio = @p AND subject_id = @id",
                cancellationToken,
                ("@st", s.StateJson),
                ("@m", s.HasMatch ? 1L : 0L),
                ("@nr", s.Nearest),
                ("@o", Override(s)),
                ("@at", dialect.ToDb(at)),
                ("@q", s.QueryJson),
                ("@f", s.FactsJson),
                ("@p", write.Portfolio),
                ("@id", s.SubjectId)).ConfigureAwait(false);
        }

        // The hit index: every listed entity each written subject's hits involve.
        var rewritten = write.Subjects.Where(s => !added.ContainsKey(s.SubjectId)).Select(s => s.SubjectId).ToList();
        foreach (var chunk in rewritten.Chunk(InChunk))
        {
            var parameters = new List<(string, object?)> { ("@p", write.Portfolio) };
            await Db.ExecuteAsync(connection, transaction, "DELETE FROM monitor_hits WHERE portfolio = @p AND subject_id IN (" + In("@s", chunk, parameters) + ")", cancellationToken, [.. parameters]).ConfigureAwait(false);
        }

        var rows = write.Subjects.SelectMany(s => s.EntityIds.Distinct(StringComparer.Ordinal).Select(e => (s.SubjectId, Entity: e))).ToList();
        for (var start = 0; start < rows.Count; start += InsertChunk)
        {
            var count = Math.Min(InsertChunk, rows.Count - start);
            var sql = new StringBuilder("INSERT INTO monitor_hits (portfolio, entity_id, subject_id) VALUES ");
            var parameters = new List<(string, object?)> { ("@p", write.Portfolio) };
            for (var row = 0; row < count; row++)
            {
                var n = row.ToString(CultureInfo.InvariantCulture);
                sql.Append(row == 0 ? "(" : ", (").Append("@p, @e").Append(n).Append(", @s").Append(n).Append(')');
                parameters.Add(("@e" + n, rows[start + row].Entity));
                parameters.Add(("@s" + n, rows[start + row].SubjectId));
            }

            await Db.ExecuteAsync(connection, transaction, sql.ToString(), cancellationToken, [.. parameters]).ConfigureAwait(false);
        }

        foreach (var shard in revised)
        {
            await Db.ExecuteAsync(
                connection,
                transaction,
                "UPDATE portfolio_shards SET revision = revision + 1, updated_at = @at WHERE portfolio = @p AND shard = @s",
                cancellationToken,
                ("@at", dialect.ToDb(at)),
                ("@p", write.Portfolio),
                ("@s", (long)shard)).ConfigureAwait(false);
        }

        return added;
    }

    private async Task UpsertShardAsync(DbConnection connection, DbTransaction transaction, string portfolio, int shard, string version, string decidedOn, long revision, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var updated = await Db.ExecuteAsync(
            connection,
            transaction,
            "UPDATE portfolio_shards SET corpus_version = @v, decided_on = @d, updated_at = @at WHERE portfolio = @p AND shard = @s",
            cancellationToken,
            ("@v", version),
            ("@d", decidedOn),
            ("@at", dialect.ToDb(at)),
            ("@p", portfolio),
            ("@s", (long)shard)).ConfigureAwait(false);
        if (updated == 0)
        {
            await Db.ExecuteAsync(
                connection,
                transaction,
                "INSERT INTO portfolio_shards (portfolio, shard, corpus_version, decided_on, revision, updated_at) VALUES (@p, @s, @v, @d, @r, @at)",
                cancellationToken,
                ("@p", portfolio),
                ("@s", (long)shard),
                ("@v", version),
                ("@d", decidedOn),
                ("@r", revision),
                ("@at", dialect.ToDb(at))).ConfigureAwait(false);
        }
    }

    private async Task InsertMonitorAlertsAsync(DbConnection connection, DbTransaction transaction, MonitorWrite write, DateTimeOffset at, CancellationToken cancellationToken)
    {
        for (var i = 0; i < write.NewAlerts.Count; i++)
        {
            var m = write.NewAlerts[i];
            var a = m.Alert;
            await Db.ExecuteAsync(
                connection,
                transaction,
                "INSERT INTO alerts (" + AlertColumns + ") VALUES (@id, @run, NULL, @ordinal, @query_id, @query_hash, @query_json, @entity_id, @source, @source_id, @score, @decision, @corpus, @provenance, @status, @at, @at)",
                cancellationToken,
                ("@id", m.AlertId),
                ("@run", write.RunId),
                ("@ordinal", (long)i),
                ("@query_id", a.QueryId),
                ("@query_hash", a.QueryHash),
                ("@query_json", a.QueryJson),
                ("@entity_id", a.EntityId),
                ("@source", a.Source),
                ("@source_id", a.SourceId),
                ("@score", a.Score),
                ("@decision", a.DecisionJson),
                ("@corpus", a.CorpusVersion),
                ("@provenance", a.ProvenanceJson),
                ("@status", StorageCodes.Code(AlertStatus.Open)),
                ("@at", dialect.ToDb(at))).ConfigureAwait(false);
            await Db.ExecuteAsync(
                connection,
                transaction,
                "INSERT INTO monitor_alerts (alert_id, portfolio, subject_id, entity_id, listings, subject_facts, entity_facts, reason, detail, live, created_at, ended_at) "
                + "VALUES (@id, @p, @s, @e, @l, @sf, @ef, @r, @d, 1, @at, NULL)",
                cancellationToken,
                ("@id", m.AlertId),
                ("@p", write.Portfolio),
                ("@s", m.SubjectId),
                ("@e", a.EntityId),
                ("@l", m.Listings),
                ("@sf", m.SubjectFacts),
                ("@ef", m.EntityFacts),
                ("@r", m.Reason),
                ("@d", m.Detail),
                ("@at", dialect.ToDb(at))).ConfigureAwait(false);
        }
    }

    private async Task<List<long>> InsertEventsAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<NewMonitorEvent> events, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var seqs = new List<long>(events.Count);
        foreach (var e in events)
        {
            var seq = await Db.ScalarLongAsync(
                connection,
                transaction,
                "INSERT INTO events (id, portfolio, type, subject_id, alert_id, payload_json, created_at) VALUES (@id, @p, @t, @s, @a, @j, @at) RETURNING seq",
                cancellationToken,
                ("@id", e.Id),
                ("@p", e.Portfolio),
                ("@t", e.Type),
                ("@s", e.SubjectId),
                ("@a", e.AlertId),
                ("@j", e.PayloadJson),
                ("@at", dialect.ToDb(at))).ConfigureAwait(false);
            seqs.Add(seq);
        }

        if (seqs.Count > 0)
        {
            await Db.ExecuteAsync(
                connection,
                transaction,
                "INSERT INTO webhook_deliveries (webhook_id, event_seq, status, attempts, next_attempt_at, created_at) "
                + "SELECT w.id, e.seq, 'pending', 0, @at, @at FROM events e JOIN webhooks w ON w.portfolio = e.portfolio "
                + "WHERE e.seq >= @first AND e.seq <= @last AND w.removed_at IS NULL",
                cancellationToken,
                ("@at", dialect.ToDb(at)),
                ("@first", seqs.Min()),
                ("@last", seqs.Max())).ConfigureAwait(false);
        }

        return seqs;
    }

    public Task<int> RemoveSubjectsAsync(string portfolio, IReadOnlyCollection<string> subjectIds, string actor, NewMonitorEvent removed, CancellationToken cancellationToken = default)
    {
        Require(portfolio, nameof(portfolio));
        Require(actor, nameof(actor));
        ArgumentNullException.ThrowIfNull(subjectIds);
        ArgumentNullException.ThrowIfNull(removed);
        return WriteAsync(
            async (connection, transaction) =>
            {
                var p = await ReadPortfolioAsync(connection, transaction, portfolio, cancellationToken).ConfigureAwait(false)
                    ?? throw new StoreException($"Portfolio '{portfolio}' does not exist.");
                var at = Now();
                var count = 0;
                var shards = new HashSet<long>();
                foreach (var chunk in subjectIds.Distinct(StringComparer.Ordinal).Chunk(InChunk))
                {
                    var parameters = new List<(string, object?)> { ("@p", portfolio) };
                    var list = In("@s", chunk, parameters);
                    var command = Db.Command(connection, transaction, "SELECT seq FROM portfolio_subjects WHERE portfolio = @p AND subject_id IN (" + list + ")", [.. parameters]);
                    await using (command.ConfigureAwait(false))
                    {
                        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                        await using (reader.ConfigureAwait(false))
                        {
                            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                            {
                                shards.Add(reader.GetInt64(0) / p.ShardSize);
                            }
                        }
                    }

                    await Db.ExecuteAsync(connection, transaction, "DELETE FROM monitor_hits WHERE portfolio = @p AND subject_id IN (" + list + ")", cancellationToken, [.. parameters]).ConfigureAwait(false);
                    var ended = new List<(string, object?)>(parameters) { ("@at", dialect.ToDb(at)) };
                    await Db.ExecuteAsync(connection, transaction, "UPDATE monitor_alerts SET live = 0, ended_at = @at WHERE live = 1 AND portfolio = @p AND subject_id IN (" + list + ")", cancellationToken, [.. ended]).ConfigureAwait(false);
                    count += await Db.ExecuteAsync(connection, transaction, "DELETE FROM portfolio_subjects WHERE portfolio = @p AND subject_id IN (" + list + ")", cancellationToken, [.. parameters]).ConfigureAwait(false);
                }

                if (count == 0)
                {
                    return (0, false);
                }

                foreach (var shard in shards)
                {
                    await Db.ExecuteAsync(connection, transaction, "UPDATE portfolio_shards SET revision = revision + 1, updated_at = @at WHERE portfolio = @p AND shard = @s", cancellationToken, ("@at", dialect.ToDb(at)), ("@p", portfolio), ("@s", shard)).ConfigureAwait(false);
                }

                await Db.ExecuteAsync(connection, transaction, "UPDATE portfolios SET revision = revision + 1, updated_at = @at WHERE name = @p", cancellationToken, ("@at", dialect.ToDb(at)), ("@p", portfolio)).ConfigureAwait(false);
                var payload = new JsonObject { ["subjects_removed"] = count };
                await AppendCoreAsync(connection, transaction, new AuditEntry(actor, "portfolio.subjects_removed", portfolio, payload.ToJsonString()), cancellationToken).ConfigureAwait(false);
                await InsertEventsAsync(connection, transaction, [removed], at, cancellationToken).ConfigureAwait(false);
                return (count, true);
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<MonitorEvent>> ReadEventsAsync(long after, int limit, string? portfolio = null, CancellationToken cancellationToken = default) =>
        ReadEventsAsync("seq > @at", "seq", after, limit, portfolio, cancellationToken);

    public Task<IReadOnlyList<MonitorEvent>> ReadEventsBeforeAsync(long before, int limit, string? portfolio = null, CancellationToken cancellationToken = default) =>
        ReadEventsAsync("seq < @at", "seq DESC", before, limit, portfolio, cancellationToken);

    private Task<IReadOnlyList<MonitorEvent>> ReadEventsAsync(string where, string order, long at, int limit, string? portfolio, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return ReadAsync<IReadOnlyList<MonitorEvent>>(
            async connection =>
            {
                var list = new List<MonitorEvent>();
                var parameters = new List<(string, object?)> { ("@at", at), ("@limit", (long)limit) };
                if (portfolio is not null)
                {
                    parameters.Add(("@p", portfolio));
                }

                var command = Db.Command(
                    connection,
                    null,
                    "SELECT seq, id, portfolio, type, subject_id, alert_id, payload_json, created_at FROM events WHERE " + where
                    + (portfolio is null ? string.Empty : " AND portfolio = @p") + " ORDER BY " + order + " LIMIT @limit",
                    [.. parameters]);
                await using (command.ConfigureAwait(false))
                {
                    var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    await using (reader.ConfigureAwait(false))
                    {
                        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                        {
                            list.Add(ReadEvent(reader, 0));
                        }
                    }
                }

                return list;
            },
            cancellationToken);
    }

    private MonitorEvent ReadEvent(DbDataReader r, int o) =>
        new(r.GetInt64(o), r.GetString(o + 1), Db.NullableString(r, o + 2), r.GetString(o + 3), Db.NullableString(r, o + 4), Db.NullableString(r, o + 5), r.GetString(o + 6), dialect.ReadTime(r, o + 7));

    private async Task<List<StoredSubject>> ReadSubjectsAsync(DbConnection connection, DbTransaction? transaction, string sql, List<(string, object?)> parameters, CancellationToken cancellationToken)
    {
        var list = new List<StoredSubject>();
        var command = Db.Command(connection, transaction, sql, [.. parameters]);
        await using (command.ConfigureAwait(false))
        {
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    list.Add(new StoredSubject(
                        reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetString(3), reader.GetString(4), reader.GetString(5),
                        reader.GetInt64(6) != 0, reader.IsDBNull(7) ? null : reader.GetDouble(7), Db.NullableString(reader, 8), dialect.ReadTime(reader, 9), dialect.ReadTime(reader, 10)));
                }
            }
        }

        return list;
    }

    /// <summary>Adds one parameter per value and returns their names, comma-separated.</summary>
    private static string In(string prefix, IEnumerable<string> values, List<(string, object?)> parameters)
    {
        var sb = new StringBuilder();
        var i = 0;
        foreach (var v in values)
        {
            var name = prefix + i.ToString(CultureInfo.InvariantCulture);
            sb.Append(i == 0 ? string.Empty : ", ").Append(name);
            parameters.Add((name, v));
            i++;
        }

        return sb.ToString();
    }
}
