using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Comity.Storage.Audit;

namespace Comity.Storage.Sql;

internal sealed partial class SqlComityStore
{
    private const string AuditColumns = "seq, at, actor, action, subject, payload, prev_hash, hash, mac";

    public Task<AuditRecord> AppendAuditAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return WriteAsync(
            async (connection, transaction) =>
                (await AppendCoreAsync(connection, transaction, entry, cancellationToken).ConfigureAwait(false), true),
            cancellationToken);
    }

    public Task<IReadOnlyList<AuditRecord>> ReadAuditAsync(long afterSequence, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return ReadAsync<IReadOnlyList<AuditRecord>>(
            async connection =>
            {
                var records = new List<AuditRecord>();
                var command = Db.Command(
                    connection,
                    null,
                    "SELECT " + AuditColumns + " FROM audit_log WHERE seq > @after ORDER BY seq LIMIT @limit",
                    ("@after", afterSequence),
                    ("@limit", (long)limit));
                await using (command.ConfigureAwait(false))
                {
                    var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    await using (reader.ConfigureAwait(false))
                    {
                        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                        {
                            records.Add(ReadAuditRecord(reader));
                        }
                    }
                }

                return records;
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<AuditRecord>> ReadAuditForSubjectsAsync(IReadOnlyList<string> subjects, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subjects);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        if (subjects.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<AuditRecord>>([]);
        }

        var names = subjects.Select((_, i) => "@s" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var parameters = subjects.Select((s, i) => (names[i], (object?)s)).Append(("@limit", (long)limit)).ToArray();
        return ReadAsync<IReadOnlyList<AuditRecord>>(
            async connection =>
            {
                var records = new List<AuditRecord>();
                var command = Db.Command(
                    connection,
                    null,
                    "SELECT " + AuditColumns + " FROM audit_log WHERE subject IN (" + string.Join(", ", names) + ") ORDER BY seq LIMIT @limit",
                    parameters);
                await using (command.ConfigureAwait(false))
                {
                    var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    await using (reader.ConfigureAwait(false))
                    {
                        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                        {
                            records.Add(ReadAuditRecord(reader));
                        }
                    }
                }

                return records;
            },
            cancellationToken);
    }

    /// <summary>
    /// Reads the chain head first, then streams every record up to it: each must follow its predecessor
    /// (sequence and previous hash) and hash to its stored hash, and the last must be the head.
    /// </summary>
    public Task<AuditVerification> VerifyAuditAsync(CancellationToken cancellationToken = default) =>
        ReadAsync(
            async connection =>
            {
                var (headSequence, headHash) = await ReadHeadAsync(connection, null, lockRow: false, cancellationToken).ConfigureAwait(false);
                var expected = 1L;
                var previous = AuditChain.GenesisHash;
                var checkedCount = 0L;
                var command = Db.Command(
                    connection, null, "SELECT " + AuditColumns + " FROM audit_log WHERE seq <= @head ORDER BY seq", ("@head", headSequence));
                await using (command.ConfigureAwait(false))
                {
                    var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    await using (reader.ConfigureAwait(false))
                    {
                        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                        {
                            AuditRecord record;
                            try
                            {
                                record = ReadAuditRecord(reader);
                            }
                            catch (Exception e) when (e is FormatException or InvalidCastException or OverflowException or ArgumentException)
                            {
                                // A garbled row (a timestamp that is no timestamp, a number where text belongs).
                                return new AuditVerification(checkedCount + 1, expected, "the record is unreadable (" + e.Message + ")", previous);
                            }

                            checkedCount++;
                            if ((AuditChain.Check(record, expected, previous) ?? (auditKey is null ? null : AuditChain.CheckMac(record, auditKey))) is { } problem)
                            {
                                return new AuditVerification(checkedCount, Math.Min(expected, record.Sequence), problem, previous);
                            }

                            previous = record.Hash;
                            expected++;
                        }
                    }
                }

                if (expected - 1 != headSequence)
                {
                    return new AuditVerification(
                        checkedCount,
                        expected,
                        string.Create(CultureInfo.InvariantCulture, $"the chain head names record {headSequence} but the log ends at {expected - 1}"),
                        previous);
                }

                if (!string.Equals(previous, headHash, StringComparison.Ordinal))
                {
                    return new AuditVerification(checkedCount, headSequence, "the last record's hash differs from the chain head", previous);
                }

                return new AuditVerification(checkedCount, null, null, previous);
            },
            cancellationToken);

    /// <summary>Appends inside the caller's write transaction, holding the chain head row so appends never fork.</summary>
    private async Task<AuditRecord> AppendCoreAsync(
        DbConnection connection, DbTransaction transaction, AuditEntry entry, CancellationToken cancellationToken)
    {
        Require(entry.Actor, nameof(entry.Actor));
        Require(entry.Action, nameof(entry.Action));
        ArgumentNullException.ThrowIfNull(entry.Subject);
        ValidateJsonObject(entry.PayloadJson);
        var (headSequence, headHash) = await ReadHeadAsync(connection, transaction, lockRow: true, cancellationToken).ConfigureAwait(false);
        var at = Now();
        var sequence = headSequence + 1;
        var hash = AuditChain.ComputeHash(sequence, at, entry.Actor, entry.Action, entry.Subject, entry.PayloadJson, headHash);
        var mac = auditKey is null ? null : AuditChain.ComputeMac(auditKey, hash);
        await Db.ExecuteAsync(
            connection,
            transaction,
            "INSERT INTO audit_log (" + AuditColumns + ") VALUES (@seq, @at, @actor, @action, @subject, @payload, @prev, @hash, @mac)",
            cancellationToken,
            ("@seq", sequence),
            ("@at", dialect.ToDb(at)),
            ("@actor", entry.Actor),
            ("@action", entry.Action),
            ("@subject", entry.Subject),
            ("@payload", entry.PayloadJson),
            ("@prev", headHash),
            ("@hash", hash),
            ("@mac", (object?)mac ?? DBNull.Value)).ConfigureAwait(false);
        var moved = await Db.ExecuteAsync(
            connection,
            transaction,
            "UPDATE audit_head SET seq = @seq, hash = @hash WHERE id = 1 AND seq = @previous",
            cancellationToken,
            ("@seq", sequence),
            ("@hash", hash),
            ("@previous", headSequence)).ConfigureAwait(false);
        if (moved != 1)
        {
            throw new StoreException("The audit chain head moved during an append; the transaction was not committed.");
        }

        return new AuditRecord(sequence, at, entry.Actor, entry.Action, entry.Subject, entry.PayloadJson, headHash, hash) { Mac = mac };
    }

    private async Task<(long Sequence, string Hash)> ReadHeadAsync(
        DbConnection connection, DbTransaction? transaction, bool lockRow, CancellationToken cancellationToken)
    {
        var command = Db.Command(
            connection, transaction, "SELECT seq, hash FROM audit_head WHERE id = 1" + (lockRow ? dialect.ForUpdate : string.Empty));
        await using (command.ConfigureAwait(false))
        {
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    throw new StoreException("The audit chain head row is missing; the database was altered outside Comity.");
                }

                return (reader.GetInt64(0), reader.GetString(1));
            }
        }
    }

    private AuditRecord ReadAuditRecord(DbDataReader reader) => new(
        reader.GetInt64(0),
        dialect.ReadTime(reader, 1),
        reader.GetString(2),
        reader.GetString(3),
        reader.GetString(4),
        reader.GetString(5),
        reader.GetString(6),
        reader.GetString(7))
    {
        Mac = reader.IsDBNull(8) ? null : reader.GetString(8),
    };

    private static void ValidateJsonObject(string payloadJson)
    {
        ArgumentNullException.ThrowIfNull(payloadJson);
        try
        {
            using var document = JsonDocument.Parse(payloadJson);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new ArgumentException("Audit payload must be a JSON object.", nameof(payloadJson));
            }
        }
        catch (JsonException e)
        {
            throw new ArgumentException("Audit payload is not valid JSON: " + e.Message, nameof(payloadJson), e);
        }
    }
}
