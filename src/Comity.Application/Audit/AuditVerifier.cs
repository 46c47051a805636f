using System.Globalization;
using Comity.Storage;

namespace Comity.Application.Audit;

/// <summary>Audit-log operations shared by the CLI (<c>comity audit verify</c>) and the server.</summary>
public static class AuditVerifier
{
    /// <summary>Exit code: the chain verifies.</summary>
    public const int Intact = 0;

    /// <summary>Exit code: the chain is broken (a record changed, removed or corrupt).</summary>
    public const int Broken = 1;

    /// <summary>Exit code: the store cannot be opened (missing file, bad spec).</summary>
    public const int CannotOpen = 2;

    /// <summary>Recomputes the audit hash chain of a store and names the first broken record. A SQLite file that does
    /// not exist is reported, never created.</summary>
    public static async Task<int> VerifyAsync(string db, TextWriter output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(output);
        if (db.StartsWith("sqlite:", StringComparison.Ordinal) && db["sqlite:".Length..] is var path
            && !string.Equals(path, ":memory:", StringComparison.Ordinal) && !File.Exists(path))
        {
            await output.WriteLineAsync($"audit verify: no database at {path} (nothing was created)").ConfigureAwait(false);
            return CannotOpen;
        }

        IComityStore store;
        try
        {
            store = await ComityStores.OpenAsync(db, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (StoreException e) when (e.IsCorruption)
        {
            await output.WriteLineAsync($"audit verify: database CORRUPT: {e.Message}").ConfigureAwait(false);
            return Broken;
        }
        catch (Exception e) when (e is StoreException or IOException or ArgumentException or InvalidOperationException or System.Data.Common.DbException)
        {
            await output.WriteLineAsync($"audit verify: cannot open {db}: {e.Message}").ConfigureAwait(false);
            return CannotOpen;
        }

        await using (store.ConfigureAwait(false))
        {
            Storage.Audit.AuditVerification v;
            try
            {
                v = await store.VerifyAuditAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is StoreException or InvalidOperationException or System.Data.Common.DbException or FormatException or InvalidCastException)
            {
                await output.WriteLineAsync($"audit chain BROKEN: the store could not be read ({e.Message})").ConfigureAwait(false);
                return Broken;
            }

            if (v.IsValid)
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"audit chain OK: {v.RecordsChecked} records, head {v.HeadHash}")).ConfigureAwait(false);
                return Intact;
            }

            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"audit chain BROKEN at record {v.FirstBrokenSequence}: {v.Problem} ({v.RecordsChecked} records checked)")).ConfigureAwait(false);
            return Broken;
        }
    }
}
