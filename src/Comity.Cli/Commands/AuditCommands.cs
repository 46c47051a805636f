using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using Comity.Server;
using Comity.Storage;
using Comity.Storage.Audit;

namespace Comity.Cli.Commands;

/// <summary><c>comity audit verify</c> and <c>comity audit checkpoint</c>: the audit chain, keyed (HMAC under
/// <c>COMITY_AUDIT_KEY</c> / <c>COMITY_AUDIT_KEY_FILE</c> / <c>--audit-key-file</c>) and anchored by signed
/// checkpoints kept outside the database.</summary>
internal static class AuditCommands
{
    public const int Intact = 0;
    public const int Broken = 1;
    public const int CannotOpen = 2;

    public static Command Create(CliContext context)
    {
        var audit = new Command("audit", "Audit log commands.");
        audit.Subcommands.Add(Verify(context));
        audit.Subcommands.Add(Checkpoint(context));
        return audit;
    }

    private static Option<string> DbOption() => new("--db") { Description = "sqlite:PATH or postgres:CONNECTION_STRING.", DefaultValueFactory = _ => ServeOptions.DefaultDb };

    private static Option<string?> KeyFileOption() => new("--audit-key-file") { Description = "File whose first line is the audit chain's secret key (else $COMITY_AUDIT_KEY_FILE, else $COMITY_AUDIT_KEY). With a key every record's MAC is checked." };

    private static Command Verify(CliContext context)
    {
        var db = DbOption();
        var keyFile = KeyFileOption();
        var checkpoint = new Option<string?>("--checkpoint") { Description = "A checkpoint file written by 'audit checkpoint': also prove that no record up to it was changed or removed." };
        var publicKey = new Option<string?>("--public-key") { Description = "PEM public (or private) key the checkpoint must be signed with (else any valid signature is accepted and its key fingerprint printed)." };
        var cmd = new Command("verify", "Recompute the audit log's hash chain (and MACs when keyed); name the first broken record. Exit 0 intact, 1 broken or corrupt, 2 cannot open.") { db, keyFile, checkpoint, publicKey };
        cmd.SetAction(async (r, ct) =>
        {
            StoreSpec.Check(r.GetValue(db)!, mustExist: true);
            return await VerifyAsync(r.GetValue(db)!, r.GetValue(keyFile), r.GetValue(checkpoint), r.GetValue(publicKey), context.Out, ct).ConfigureAwait(false);
        });
        return cmd;
    }

    private static Command Checkpoint(CliContext context)
    {
        var db = DbOption();
        var keyFile = KeyFileOption();
        var output = new Option<string?>("--out") { Description = "Write the checkpoint to FILE (default: stdout). Keep it outside the database's host." };
        var signingKey = new Option<string>("--signing-key") { Description = "PEM file of the ECDSA P-256 private key that signs; created (mode 0600) when absent.", Required = true };
        var cmd = new Command("checkpoint", "Verify the audit chain, then write its head hash, record count and time, signed (ECDSA P-256). Exit 0 written, 1 chain broken, 2 cannot open.") { db, keyFile, output, signingKey };
        cmd.SetAction(async (r, ct) => await CheckpointAsync(r.GetValue(db)!, r.GetValue(keyFile), r.GetValue(output), r.GetValue(signingKey)!, TimeProvider.System, context.Out, ct).ConfigureAwait(false));
        return cmd;
    }

    public static async Task<int> VerifyAsync(string db, string? keyFile, string? checkpointFile, string? publicKeyFile, TextWriter output, CancellationToken cancellationToken)
    {
        AuditCheckpoint? checkpoint = null;
        string? pinned = null;
        string? key;
        try
        {
            key = AuditKeys.Resolve(keyFile);
            if (checkpointFile is not null)
            {
                checkpoint = AuditCheckpoint.Parse(await File.ReadAllTextAsync(checkpointFile, cancellationToken).ConfigureAwait(false), checkpointFile);
            }

            if (publicKeyFile is not null)
            {
                using var ecdsa = ECDsa.Create();
                ecdsa.ImportFromPem(await File.ReadAllTextAsync(publicKeyFile, cancellationToken).ConfigureAwait(false));
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

    public static async Task<int> CheckpointAsync(string db, string? keyFile, string? outFile, string signingKeyFile, TimeProvider clock, TextWriter output, CancellationToken cancellationToken)
    {
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
                key.ImportFromPem(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false));
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
}
