namespace Comity.Storage;

/// <summary>Opens stores for one spec scheme ("sqlite" or "postgres"); found by <see cref="ComityStores"/>.</summary>
public interface IComityStoreProvider
{
    string Scheme { get; }

    /// <summary>Opens the store and applies pending migrations.</summary>
    Task<IComityStore> OpenAsync(string target, StoreOptions options, CancellationToken cancellationToken = default);
}
