namespace Comity.Application.Lists;

/// <summary>Notices a new current set in a data dir (written by this node's scheduled update, another node's, or a
/// <c>comity lists update</c> run by hand) by reading <c>current.json</c> every poll interval, and asks for a reload.
/// Polling, not file-system events: a data dir shared between nodes (a network file system) raises no events.</summary>
internal sealed class CurrentSetWatcher(ListStore store, TimeProvider clock, TimeSpan poll, Func<string, Task> reload)
{
    private string? _seen;

    /// <summary>Raised when a read of <c>current.json</c> fails (it stays as it was; the next poll tries again).</summary>
    public event Action<string>? Log;

    /// <summary>Takes the current set as the one in force (call before the first load).</summary>
    public void Prime() => _seen = Read();

    /// <summary>Reads the current set now; reloads when it differs from the last one seen. True when it reloaded.</summary>
    public async Task<bool> CheckAsync()
    {
        string? now;
        try
        {
            now = Read();
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            Log?.Invoke($"data dir {store.Root}: {e.Message}");
            return false;
        }

        if (string.Equals(now, _seen, StringComparison.Ordinal))
        {
            return false;
        }

        _seen = now;
        await reload("current-set-changed").ConfigureAwait(false);
        return true;
    }

    /// <summary>Polls until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(poll, clock, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            await CheckAsync().ConfigureAwait(false);
        }
    }

    private string Read() => string.Join("\n", store.Current().OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key + "=" + kv.Value));
}
