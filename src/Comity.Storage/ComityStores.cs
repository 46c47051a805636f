using System.Reflection;

namespace Comity.Storage;

/// <summary>
/// Opens a store from a spec: <c>sqlite:PATH</c> (a file path or a Microsoft.Data.Sqlite connection string) or
/// <c>postgres:CONNECTION_STRING</c> (an Npgsql connection string). The provider assembly
/// (Comity.Storage.Sqlite or Comity.Storage.Postgres) must be referenced by the application; it is loaded by
/// name so that this contract assembly depends on neither driver.
/// </summary>
public static class ComityStores
{
    /// <summary>The store every front end opens when none is named: a SQLite file in the working directory.</summary>
    public const string DefaultSpec = "sqlite:comity.db";

    private static readonly (string Scheme, string Assembly, string Type)[] KnownProviders =
    [
        ("sqlite", "Comity.Storage.Sqlite", "Comity.Storage.Sqlite.SqliteStoreProvider"),
        ("postgres", "Comity.Storage.Postgres", "Comity.Storage.Postgres.PostgresStoreProvider"),
    ];

    /// <summary>Splits a spec into its scheme and target; throws <see cref="StoreException"/> when malformed.</summary>
    public static (string Scheme, string Target) ParseSpec(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var colon = spec.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == spec.Length - 1)
        {
            throw new StoreException("Store spec must be 'sqlite:PATH' or 'postgres:CONNECTION_STRING'.");
        }

        var scheme = spec[..colon];
        var target = spec[(colon + 1)..];
        if (scheme is "postgresql")
        {
            scheme = "postgres";
        }

        foreach (var known in KnownProviders)
        {
            if (string.Equals(known.Scheme, scheme, StringComparison.Ordinal))
            {
                return (scheme, target);
            }
        }

        throw new StoreException($"Unknown store scheme '{scheme}': use 'sqlite:PATH' or 'postgres:CONNECTION_STRING'.");
    }

    /// <summary>Opens the store named by <paramref name="spec"/> and applies pending migrations.</summary>
    public static Task<IComityStore> OpenAsync(string spec, StoreOptions? options = null, CancellationToken cancellationToken = default)
    {
        var (scheme, target) = ParseSpec(spec);
        return Provider(scheme).OpenAsync(target, options ?? StoreOptions.Default, cancellationToken);
    }

    /// <summary>Synchronous form of <see cref="OpenAsync"/> for start-up code.</summary>
    public static IComityStore Open(string spec, StoreOptions? options = null) =>
        OpenAsync(spec, options).GetAwaiter().GetResult();

    private static IComityStoreProvider Provider(string scheme)
    {
        foreach (var known in KnownProviders)
        {
            if (!string.Equals(known.Scheme, scheme, StringComparison.Ordinal))
            {
                continue;
            }

            Assembly assembly;
            try
            {
                assembly = Assembly.Load(known.Assembly);
            }
            catch (FileNotFoundException e)
            {
                throw new StoreException($"The '{scheme}' store needs the {known.Assembly} assembly; add a reference to it.", e);
            }

            var type = assembly.GetType(known.Type, throwOnError: true)!;
            return (IComityStoreProvider)Activator.CreateInstance(type)!;
        }

        throw new StoreException($"Unknown store scheme '{scheme}'.");
    }
}
