using System.CommandLine;
using Comity.Application.Audit;
using Comity.Storage;

namespace Comity.Cli.Commands;

/// <summary><c>comity audit verify</c> and <c>comity audit checkpoint</c>: the audit chain, keyed (HMAC under
/// <c>COMITY_AUDIT_KEY</c> / <c>COMITY_AUDIT_KEY_FILE</c> / <c>--audit-key-file</c>) and anchored by signed
/// checkpoints kept outside the database. The work is <see cref="AuditVerifier"/> in Application; this class only maps options onto it.</summary>
internal static class AuditCommands
{
    public static Command Create(CliContext context)
    {
        var audit = new Command("audit", "Audit log commands.");
        audit.Subcommands.Add(Verify(context));
        audit.Subcommands.Add(Checkpoint(context));
        return audit;
    }

    private static Option<string> DbOption() => new("--db") { Description = "sqlite:PATH or postgres:CONNECTION_STRING.", DefaultValueFactory = _ => ComityStores.DefaultSpec };

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
            return await AuditVerifier.VerifyAsync(r.GetValue(db)!, r.GetValue(keyFile), r.GetValue(checkpoint), r.GetValue(publicKey), context.Out, ct).ConfigureAwait(false);
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
        cmd.SetAction(async (r, ct) => await AuditVerifier.CheckpointAsync(r.GetValue(db)!, r.GetValue(keyFile), r.GetValue(output), r.GetValue(signingKey)!, TimeProvider.System, context.Out, ct).ConfigureAwait(false));
        return cmd;
    }
}
