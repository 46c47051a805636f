using Comity.Server.Hosting;
using Comity.Storage;

namespace Comity.Server;

/// <summary>Hosts the Comity HTTP API (yente-compatible matching plus the native screening, alert and audit API).
/// <c>comity serve</c> calls <see cref="RunAsync(ServeOptions, CancellationToken)"/>.</summary>
public static class ComityServer
{
    /// <summary>Runs until <paramref name="cancellationToken"/> fires or the process is asked to stop; returns the
    /// exit code (0 after a clean shutdown, 2 when start-up failed: port in use, unusable store or keys file).</summary>
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
            await Console.Error.WriteLineAsync($"comity serve: {e.Message.ReplaceLineEndings(" ")}").ConfigureAwait(false);
            return 2;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped (Ctrl+C) while still starting: nothing was served, nothing is left running.
            return 0;
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

    /// <summary>Starts the server and returns once it listens (the corpus keeps loading in the background:
    /// <c>/readyz</c> answers 503 until it is in force).</summary>
    public static async Task<RunningServer> StartAsync(ServeOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var app = await ServerApp.BuildAsync(options, cancellationToken).ConfigureAwait(false);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            app.Services.GetRequiredService<BindingGuard>().Verify(app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>());
        }
        catch (Exception)
        {
            // Not started (cancelled, port in use) or refused by the binding guard: release the port and the store.
            await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return new RunningServer(app);
    }
}
