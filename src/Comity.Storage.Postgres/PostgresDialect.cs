using System.Data;
using System.Data.Common;
using Comity.Storage.Sql;
using Npgsql;

namespace Comity.Storage.Postgres;

/// <summary>
/// PostgreSQL specifics: pooled <see cref="NpgsqlDataSource"/>, READ COMMITTED writes with row locks
/// (FOR UPDATE on the alert under review and on the audit chain head), migrations under a transaction-scoped
/// advisory lock keyed by the current schema, timestamps as timestamptz.
/// </summary>
internal sealed class PostgresDialect : SqlDialect
{
    /// <summary>First key of the migration advisory lock ("COMI"); the second is the hash of the schema name.</summary>
    private const int MigrationLockKey = 0x434F4D49;

    private static readonly IReadOnlyList<Migration> AllMigrations =
        MigrationResources.Load(typeof(PostgresDialect).Assembly, "Comity.Storage.Postgres.Migrations.");

    private readonly NpgsqlDataSource dataSource;

    public PostgresDialect(string connectionString, StoreOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentNullException.ThrowIfNull(options);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var milliseconds = (long)options.LockTimeout.TotalMilliseconds;
        if (string.IsNullOrEmpty(builder.Options))
        {
            builder.Options = "-c lock_timeout=" + milliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        dataSource = NpgsqlDataSource.Create(builder);
    }

    public override string Provider => "postgres";

    public override string ForUpdate => " FOR UPDATE";

    public override string SkipLocked => " FOR UPDATE SKIP LOCKED";

    /// <summary>First key of named advisory locks ("CMLK"); the second is the hash of the schema and the name.</summary>
    private const int NamedLockKey = 0x434D4C4B;

    public override async Task<IAsyncDisposable?> TryAdvisoryLockAsync(string name, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key, hashtext(COALESCE(current_schema(), '') || '/' || @name))", connection);
            command.Parameters.AddWithValue("key", NamedLockKey);
            command.Parameters.AddWithValue("name", name);
            if (await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is true)
            {
                return new AdvisoryLock(connection, name);
            }
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        await connection.DisposeAsync().ConfigureAwait(false);
        return null;
    }

    /// <summary>Holds the session advisory lock on its own connection; disposing unlocks and closes it (a process
    /// that dies closes the connection, and the server releases the lock).</summary>
    private sealed class AdvisoryLock(NpgsqlConnection connection, string name) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key, hashtext(COALESCE(current_schema(), '') || '/' || @name))", connection);
                command.Parameters.AddWithValue("key", NamedLockKey);
                command.Parameters.AddWithValue("name", name);
                await command.ExecuteScalarAsync().ConfigureAwait(false);
            }
            catch (NpgsqlException)
            {
                // The connection is gone: the server has released the lock with the session.
            }
            finally
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    public override string SchemaVersionDdl =>
        "CREATE TABLE IF NOT EXISTS schema_version (version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL)";

    public override IReadOnlyList<Migration> Migrations => AllMigrations;

    public override string TableNamesSql =>
        "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'";

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    public override async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await ((NpgsqlConnection)connection).BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken).ConfigureAwait(false);

    public override Task LockMigrationsAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        Db.ExecuteAsync(
            connection,
            transaction,
            "SELECT pg_advisory_xact_lock(@key, hashtext(COALESCE(current_schema(), '')))",
            cancellationToken,
            ("@key", MigrationLockKey));

    public override string JsonMemberText(string column, string member) => $"(({column})::jsonb ->> '{member}')";

    public override object ToDb(DateTimeOffset value) => value.ToUniversalTime();

    public override DateTimeOffset ReadTime(DbDataReader reader, int ordinal) => reader.GetFieldValue<DateTimeOffset>(ordinal);

    public override ValueTask DisposeAsync() => dataSource.DisposeAsync();
}
