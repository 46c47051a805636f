using System.Diagnostics;
using Comity.Law;
using Comity.Sources.Abstractions;

namespace Comity.Application.Corpus;

/// <summary>Holds the corpus in force and replaces it atomically. Loads run in the background, one at a time; a
/// load that fails (an unreadable file, invalid text, any cause, a bug included) leaves the previous corpus serving and
/// records the error; no exception leaves <see cref="ReloadAsync"/> except the caller's own cancellation while waiting
/// for the gate. Every attempt, successful or not, is raised through <see cref="Attempted"/> (the server logs, meters and
/// audits it).</summary>
internal sealed class CorpusHost : IDisposable
{
    private readonly ICorpusSource _source;
    private readonly IReadOnlyList<string> _lists;
    private readonly TimeProvider _clock;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly TaskCompletionSource _firstLoad = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CorpusSnapshot? _current;
    private ReloadAttempt? _last;
    private ReloadAttempt? _lastFailure;

    /// <param name="lists">List files and folders; empty: the bundled default corpus.</param>
    public CorpusHost(ICorpusSource source, IReadOnlyList<string> lists, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(lists);
        ArgumentNullException.ThrowIfNull(clock);
        _source = source;
        _lists = lists;
        _clock = clock;
    }

    /// <summary>The corpus in force, or null before the first successful load. Read once per request.</summary>
    public CorpusSnapshot? Current => Volatile.Read(ref _current);

    public ReloadAttempt? LastAttempt => Volatile.Read(ref _last);

    public ReloadAttempt? LastFailure => Volatile.Read(ref _lastFailure);

    /// <summary>Raised after every load attempt, successful or not, with the snapshot in force afterwards.</summary>
    public event Action<ReloadAttempt, CorpusSnapshot?>? Attempted;

    /// <summary>True while a reload is running.</summary>
    public bool Reloading => _gate.CurrentCount == 0;

    /// <summary>The list paths this host loads.</summary>
    public IReadOnlyList<string> Paths => ListCorpusSource.PathsOf(_lists);

    public Task WaitForFirstLoadAsync(CancellationToken cancellationToken) => _firstLoad.Task.WaitAsync(cancellationToken);

    /// <summary>Loads the lists in the background and swaps them in when complete. Returns the attempt.</summary>
    public async Task<ReloadAttempt> ReloadAsync(string trigger, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var started = _clock.GetUtcNow();
            var sw = Stopwatch.StartNew();
            ReloadAttempt attempt;
            try
            {
                var corpus = await Task.Run(() => _source.Load(_lists, cancellationToken), cancellationToken).ConfigureAwait(false);
                var snapshot = new CorpusSnapshot(corpus, sw.Elapsed);
                Interlocked.Exchange(ref _current, snapshot);
                attempt = new ReloadAttempt(started, _clock.GetUtcNow(), trigger, true, null, corpus.Version);
            }
            catch (Exception e)
            {
                // Any cause, a bug included: the attempt is recorded (and raised below) instead of escaping into a
                // fire-and-forget start-up or watcher task where nobody would see it.
                attempt = new ReloadAttempt(started, _clock.GetUtcNow(), trigger, false, Describe(e), null) { InternalError = !IsLoadFailure(e) };
                Volatile.Write(ref _lastFailure, attempt);
            }

            Volatile.Write(ref _last, attempt);
            _firstLoad.TrySetResult();
            Attempted?.Invoke(attempt, Current);
            return attempt;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Every failure of a load that is the data's fault or the file system's, not a bug: recorded, never
    /// thrown past the host.</summary>
    public static bool IsLoadFailure(Exception e) => e is ListFormatException or LawDataException or IOException or UnauthorizedAccessException
        or InvalidDataException or FormatException or ArgumentException or System.Text.DecoderFallbackException or System.Xml.XmlException
        or System.Text.Json.JsonException or OperationCanceledException;

    /// <summary>The error text of a failed attempt: the message (it names the file and line for a data fault), or the
    /// exception type and message for anything else, marked as an internal error.</summary>
    private static string Describe(Exception e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e is OperationCanceledException ? "load cancelled"
            : IsLoadFailure(e) ? e.Message
            : $"internal error while loading ({e.GetType().Name}): {e.Message}";
    }

    public void Dispose() => _gate.Dispose();
}
