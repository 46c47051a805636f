using System.Data.Common;
using System.Globalization;

namespace Comity.Storage.Sql;

/// <summary>
/// The one implementation of <see cref="IComityStore"/>, over ADO.NET; a <see cref="SqlDialect"/> supplies what
/// differs between SQLite and PostgreSQL. Each call opens a pooled connection; each write is one transaction
/// that also appends its audit record, so state and audit trail never disagree.
/// </summary>
internal sealed partial class SqlComityStore : IComityStore
{
    private readonly SqlDialect dialect;
    private readonly TimeProvider time;
    private readonly StoreOptions options;
    private readonly string? auditKey;

    private SqlComityStore(SqlDialect dialect, StoreOptions options)
    {
        this.dialect = dialect;
        this.options = options;
        time = options.TimeProvider;
        auditKey = string.IsNullOrEmpty(options.AuditKey) ? null : options.AuditKey;
    }

    /// <summary>True when appended records carry MACs and verification checks them.</summary>
    public bool AuditKeyed => auditKey is not null;

    public string Provider => dialect.Provider;

    /// <summary>Creates the store and applies pending migrations; disposes the dialect if that fails.</summary>
    public static async Task<IComityStore> OpenAsync(SqlDialect dialect, StoreOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        ArgumentNullException.ThrowIfNull(options);
        var store = new SqlComityStore(dialect, options);
        try
        {
            try
            {
                await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (DbException e) when (dialect.ExplainOpenFailure(e) is { } explained)
            {
                throw explained;
            }

            return store;
        }
        catch
        {
            await store.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public ValueTask DisposeAsync() => dialect.DisposeAsync();

    public async Task<int> GetSchemaVersionAsync(CancellationToken cancellationToken = default)
    {
        var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return (int)await Db.ScalarLongAsync(
                connection, null, "SELECT MAX(version) FROM schema_version", cancellationToken).ConfigureAwait(false);
        }
    }

    private DateTimeOffset Now() => Audit.AuditChain.Truncate(time.GetUtcNow());

    private static string NewId(DateTimeOffset at) => Guid.CreateVersion7(at).ToString("D", CultureInfo.InvariantCulture);

    /// <summary>Runs <paramref name="work"/> in one write transaction; commits only when it asks to.</summary>
    private async Task<T> WriteAsync<T>(
        Func<DbConnection, DbTransaction, Task<(T Result, bool Commit)>> work, CancellationToken cancellationToken,
        [System.Runtime.CompilerServices.CallerMemberName] string operation = "")
    {
        try
        {
            return await WriteCoreAsync(work, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (DamagedRowGuard.IsUnreadableValue(e))
        {
            // The transaction was rolled back when it was disposed.
            throw DamagedRowGuard.Unreadable(operation, e);
        }
    }

    private async Task<T> WriteCoreAsync<T>(
        Func<DbConnection, DbTransaction, Task<(T Result, bool Commit)>> work, CancellationToken cancellationToken)
    {
        var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await dialect.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var (result, commit) = await work(connection, transaction).ConfigureAwait(false);
                if (commit)
                {
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                }

                return result;
            }
        }
    }

    /// <summary>Runs a read on its own connection; a value changed outside Comity that the read cannot convert is a
    /// corruption <see cref="StoreException"/> naming the operation (row readers name table and row themselves).</summary>
    private async Task<T> ReadAsync<T>(Func<DbConnection, Task<T>> work, CancellationToken cancellationToken,
        [System.Runtime.CompilerServices.CallerMemberName] string operation = "")
    {
        try
        {
            var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                return await work(connection).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (DamagedRowGuard.IsUnreadableValue(e))
        {
            throw DamagedRowGuard.Unreadable(operation, e);
        }
    }

    private static void Require(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{name} is required.", name);
        }
    }
}
