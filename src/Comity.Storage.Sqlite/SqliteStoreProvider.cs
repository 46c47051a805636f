namespace Comity.Storage.Sqlite;

/// <summary>The "sqlite:" scheme of <see cref="ComityStores"/>.</summary>
public sealed class SqliteStoreProvider : IComityStoreProvider
{
    public string Scheme => "sqlite";

    public Task<IComityStore> OpenAsync(string target, StoreOptions options, CancellationToken cancellationToken = default) =>
        SqliteComityStore.OpenAsync(target, options, cancellationToken);
}
