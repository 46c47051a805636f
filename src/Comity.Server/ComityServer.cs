using System.Globalization;
using Comity.Server.Hosting;
using Comity.Storage;

namespace Comity.Server;

/// <summary>Hosts the Comity HTTP API (yente-compatible matching plus the native screening, alert and audit API).
/// <c>comity serve</c> calls <see cref="RunAsync(ServeOptions, CancellationToken)"/>.</summary>
public static class ComityServer
{
    /// <summary>Runs until <paramref name="cancellationToken"/> fires or the process is asked to stop; returns the
    /// exit code (0 after a clean shutdown, 1 when start-up failed).</summary>
    public static async Task<int> RunAsync(ServeOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        RunningServer server;
        try
        {
            server = await StartAsync(options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or ArgumentException or InvalidOperationException or UnauthorizedAccessException
            or StoreException or System.Data.Common.DbException or System.Text.Json.JsonException)
        {
            await Console.Error.WriteLineAsync($"comity serve: {e.Message}").ConfigureAwait(false);
            return 1;
        }

        await using (server.ConfigureAwait(false))
        {
            await Console.Out.WriteLineAsync($"comity serve: listening on {string.Join(", ", server.BaseAddresses)} (store {options.Db.Split(':')[0]}); Ctrl+C stops").ConfigureAwait(false);
            await server.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
        }

        return 0;
    }

    /// <summary>Command-line entry: parses <see cref="ServeOptions.Parse"/> arguments and runs.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        ServeOptions options;
        try
        {
            options = ServeOptions.Parse(args);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
        {
            await Console.Error.WriteLineAsync($"comity serve: {e.Message}").ConfigureAwait(false);
            return 2;
        }

        return await RunAsync(options).ConfigureAwait(false);
    }

    /// <summary><c>comity audit verify --db SPEC</c>: recomputes the audit hash chain of a store and names the first
    /// broken record. Returns 0 when the chain verifies, 1 when it is broken or the database is corrupt, 2 when the
    /// store cannot be opened.</summary>
    public static async Task<int> VerifyAuditAsync(string db, TextWriter output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        IComityStore store;
        try
        {
            store = await ComityStores.OpenAsync(db, new StoreOptions { AuditKey = Storage.Audit.AuditKeys.Resolve() }, cancellationToken).ConfigureAwait(false);
        }
        catch (StoreException e) when (e.IsCorruption)
        {
            await output.WriteLineAsync($"audit verify: database CORRUPT: {e.Message}").ConfigureAwait(false);
            return 1;
        }
        catch (Exception e) when (e is StoreException or IOException or ArgumentException or InvalidOperationException or System.Data.Common.DbException)
        {
            await output.WriteLineAsync($"audit verify: cannot open {db}: {e.Message}").ConfigureAwait(false);
            return 2;
        }

        await using (store.ConfigureAwait(false))
        {
            Storage.Audit.AuditVerification v;
            try
            {
                v = await store.VerifyAuditAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is System.Data.Common.DbException or StoreException or FormatException or InvalidCastException or OverflowException)
            {
                await output.WriteLineAsync($"audit verify: database CORRUPT while reading the audit log: {e.Message}").ConfigureAwait(false);
                return 1;
            }

            if (v.IsValid)
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"audit chain OK: {v.RecordsChecked} records, head {v.HeadHash}")).ConfigureAwait(false);
                return 0;
            }

            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"audit chain BROKEN at record {v.FirstBrokenSequence}: {v.Problem} ({v.RecordsChecked} records checked)")).ConfigureAwait(false);
            return 1;
        }
    }

    /// <summary>Starts the server and returns once it listens (the corpus keeps loading in the background:
    /// <c>/readyz</c> answers 503 until it is in force).</summary>
    public static async Task<RunningServer> StartAsync(ServeOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var app = await ServerApp.BuildAsync(options, cancellationToken).ConfigureAwait(false);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            app.Services.GetRequiredService<BindingGuard>().Verify(app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>());
        }
        catch (InvalidOperationException)
        {
            await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return new RunningServer(app);
    }
}
