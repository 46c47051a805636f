using System.Data.Common;

namespace Comity.Storage.Sql;

/// <summary>
/// What differs between providers: connections, write transactions and their locks, timestamps and the
/// migration SQL. The statements of <see cref="SqlComityStore"/> are plain SQL both providers accept.
/// </summary>
internal abstract class SqlDialect : IAsyncDisposable
{
    public abstract string Provider { get; }

    /// <summary>Suffix that locks the selected rows until commit (" FOR UPDATE"), or empty when the write transaction already serialises.</summary>
    public abstract string ForUpdate { get; }

    /// <summary>Suffix that locks the selected rows and skips rows another transaction has locked (" FOR UPDATE SKIP
    /// LOCKED"), or empty when the write transaction already serialises.</summary>
    public abstract string SkipLocked { get; }

    /// <summary>A lock named <paramref name="name"/> held across processes until disposed, or null when another holder
    /// has it (PostgreSQL: a session advisory lock on its own connection).</summary>
    public abstract Task<IAsyncDisposable?> TryAdvisoryLockAsync(string name, CancellationToken cancellationToken);

    /// <summary>DDL of the schema_version table (idempotent).</summary>
    public abstract string SchemaVersionDdl { get; }

    public abstract IReadOnlyList<Migration> Migrations { get; }

    public abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Starts a transaction that may write (SQLite: BEGIN IMMEDIATE, which takes the write lock).</summary>
    public abstract Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Serialises concurrent migrators inside a write transaction (PostgreSQL: advisory lock).</summary>
    public abstract Task LockMigrationsAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken);

    /// <summary>Called once before migrations (SQLite: journal mode).</summary>
    public virtual Task PrepareAsync(DbConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>A query listing the names of the tables of the store's schema (one column).</summary>
    public abstract string TableNamesSql { get; }

    /// <summary>True when the store opens a database that existed before (a file), so that finding no table at all in
    /// it means data is missing (e.g. a copy taken without its write-ahead log), not a fresh start.</summary>
    public virtual bool OpensExistingDatabase => false;

    /// <summary>Checks the database's own integrity before anything is read or written (SQLite:
    /// <c>PRAGMA quick_check</c>); throws a <see cref="StoreException"/> with <see cref="StoreException.IsCorruption"/>.</summary>
    public virtual Task CheckIntegrityAsync(DbConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The store exception that explains a driver error met while opening (a damaged file), or null.</summary>
    public virtual StoreException? ExplainOpenFailure(DbException e) => null;

    /// <summary>SQL reading the text of top-level member <paramref name="member"/> of the JSON object stored as text in
    /// <paramref name="column"/> (NULL when absent). Both arguments are constants of the store, never user input.</summary>
    public abstract string JsonMemberText(string column, string member);

    public abstract object ToDb(DateTimeOffset value);

    public abstract DateTimeOffset ReadTime(DbDataReader reader, int ordinal);

    public abstract ValueTask DisposeAsync();
}
