using Comity.Storage.Sql;

namespace Comity.Storage.Sqlite;

/// <summary>Opens a SQLite-backed <see cref="IComityStore"/>.</summary>
public static class SqliteComityStore
{
    /// <summary>Opens (creating if needed) the database and applies pending migrations.</summary>
    /// <param name="pathOrConnectionString">A file path, or a Microsoft.Data.Sqlite connection string (contains '=').</param>
    public static Task<IComityStore> OpenAsync(
        string pathOrConnectionString, StoreOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= StoreOptions.Default;
        return SqlComityStore.OpenAsync(new SqliteDialect(pathOrConnectionString, options), options, cancellationToken);
    }
}
