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
