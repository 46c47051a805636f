using System.CommandLine;
using Comity.Application.Lists;

namespace Comity.Cli.Commands;

/// <summary><c>--data-dir DIR</c> (also <c>COMITY_DATA_DIR</c>): the writable store of downloaded list versions,
/// an option of every command (declared once on the root, recursive).</summary>
internal static class DataDirOption
{
    public const string Name = "--data-dir";

    public static Option<string?> Create() => new(Name)
    {
        Description = "The writable store of downloaded lists (also COMITY_DATA_DIR). The corpus is then the bundled files, each replaced by the newest accepted download of its source.",
        Recursive = true,
    };

    /// <summary>The store named by <c>--data-dir</c> or <c>COMITY_DATA_DIR</c>, or null. A path that is a file is an
    /// error; so is a folder that does not exist, unless <paramref name="create"/> (the commands that write the store
    /// create it; the others would otherwise fall back to the bundled files without a word).</summary>
    public static ListStore? Store(ParseResult r, bool create = false)
    {
        ArgumentNullException.ThrowIfNull(r);
        var given = r.GetValue<string?>(Name);
        var store = ListStore.Resolve(given);
        if (store is null)
        {
            return null;
        }

        var named = given is null ? ListStore.EnvironmentVariable : Name;
        if (File.Exists(store.Root))
        {
            throw new UsageException($"{named} {store.Root}: is a file, not a folder");
        }

        if (!create && !Directory.Exists(store.Root))
        {
            throw new UsageException($"{named} {store.Root}: no such folder (create it with 'comity lists update --data-dir {store.Root}')");
        }

        return store;
    }
}
