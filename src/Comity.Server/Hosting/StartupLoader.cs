using Comity.Server.Metrics;
using Comity.Server.Native;
using Comity.Storage;

namespace Comity.Server.Hosting;

/// <summary>Starts the first corpus load once the server listens (so <c>/healthz</c> answers at once and
/// <c>/readyz</c> says 503 until the corpus is in force), and logs, meters and audits every load attempt.</summary>
internal sealed partial class StartupLoader(CorpusHost host, IComityStore store, ServerMetrics metrics, IHostApplicationLifetime lifetime, ILogger<StartupLoader> log) : IHostedService
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

    private void OnAttempt(ReloadAttempt attempt, CorpusSnapshot? current)
    {
        if (attempt.Succeeded && current is not null)
        {
            metrics.CorpusSwapped(current, attempt.Elapsed);
            LogLoaded(current.Corpus.Version, current.Corpus.Entities.Length, current.Corpus.Datasets.Length, (long)attempt.Elapsed.TotalMilliseconds, attempt.Trigger);
        }
        else
        {
            metrics.ReloadFailed();
            LogFailed(attempt.Error ?? "unknown error", attempt.Trigger, current?.Corpus.Version ?? "none");
        }

        _ = AuditAsync(attempt);
    }

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

    [LoggerMessage(Level = LogLevel.Information, Message = "corpus {Version} in force: {Entities} entities from {Datasets} lists, loaded in {Millis} ms (trigger {Trigger})")]
    private partial void LogLoaded(string version, int entities, int datasets, long millis, string trigger);

    [LoggerMessage(Level = LogLevel.Error, Message = "corpus load failed ({Trigger}): {Error}; corpus {Version} stays in force")]
    private partial void LogFailed(string error, string trigger, string version);

    [LoggerMessage(Level = LogLevel.Error, Message = "could not record a corpus reload in the audit log: {Error}")]
    private partial void LogAuditFailed(string error);
}
