using Comity.Storage.Sql;

namespace Comity.Storage.Postgres;

/// <summary>Opens a PostgreSQL-backed <see cref="IComityStore"/>.</summary>
public static class PostgresComityStore
{
    /// <summary>Connects and applies pending migrations (serialised across processes by an advisory lock).</summary>
    /// <param name="connectionString">An Npgsql connection string; tables go to the first schema of its search path.</param>
    public static Task<IComityStore> OpenAsync(string connectionString, StoreOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= StoreOptions.Default;
        return SqlComityStore.OpenAsync(new PostgresDialect(connectionString, options), options, cancellationToken);
    }
}
