using Comity.Application.Corpus;

namespace Comity.Application.Monitoring;

/// <summary>The loop a <c>comity worker</c> process or a <c>comity serve</c> node runs: takes re-screen jobs for the
/// corpus it has loaded, delivers due webhooks, and waits <see cref="MonitorOptions.PollInterval"/> when there is
/// nothing to do. Several workers on one PostgreSQL share the queue (no job is taken twice; a dead worker's job is taken
/// again after its lease).</summary>
internal sealed class MonitorWorker(MonitorService service, WebhookDispatcher? webhooks, Func<ScreeningCorpus?> corpus, TimeProvider clock, string owner)
{
    /// <summary>Raised with one line per error that the loop survives (for logs).</summary>
    public event Action<string>? Log;

    /// <summary>Jobs completed so far.</summary>
    public int JobsDone { get; private set; }

    /// <summary>Runs until cancelled; with <paramref name="untilIdle"/>, returns once no job and no delivery is due.</summary>
    public async Task RunAsync(bool untilIdle, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var busy = false;
            try
            {
                if (corpus() is { } current)
                {
                    var job = await service.Store.TakeJobAsync(owner, service.Options.JobLease, [current.Version], cancellationToken).ConfigureAwait(false);
                    if (job is not null)
                    {
                        busy = true;
                        if (await service.RunTakenAsync(job, current, owner, cancellationToken).ConfigureAwait(false) is not null)
                        {
                            JobsDone++;
                        }
                    }
                }

                if (webhooks is not null && await webhooks.DeliverDueAsync(50, cancellationToken).ConfigureAwait(false) > 0)
                {
                    busy = true;
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is Storage.StoreException or System.Data.Common.DbException or InvalidOperationException or IOException)
            {
                Log?.Invoke($"worker {owner}: {e.GetType().Name}: {e.Message}");
            }

            if (!busy)
            {
                if (untilIdle)
                {
                    return;
                }

                try
                {
                    await Task.Delay(service.Options.PollInterval, clock, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
