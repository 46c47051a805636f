using System.Data.Common;
using System.Text;
using Comity.Storage.Runs;

namespace Comity.Storage.Sql;

/// <summary>Proof of screening: corpus version recipes and the subjects of each run.</summary>
internal sealed partial class SqlComityStore
{
    public Task RecordCorpusVersionAsync(string version, string corpusJson, CancellationToken cancellationToken = default)
    {
        Require(version, nameof(version));
        Require(corpusJson, nameof(corpusJson));
        return WriteAsync(
            async (connection, transaction) =>
            {
                await Db.ExecuteAsync(
                    connection,
                    transaction,
                    "INSERT INTO corpus_versions (version, corpus_json, first_seen_at) VALUES (@v, @json, @at) ON CONFLICT (version) DO NOTHING",
                    cancellationToken,
                    ("@v", version),
                    ("@json", corpusJson),
                    ("@at", dialect.ToDb(Now()))).ConfigureAwait(false);
                return (true, true);
            },
            cancellationToken);
    }

    public Task<CorpusVersionRecord?> GetCorpusVersionAsync(string version, CancellationToken cancellationToken = default)
    {
        Require(version, nameof(version));
        return ReadAsync(
            async connection =>
            {
                var command = Db.Command(connection, null, "SELECT version, corpus_json, first_seen_at FROM corpus_versions WHERE version = @v", ("@v", version));
                await using (command.ConfigureAwait(false))
                {
                    var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    await using (reader.ConfigureAwait(false))
                    {
                        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
                            ? new CorpusVersionRecord(reader.GetString(0), reader.GetString(1), dialect.ReadTime(reader, 2))
                            : null;
                    }
                }
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<RunSubject>> ReadRunSubjectsAsync(string runId, long afterOrdinal, int limit, CancellationToken cancellationToken = default)
    {
        Require(runId, nameof(runId));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return ReadAsync<IReadOnlyList<RunSubject>>(
            async connection =>
            {
                var list = new List<RunSubject>();
                var command = Db.Command(
                    connection,
                    null,
                    "SELECT ordinal, query_id, query_json, hits_json FROM run_subjects WHERE run_id = @run AND ordinal > @after ORDER BY ordinal LIMIT @limit",
                    ("@run", runId),
                    ("@after", afterOrdinal),
                    ("@limit", (long)limit));
                await using (command.ConfigureAwait(false))
                {
                    var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    await using (reader.ConfigureAwait(false))
                    {
                        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                        {
                            list.Add(new RunSubject(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
                        }
                    }
                }

                return list;
            },
            cancellationToken);
    }

    /// <summary>Inserts run subjects in multi-row statements.</summary>
    private static async Task InsertRunSubjectsAsync(DbConnection connection, DbTransaction transaction, string runId, IReadOnlyList<RunSubject> subjects, CancellationToken cancellationToken)
    {
        for (var start = 0; start < subjects.Count; start += InsertChunk)
        {
            var count = Math.Min(InsertChunk, subjects.Count - start);
            var sql = new StringBuilder("INSERT INTO run_subjects (run_id, ordinal, query_id, query_json, hits_json) VALUES ");
            var parameters = new List<(string, object?)>(1 + (count * 4)) { ("@run", runId) };
            for (var row = 0; row < count; row++)
            {
                var s = subjects[start + row];
                var n = row.ToString(System.Globalization.CultureInfo.InvariantCulture);
                sql.Append(row == 0 ? "(" : ", (").Append("@run, @o").Append(n).Append(", @q").Append(n).Append(", @j").Append(n).Append(", @h").Append(n).Append(')');
                parameters.Add(("@o" + n, s.Ordinal));
                parameters.Add(("@q" + n, s.QueryId));
                parameters.Add(("@j" + n, s.QueryJson));
                parameters.Add(("@h" + n, s.HitsJson));
            }

            await Db.ExecuteAsync(connection, transaction, sql.ToString(), cancellationToken, [.. parameters]).ConfigureAwait(false);
        }
    }
}
