using Comity.Server.Corpus;
using Comity.Server.Native;
using Comity.Storage;

namespace Comity.Server.Hosting;

/// <summary>Starts the first corpus load once the server listens (so <c>/healthz</c> answers at once and
/// <c>/readyz</c> says 503 until the corpus is in force), and records every reload in the audit log.</summary>
internal sealed partial class StartupLoader(CorpusHost host, IComityStore store, IHostApplicationLifetime lifetime, ILogger<StartupLoader> log) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        host.Attempted += OnAttempt;
        lifetime.ApplicationStarted.Register(() => _ = host.ReloadAsync("start-up", lifetime.ApplicationStopping));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        host.Attempted -= OnAttempt;
        return Task.CompletedTask;
    }

    private void OnAttempt(ReloadAttempt attempt) => _ = AuditAsync(attempt);

    private async Task AuditAsync(ReloadAttempt attempt)
    {
        try
        {
            await NativeEndpoints.AuditReloadAsync(store, attempt).ConfigureAwait(false);
        }
        catch (Exception e) when (e is StoreException or InvalidOperationException or System.Data.Common.DbException or ObjectDisposedException)
        {
            LogAuditFailed(e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "could not record a corpus reload in the audit log: {Error}")]
    private partial void LogAuditFailed(string error);
}
