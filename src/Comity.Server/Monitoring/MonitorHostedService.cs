using Comity.Application.Monitoring;

namespace Comity.Server.Monitoring;

/// <summary>Continuous monitoring inside <c>comity serve</c>: after every corpus swap, plans the re-screens that bring
/// each portfolio to the new version (one node plans: the database keeps one change and one job per shard); once a
/// day plans re-decisions as of the new date; and, unless <c>--no-worker</c>, runs a worker that takes jobs for the
/// corpus in force and delivers webhooks.</summary>
internal sealed partial class MonitorHostedService(CorpusHost host, MonitorService monitor, ServeOptions options, ILogger<MonitorHostedService> log) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly HttpClient _http = new(new SocketsHttpHandler { AllowAutoRedirect = false, ConnectTimeout = TimeSpan.FromSeconds(10) }) { Timeout = Timeout.InfiniteTimeSpan };
    private readonly SemaphoreSlim _planning = new(1, 1);
    private Task? _worker;
    private Task? _daily;
    private CorpusSnapshot? _last;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        host.Attempted += OnAttempt;
        monitor.Log += LogMonitor;
        if (options.RunWorker)
        {
            var webhooks = new WebhookDispatcher(monitor.Store, _http, options.Clock, monitor.Options, options.Node);
            webhooks.Log += LogMonitor;
            var worker = new MonitorWorker(monitor, webhooks, () => host.Current?.Corpus, options.Clock, options.Node);
            worker.Log += LogMonitor;
            _worker = Task.Run(() => worker.RunAsync(untilIdle: false, _stop.Token), CancellationToken.None);
        }

        _daily = Task.Run(DailyAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    private void OnAttempt(ReloadAttempt attempt, CorpusSnapshot? current)
    {
        if (!attempt.Succeeded || current is null)
        {
            return;
        }

        var previous = Interlocked.Exchange(ref _last, current);
        if (previous is not null && previous.Corpus.Version == current.Corpus.Version)
        {
            return;
        }

        _ = PlanAsync(current, previous);
    }

    private async Task PlanAsync(CorpusSnapshot current, CorpusSnapshot? previous)
    {
        await _planning.WaitAsync(_stop.Token).ConfigureAwait(false);
        try
        {
            var added = await monitor.PlanAsync(current.Corpus, previous?.Corpus, "system", _stop.Token).ConfigureAwait(false);
            if (added > 0)
            {
                LogPlanned(added, current.Corpus.Version);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
        catch (Exception e) when (e is Comity.Storage.StoreException or System.Data.Common.DbException or InvalidOperationException or IOException or InvalidDataException)
        {
            LogPlanFailed(e.Message);
        }
        finally
        {
            _planning.Release();
        }
    }

    /// <summary>Once an hour: a corpus in force planned on an earlier day gets its re-decision jobs (decisions as of today).</summary>
    private async Task DailyAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(TimeSpan.FromHours(1), options.Clock, _stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (host.Current is { } current)
            {
                await PlanAsync(current, null).ConfigureAwait(false);
            }
        }
    }

    private void LogMonitor(string line) => LogLine(line);

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        host.Attempted -= OnAttempt;
        monitor.Log -= LogMonitor;
        await _stop.CancelAsync().ConfigureAwait(false);
        foreach (var t in new[] { _worker, _daily })
        {
            if (t is not null)
            {
                try
                {
                    await t.WaitAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                }
            }
        }

    }

    public void Dispose()
    {
        _stop.Dispose();
        _http.Dispose();
        _planning.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "monitoring: {Count} re-screen jobs planned for corpus {Version}")]
    private partial void LogPlanned(int count, string version);

    [LoggerMessage(Level = LogLevel.Error, Message = "monitoring: planning failed: {Error}")]
    private partial void LogPlanFailed(string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "monitoring: {Line}")]
    private partial void LogLine(string line);
}
