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

    private readonly bool existing;
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

        FilePath = builder.Mode == SqliteOpenMode.Memory || string.IsNullOrEmpty(builder.DataSource) || builder.DataSource == ":memory:"
            ? null
            : Path.GetFullPath(builder.DataSource);
        if (FilePath is not null)
        {
            existing = PrepareFile(FilePath, builder.Mode);
        }

        builder.ForeignKeys = true;
        builder.Pooling = true;
        var seconds = (int)Math.Ceiling(options.LockTimeout.TotalSeconds);
        builder.DefaultTimeout = seconds;
        connectionString = builder.ToString();
        pragmas = string.Create(
            CultureInfo.InvariantCulture, $"PRAGMA busy_timeout = {seconds * 1000}; PRAGMA synchronous = FULL;");
    }

    /// <summary>The database file, or null for an in-memory database.</summary>
    public string? FilePath { get; }

    public override string Provider => "sqlite";

    /// <summary>The file was a settled SQLite database before this store opened it (not one being created now).</summary>
    public override bool OpensExistingDatabase => existing;

    public override string TableNamesSql => "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";

    /// <summary>An existing file must be a SQLite database (never an empty or foreign file that SQLite would silently
    /// turn into a new, empty store); a new file is created readable and writable by its owner only (0600). True when
    /// the file is an existing database that nobody wrote in the last few seconds (so not one a concurrent opener is
    /// creating right now).</summary>
    private static bool PrepareFile(string path, SqliteOpenMode mode)
    {
        var info = new FileInfo(path);
        if (info.Exists)
        {
            // Another opener may be creating this database right now (SQLite writes the header with the first
            // transaction): a file that was written to in the last few seconds is given a moment to fill in.
            for (var wait = 0; wait < 100 && info.Length < 16 && DateTime.UtcNow - info.LastWriteTimeUtc < TimeSpan.FromSeconds(10); wait++)
            {
                Thread.Sleep(50);
                info.Refresh();
            }

            if (info.Length == 0)
            {
                throw new StoreException($"{path} exists but is empty (0 bytes): it is not a Comity database, and opening it would silently start a new, empty store. Refusing to open it; restore it from a backup or remove it to start afresh.")
                { IsCorruption = true };
            }

            Span<byte> header = stackalloc byte[16];
            int read;
            using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
            {
                read = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
            }

            if (read < header.Length || !header.SequenceEqual("SQLite format 3\0"u8))
            {
                throw new StoreException($"{path} is not a SQLite database (its header is missing or damaged): it is corrupt or another kind of file. Refusing to open it.")
                { IsCorruption = true };
            }

            info.Refresh();
            return DateTime.UtcNow - info.LastWriteTimeUtc >= TimeSpan.FromSeconds(10);
        }

        if (mode is SqliteOpenMode.ReadOnly or SqliteOpenMode.ReadWrite)
        {
            return false;
        }

        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.ReadWrite };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using var created = new FileStream(path, options);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first; it initialises the file.
        }

        return false;
    }

    public override async Task CheckIntegrityAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var command = Db.Command(connection, null, "PRAGMA quick_check(5)");
        await using (command.ConfigureAwait(false))
        {
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    problems.Add(reader.IsDBNull(0) ? "?" : reader.GetString(0));
                }
            }
        }

        if (problems is not ["ok"])
        {
            throw new StoreException($"{FilePath ?? "the SQLite database"} failed its integrity check (PRAGMA quick_check: {string.Join("; ", problems)}): it is corrupt. Refusing to open it; restore it from a backup.")
            { IsCorruption = true };
        }
    }

    public override StoreException? ExplainOpenFailure(DbException e) =>
        e is SqliteException sqlite && (sqlite.SqliteErrorCode & 0xFF) is 10 or 11 or 26
            ? new StoreException($"{FilePath ?? "the SQLite database"} is corrupt, unreadable or not a SQLite database ({sqlite.Message.Trim()}). Refusing to open it; restore it from a backup.", e) { IsCorruption = true }
            : null;

    public override string ForUpdate => string.Empty;

    public override string SkipLocked => string.Empty;

    /// <summary>SQLite serves one node: the lock is granted (an in-process holder of the same name waits).</summary>
    public override async Task<IAsyncDisposable?> TryAdvisoryLockAsync(string name, CancellationToken cancellationToken)
    {
        var gate = Locks.GetOrAdd(name, _ => new SemaphoreSlim(1, 1));
        return await gate.WaitAsync(TimeSpan.Zero, cancellationToken).ConfigureAwait(false) ? new Release(gate) : null;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, SemaphoreSlim> Locks = new(StringComparer.Ordinal);

    private sealed class Release(SemaphoreSlim gate) : IAsyncDisposable
    {
        private int _released;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }

            return ValueTask.CompletedTask;
        }
    }

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

    public override string JsonMemberText(string column, string member) => $"json_extract({column}, '$.{member}')";

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
