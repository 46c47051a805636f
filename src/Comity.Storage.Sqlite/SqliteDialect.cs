using System.Data.Common;
using System.Globalization;
using Comity.Storage.Audit;
using Comity.Storage.Sql;
using Microsoft.Data.Sqlite;

namespace Comity.Storage.Sqlite;

/// <summary>
/// SQLite specifics: WAL journal, writers serialised by BEGIN IMMEDIATE (the database write lock, which also
/// holds across processes), busy timeout from <see cref="StoreOptions.LockTimeout"/>, timestamps as fixed-width UTC text.
/// </summary>
internal sealed class SqliteDialect : SqlDialect
{
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    private static readonly IReadOnlyList<Migration> AllMigrations =
        MigrationResources.Load(typeof(SqliteDialect).Assembly, "Comity.Storage.Sqlite.Migrations.");

    private readonly string connectionString;
    private readonly string pragmas;

    public SqliteDialect(string pathOrConnectionString, StoreOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pathOrConnectionString);
        ArgumentNullException.ThrowIfNull(options);
        SqliteConnectionStringBuilder builder;
        if (pathOrConnectionString.Contains('=', StringComparison.Ordinal))
        {
            builder = new SqliteConnectionStringBuilder(pathOrConnectionString);
        }
        else
        {
            // A bare path: create its directory so that a default location works on first start.
            var full = Path.GetFullPath(pathOrConnectionString);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            builder = new SqliteConnectionStringBuilder { DataSource = full };
        }

        builder.ForeignKeys = true;
        builder.Pooling = true;
        var seconds = (int)Math.Ceiling(options.LockTimeout.TotalSeconds);
        builder.DefaultTimeout = seconds;
        connectionString = builder.ToString();
        pragmas = string.Create(
            CultureInfo.InvariantCulture, $"PRAGMA busy_timeout = {seconds * 1000}; PRAGMA synchronous = FULL;");
    }

    public override string Provider => "sqlite";

    public override string ForUpdate => string.Empty;

    public override string SchemaVersionDdl =>
        "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)";

    public override IReadOnlyList<Migration> Migrations => AllMigrations;

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await Db.ExecuteAsync(connection, null, pragmas, cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public override async Task PrepareAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        // WAL lets readers proceed while one writer commits; the mode is stored in the file.
        await Db.ExecuteAsync(connection, null, "PRAGMA journal_mode = WAL", cancellationToken).ConfigureAwait(false);
    }

    public override Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        // deferred: false issues BEGIN IMMEDIATE: the write lock is taken now, so read-then-write never races.
        DbTransaction transaction = ((SqliteConnection)connection).BeginTransaction(deferred: false);
        return Task.FromResult(transaction);
    }

    public override Task LockMigrationsAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    public override object ToDb(DateTimeOffset value) => AuditChain.FormatTimestamp(value);

    public override DateTimeOffset ReadTime(DbDataReader reader, int ordinal) =>
        DateTimeOffset.ParseExact(
            reader.GetString(ordinal), TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public override ValueTask DisposeAsync()
    {
        // Pooled connections keep the file open; release them so the file can be moved or deleted.
        using var connection = new SqliteConnection(connectionString);
        SqliteConnection.ClearPool(connection);
        return ValueTask.CompletedTask;
    }
}
