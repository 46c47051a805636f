namespace Comity.Storage.Postgres;

/// <summary>The "postgres:" scheme of <see cref="ComityStores"/>.</summary>
public sealed class PostgresStoreProvider : IComityStoreProvider
{
    public string Scheme => "postgres";

    public Task<IComityStore> OpenAsync(string target, StoreOptions options, CancellationToken cancellationToken = default) =>
        PostgresComityStore.OpenAsync(target, options, cancellationToken);
}
