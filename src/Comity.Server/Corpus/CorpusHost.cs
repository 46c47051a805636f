using System.Diagnostics;
using Comity.Application.Corpus;
using Comity.Server.Metrics;
using Comity.Sources.Abstractions;

namespace Comity.Server.Corpus;

/// <summary>Holds the corpus in force and replaces it atomically. Loads run in the background, one at a time; a
/// load that fails (an unreadable file) leaves the previous corpus serving and records the error.</summary>
internal sealed partial class CorpusHost : IDisposable
{
    private readonly Func<IReadOnlyList<string>> _paths;
    private readonly TimeProvider _clock;
    private readonly ILogger<CorpusHost> _log;
    private readonly ServerMetrics _metrics;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly TaskCompletionSource _firstLoad = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CorpusSnapshot? _current;
    private ReloadAttempt? _last;
    private ReloadAttempt? _lastFailure;

    public CorpusHost(Func<IReadOnlyList<string>> paths, TimeProvider clock, ILogger<CorpusHost> log, ServerMetrics metrics)
    {
        _paths = paths;
        _clock = clock;
        _log = log;
        _metrics = metrics;
    }

    /// <summary>The corpus in force, or null before the first successful load. Read once per request.</summary>
    public CorpusSnapshot? Current => Volatile.Read(ref _current);

    public ReloadAttempt? LastAttempt => Volatile.Read(ref _last);

    public ReloadAttempt? LastFailure => Volatile.Read(ref _lastFailure);

    /// <summary>Raised after every load attempt, successful or not.</summary>
    public event Action<ReloadAttempt>? Attempted;

    /// <summary>True while a reload is running.</summary>
    public bool Reloading => _gate.CurrentCount == 0;

    /// <summary>The list paths this host loads.</summary>
    public IReadOnlyList<string> Paths => _paths();

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
                var paths = _paths();
                var corpus = await Task.Run(() => CorpusLoader.Load(paths, _clock, cancellationToken: cancellationToken), cancellationToken).ConfigureAwait(false);
                var snapshot = new CorpusSnapshot(corpus, sw.Elapsed);
                var previous = Interlocked.Exchange(ref _current, snapshot);
                attempt = new ReloadAttempt(started, _clock.GetUtcNow(), trigger, true, null, corpus.Version);
                _metrics.CorpusSwapped(snapshot, sw.Elapsed);
                LogLoaded(corpus.Version, corpus.Entities.Length, corpus.Datasets.Length, sw.ElapsedMilliseconds, previous?.Corpus.Version ?? "none", trigger);
            }
            catch (Exception e) when (e is ListFormatException or IOException or UnauthorizedAccessException or InvalidDataException or FormatException)
            {
                attempt = new ReloadAttempt(started, _clock.GetUtcNow(), trigger, false, e.Message, null);
                Volatile.Write(ref _lastFailure, attempt);
                _metrics.ReloadFailed();
                LogFailed(e.Message, trigger, _current?.Corpus.Version ?? "none");
            }

            Volatile.Write(ref _last, attempt);
            _firstLoad.TrySetResult();
            Attempted?.Invoke(attempt);
            return attempt;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "corpus {Version} in force: {Entities} entities from {Datasets} lists, loaded in {Millis} ms (replaced {Previous}; trigger {Trigger})")]
    private partial void LogLoaded(string version, int entities, int datasets, long millis, string previous, string trigger);

    [LoggerMessage(Level = LogLevel.Error, Message = "corpus reload failed ({Trigger}): {Error}; corpus {Version} stays in force")]
    private partial void LogFailed(string error, string trigger, string version);
}
