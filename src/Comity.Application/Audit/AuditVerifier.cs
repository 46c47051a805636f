using System.Globalization;
using System.Security.Cryptography;
using Comity.Storage;
using Comity.Storage.Audit;

namespace Comity.Application.Audit;

/// <summary>The audit-log operations every front end uses (<c>comity audit verify</c>, <c>comity audit checkpoint</c>):
/// recompute the hash chain (and MACs when keyed), check a signed checkpoint, write one. Each returns an exit code
/// (<see cref="Intact"/>, <see cref="Broken"/>, <see cref="CannotOpen"/>) and writes one line per finding; a damaged
/// database is reported as corruption, never a crash; a SQLite file that does not exist is reported, never created.</summary>
internal static class AuditVerifier
{
    /// <summary>Exit code: the chain verifies (or the checkpoint was written).</summary>
    public const int Intact = 0;

    /// <summary>Exit code: the chain is broken (a record changed, removed or corrupt), or a checkpoint fails.</summary>
    public const int Broken = 1;

    /// <summary>Exit code: the store, key or checkpoint cannot be opened (missing file, bad spec).</summary>
    public const int CannotOpen = 2;

    /// <summary>Verifies without a key file or checkpoint (the key, if any, from the environment).</summary>
    public static Task<int> VerifyAsync(string db, TextWriter output, CancellationToken cancellationToken = default) =>
        VerifyAsync(db, null, null, null, output, cancellationToken);

    /// <summary>Recomputes the chain of <paramref name="db"/>; with <paramref name="checkpointFile"/> also proves that no
    /// record up to it was changed or removed (signed by <paramref name="publicKeyFile"/>'s key when given).</summary>
    public static async Task<int> VerifyAsync(string db, string? keyFile, string? checkpointFile, string? publicKeyFile, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(output);
        if (MissingSqliteFile(db) is { } missing)
        {
            await output.WriteLineAsync($"audit verify: no database at {missing} (nothing was created)").ConfigureAwait(false);
            return CannotOpen;
        }

        AuditCheckpoint? checkpoint = null;
        string? pinned = null;
        string? key;
        try
        {
            key = AuditKeys.Resolve(keyFile);
            if (checkpointFile is not null)
            {
                if (publicKeyFile is null)
                {
                    // A checkpoint carries its own public key: whoever forged the chain can sign a new checkpoint with a
                    // key of their own, so only a key known beforehand proves anything.
                    await output.WriteLineAsync($"audit verify: --checkpoint {checkpointFile} needs --public-key FILE, the key you expect it to be signed with (a checkpoint's own key proves nothing: a forger signs with theirs)").ConfigureAwait(false);
                    return CannotOpen;
                }

                checkpoint = AuditCheckpoint.Parse(await ReadNamedAsync("--checkpoint", checkpointFile, cancellationToken).ConfigureAwait(false), checkpointFile);
            }

            if (publicKeyFile is not null)
            {
                using var ecdsa = ECDsa.Create();
                ImportPem(ecdsa, "--public-key", publicKeyFile, await ReadNamedAsync("--public-key", publicKeyFile, cancellationToken).ConfigureAwait(false));
                pinned = Convert.ToBase64String(ecdsa.ExportSubjectPublicKeyInfo());
            }
        }
        catch (Exception e) when (e is StoreException or IOException or UnauthorizedAccessException or ArgumentException or CryptographicException)
        {
            await output.WriteLineAsync($"audit verify: {e.Message}").ConfigureAwait(false);
            return CannotOpen;
        }

        return await WithStoreAsync("audit verify", db, key, output, async store =>
        {
            var v = await store.VerifyAuditAsync(cancellationToken).ConfigureAwait(false);
            var keyed = key is null ? "unkeyed: set COMITY_AUDIT_KEY to check MACs" : "keyed: every MAC checked";
            if (!v.IsValid)
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"audit chain BROKEN at record {v.FirstBrokenSequence}: {v.Problem} ({v.RecordsChecked} records checked; {keyed})")).ConfigureAwait(false);
                return Broken;
            }

            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"audit chain OK: {v.RecordsChecked} records, head {v.HeadHash} ({keyed})")).ConfigureAwait(false);
            if (checkpoint is null)
            {
                return Intact;
            }

            if (pinned is not null && !string.Equals(pinned, checkpoint.PublicKey, StringComparison.Ordinal))
            {
                await output.WriteLineAsync($"checkpoint {checkpointFile} FAILED: it is signed by key {checkpoint.KeyFingerprint}, not by the key of {publicKeyFile} ({AuditCheckpoint.Fingerprint(pinned)})").ConfigureAwait(false);
                return Broken;
            }

            if (await checkpoint.CheckAsync(store, key, cancellationToken).ConfigureAwait(false) is { } problem)
            {
                await output.WriteLineAsync($"checkpoint {checkpointFile} FAILED: {problem}").ConfigureAwait(false);
                return Broken;
            }

            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"checkpoint OK: records 1..{checkpoint.Records} unchanged since {AuditChain.FormatTimestamp(checkpoint.At)} (head {checkpoint.HeadHash}; signed by key {checkpoint.KeyFingerprint})")).ConfigureAwait(false);
            return Intact;
        }).ConfigureAwait(false);
    }

    /// <summary>Verifies the chain, then writes its head hash, record count and time signed with the ECDSA P-256 key in
    /// <paramref name="signingKeyFile"/> (created, mode 0600, when absent) to <paramref name="outFile"/> or the output.</summary>
    public static async Task<int> CheckpointAsync(string db, string? keyFile, string? outFile, string signingKeyFile, TimeProvider clock, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(clock);
        if (MissingSqliteFile(db) is { } missing)
        {
            await output.WriteLineAsync($"audit checkpoint: no database at {missing} (nothing was created)").ConfigureAwait(false);
            return CannotOpen;
        }

        string? key;
        ECDsa signing;
        try
        {
            key = AuditKeys.Resolve(keyFile);
            signing = await LoadOrCreateSigningKeyAsync(signingKeyFile, output, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is StoreException or IOException or UnauthorizedAccessException or ArgumentException or CryptographicException)
        {
            await output.WriteLineAsync($"audit checkpoint: {e.Message}").ConfigureAwait(false);
            return CannotOpen;
        }

        using (signing)
        {
            return await WithStoreAsync("audit checkpoint", db, key, output, async store =>
            {
                var v = await store.VerifyAuditAsync(cancellationToken).ConfigureAwait(false);
                if (!v.IsValid)
                {
                    await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"audit checkpoint: refused, the chain is BROKEN at record {v.FirstBrokenSequence}: {v.Problem}")).ConfigureAwait(false);
                    return Broken;
                }

                var checkpoint = AuditCheckpoint.Create(v.RecordsChecked, v.HeadHash, clock.GetUtcNow(), signing);
                if (outFile is null)
                {
                    await output.WriteAsync(checkpoint.ToJson()).ConfigureAwait(false);
                }
                else
                {
                    await File.WriteAllTextAsync(outFile, checkpoint.ToJson(), cancellationToken).ConfigureAwait(false);
                    await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"checkpoint written to {outFile}: {checkpoint.Records} records, head {checkpoint.HeadHash}, signed by key {checkpoint.KeyFingerprint}")).ConfigureAwait(false);
                }

                return Intact;
            }).ConfigureAwait(false);
        }
    }

    /// <summary>Opens the store and runs <paramref name="work"/>; a damaged database is reported as corruption
    /// (exit 1), an unreachable one as exit 2; nothing escapes as a crash.</summary>
    private static async Task<int> WithStoreAsync(string command, string db, string? key, TextWriter output, Func<IComityStore, Task<int>> work)
    {
        IComityStore store;
        try
        {
            store = await ComityStores.OpenAsync(db, new StoreOptions { AuditKey = key }).ConfigureAwait(false);
        }
        catch (StoreException e) when (e.IsCorruption)
        {
            await output.WriteLineAsync($"{command}: database CORRUPT: {e.Message}").ConfigureAwait(false);
            return Broken;
        }
        catch (Exception e) when (e is StoreException or IOException or ArgumentException or InvalidOperationException or UnauthorizedAccessException or System.Data.Common.DbException)
        {
            await output.WriteLineAsync($"{command}: cannot open {db}: {e.Message}").ConfigureAwait(false);
            return CannotOpen;
        }

        await using (store.ConfigureAwait(false))
        {
            try
            {
                return await work(store).ConfigureAwait(false);
            }
            catch (Exception e) when (e is System.Data.Common.DbException or StoreException or FormatException or InvalidCastException or OverflowException)
            {
                await output.WriteLineAsync($"{command}: database CORRUPT while reading the audit log: {e.Message}").ConfigureAwait(false);
                return Broken;
            }
        }
    }

    private static async Task<ECDsa> LoadOrCreateSigningKeyAsync(string path, TextWriter output, CancellationToken cancellationToken)
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        try
        {
            if (File.Exists(path))
            {
                ImportPem(key, "--signing-key", path, await ReadNamedAsync("--signing-key", path, cancellationToken).ConfigureAwait(false));
                if (key.KeySize != 256)
                {
                    throw new CryptographicException($"{path}: the signing key must be ECDSA P-256.");
                }

                return key;
            }

            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            await using (var stream = new FileStream(path, options))
            await using (var writer = new StreamWriter(stream))
            {
                await writer.WriteAsync(key.ExportPkcs8PrivateKeyPem()).ConfigureAwait(false);
            }

            await output.WriteLineAsync($"created signing key {path} (ECDSA P-256, mode 0600); publish its public key or fingerprint {AuditCheckpoint.Fingerprint(Convert.ToBase64String(key.ExportSubjectPublicKeyInfo()))}").ConfigureAwait(false);
            return key;
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    /// <summary>The text of the file an option names; a missing or unreadable file is an error naming both.</summary>
    private static async Task<string> ReadNamedAsync(string option, string path, CancellationToken cancellationToken)
    {
        try
        {
            return await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new IOException($"{option} {path}: no such file", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"{option} {path}: cannot be read ({e.Message})", e);
        }
    }

    private static void ImportPem(ECDsa key, string option, string path, string pem)
    {
        try
        {
            key.ImportFromPem(pem);
        }
        catch (ArgumentException e)
        {
            throw new CryptographicException($"{option} {path}: not a PEM-encoded ECDSA key (expected -----BEGIN PUBLIC KEY----- or a private key block)", e);
        }
    }

    /// <summary>The path of a <c>sqlite:PATH</c> spec whose file does not exist (opening it would create it).</summary>
    private static string? MissingSqliteFile(string db)
    {
        if (!db.StartsWith("sqlite:", StringComparison.Ordinal))
        {
            return null;
        }

        var path = db["sqlite:".Length..].Trim();
        return path.Length == 0 || path.Contains('=', StringComparison.Ordinal) || string.Equals(path, ":memory:", StringComparison.Ordinal) || File.Exists(path) ? null : path;
    }
}
