using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Threading.Channels;
using Comity.Application.Corpus;
using Comity.Application.Output;
using Comity.Application.Runs;
using Comity.Application.Screening;
using Comity.Law;
using Comity.Storage;
using Comity.Storage.Alerts;

namespace Comity.Application.Batches;

/// <summary>Background screening of uploaded customer files (CSV or XLSX) for the analyst's desk: upload and inspect
/// (<see cref="BatchFile"/>), confirm the column mapping, run in the background one file at a time through
/// <see cref="ScreeningRuns.ScreenRowsAsync"/> (the one pipeline; alerts recorded per chunk), watch the progress,
/// cancel, download the results as CSV (with decision columns) and JSON Lines. Runs live in this process: a page
/// reload finds them again, a restart does not (their alerts are in the store).</summary>
internal sealed class BatchRuns : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, BatchJob> _jobs = new(StringComparer.Ordinal);
    private readonly Channel<BatchJob> _queue = Channel.CreateUnbounded<BatchJob>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stopping = new();
    private readonly ScreeningRuns _runs;
    private readonly IComityStore _store;
    private readonly Func<CorpusSnapshot?> _corpus;
    private readonly TimeProvider _time;
    private readonly string _root;
    private readonly bool _ownsRoot;
    private readonly Task _worker;

    public BatchRuns(ScreeningRuns runs, IComityStore store, Func<CorpusSnapshot?> corpus, TimeProvider time, BatchOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(time);
        _runs = runs;
        _store = store;
        _corpus = corpus;
        _time = time;
        Options = options ?? new BatchOptions();
        _ownsRoot = Options.Directory is null;
        _root = Options.Directory ?? System.IO.Path.Combine(System.IO.Path.GetTempPath(), "comity-batches-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)));
        CreatePrivateDirectory(_root);
        _worker = Task.Run(WorkAsync);
    }

    public BatchOptions Options { get; }

    /// <summary>Stores an upload and inspects it. Throws <see cref="InvalidDataException"/> naming the file when it is
    /// too large, empty, or neither a CSV with a header nor an XLSX workbook.</summary>
    public async Task<BatchJob> UploadAsync(string owner, string fileName, Stream content, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(content);
        Prune();
        var name = SafeName(fileName);
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var dir = System.IO.Path.Combine(_root, id);
        CreatePrivateDirectory(dir);
        var path = System.IO.Path.Combine(dir, "input");
        try
        {
            var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
            await using (stream.ConfigureAwait(false))
            {
                var buffer = new byte[1 << 16];
                long total = 0;
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    total += read;
                    if (total > Options.MaxUploadBytes)
                    {
                        throw new InvalidDataException($"{name}: larger than the upload limit of {Options.MaxUploadBytes / (1024 * 1024)} MiB");
                    }

                    await stream.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                }

                if (total == 0)
                {
                    throw new InvalidDataException($"{name}: the file is empty");
                }
            }

            var file = BatchFile.Inspect(path, name);
            var job = new BatchJob(id, owner, file, dir, _time.GetUtcNow());
            _jobs[id] = job;
            return job;
        }
        catch
        {
            TryDelete(dir);
            throw;
        }
    }

    /// <summary>The job with this id, or null.</summary>
    public BatchJob? Get(string id) => id is null ? null : _jobs.GetValueOrDefault(id);

    /// <summary>Jobs, newest first; only <paramref name="owner"/>'s when given.</summary>
    public IReadOnlyList<BatchJob> List(string? owner = null) =>
        [.. _jobs.Values.Where(j => owner is null || string.Equals(j.Owner, owner, StringComparison.Ordinal)).OrderByDescending(j => j.CreatedAt).ThenBy(j => j.Id, StringComparer.Ordinal)];

    /// <summary>Confirms the mapping and queues the run. Throws <see cref="ArgumentException"/> naming the file when
    /// the mapping binds no name column or names an unknown field or column, and <see cref="InvalidOperationException"/>
    /// when the job is not waiting for its mapping.</summary>
    public void Start(BatchJob job, IReadOnlyDictionary<string, string> mapping, ScreeningOptions options, ScreenerProfile? profile)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(options);
        job.File.Bind(mapping);
        if (options.Validate() is { } problem)
        {
            throw new ArgumentException($"{problem.Field}: {problem.Message}");
        }

        var profileText = profile is null ? null : $"{profile.Jurisdiction}/{Law.LawJson.RoleName(profile.Role)}/{Law.LawJson.Date(profile.AsOf)}";
        if (!job.TryQueue(mapping, profileText))
        {
            throw new InvalidOperationException($"batch {job.Id} is {job.State.ToString().ToLowerInvariant()}, not waiting for its mapping");
        }

        _settings[job.Id] = (options, profile);
        _queue.Writer.TryWrite(job);
    }

    private readonly ConcurrentDictionary<string, (ScreeningOptions Options, ScreenerProfile? Profile)> _settings = new(StringComparer.Ordinal);

    /// <summary>Asks a job to stop (false when it already finished or does not exist).</summary>
    public bool Cancel(string id) => Get(id) is { } job && job.RequestCancel(_time.GetUtcNow());

    /// <summary>Waits until <paramref name="job"/> has finished (for tests and shutdown).</summary>
    public async Task WaitAsync(BatchJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        while (!job.Finished)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task WorkAsync()
    {
        try
        {
            await foreach (var job in _queue.Reader.ReadAllAsync(_stopping.Token).ConfigureAwait(false))
            {
                if (!job.TryStart(_time.GetUtcNow()))
                {
                    continue;
                }

                await RunAsync(job).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
    }

    private async Task RunAsync(BatchJob job)
    {
        var (options, profile) = _settings.TryRemove(job.Id, out var s) ? s : (new ScreeningOptions(), null);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(job.Cancellation.Token, _stopping.Token);
        try
        {
            var snapshot = _corpus() ?? throw new InvalidOperationException("the lists are still loading; start the run again in a moment");
            using var csvFile = new FileStream(job.CsvPath, FileMode.Create, FileAccess.Write, FileShare.Read);
            using var jsonlFile = new FileStream(job.JsonlPath, FileMode.Create, FileAccess.Write, FileShare.Read);
            using var csv = new ScreeningWriter(csvFile, OutputFormat.Csv);
            using var jsonl = new ScreeningWriter(jsonlFile, OutputFormat.Jsonl);
            var outcome = await Task.Run(
                () => _runs.ScreenRowsAsync(
                    snapshot,
                    job.File.Rows(job.Mapping!),
                    options,
                    profile,
                    job.Owner,
                    (row, result) =>
                    {
                        if (result is null)
                        {
                            csv.WriteError(row);
                            jsonl.WriteError(row);
                        }
                        else
                        {
                            csv.Write(row, result);
                            jsonl.Write(row, result);
                        }

                        job.Row(result is null, result?.HasMatch == true);
                    },
                    runId => job.Started(runId, snapshot.Corpus.Version),
                    Options.ChunkSize,
                    linked.Token),
                linked.Token).ConfigureAwait(false);
            job.Started(outcome.RunId, outcome.CorpusVersion);
            job.Alerts(outcome.AlertsCreated);
            job.Finish(BatchState.Completed, _time.GetUtcNow());
        }
        catch (OperationCanceledException)
        {
            await CountAlertsAsync(job).ConfigureAwait(false);
            job.Finish(BatchState.Cancelled, _time.GetUtcNow());
        }
        catch (Exception e) when (e is InvalidDataException or ArgumentException or IOException or InvalidOperationException or StoreException
            or UnauthorizedAccessException or Sources.Abstractions.ListFormatException or System.Data.Common.DbException)
        {
            await CountAlertsAsync(job).ConfigureAwait(false);
            job.Finish(BatchState.Failed, _time.GetUtcNow(), e.Message);
        }
    }

    /// <summary>After a cancelled or failed run: the alerts its finished chunks recorded.</summary>
    private async Task CountAlertsAsync(BatchJob job)
    {
        try
        {
            if (job.RunId is { } runId)
            {
                var page = await _store.ListAlertsAsync(new AlertFilter { RunId = runId, Limit = 1 }, CancellationToken.None).ConfigureAwait(false);
                job.Alerts((int)page.Total);
            }
        }
        catch (Exception e) when (e is StoreException or InvalidOperationException or System.Data.Common.DbException)
        {
            // The counts stay as they were; the run itself is in the store.
        }
    }

    private void Prune()
    {
        var now = _time.GetUtcNow();
        var finished = _jobs.Values.Where(j => j.Finished || j.State == BatchState.Mapping).OrderBy(j => j.CreatedAt).ToList();
        var excess = _jobs.Count - Options.MaxJobs + 1;
        foreach (var job in finished)
        {
            var old = (job.FinishedAt ?? job.CreatedAt) + Options.Retention < now;
            if (old || excess > 0)
            {
                if (_jobs.TryRemove(job.Id, out _))
                {
                    excess--;
                    TryDelete(job.Directory);
                }
            }
        }
    }

    private static string SafeName(string fileName)
    {
        var name = System.IO.Path.GetFileName(fileName.Replace('\\', '/'));
        name = new string([.. name.Where(c => !char.IsControl(c))]).Trim();
        return name.Length == 0 ? "upload" : name.Length > 120 ? name[..120] : name;
    }

    private static void CreatePrivateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            System.IO.Directory.CreateDirectory(path);
        }
        else
        {
            System.IO.Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private static void TryDelete(string dir)
    {
        try
        {
            if (System.IO.Directory.Exists(dir))
            {
                System.IO.Directory.Delete(dir, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A file still open (a download in progress) is removed at the next prune or at shutdown.
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        foreach (var job in _jobs.Values)
        {
            job.Cancellation.Cancel();
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await _worker.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        foreach (var job in _jobs.Values)
        {
            job.Cancellation.Dispose();
        }

        if (_ownsRoot)
        {
            TryDelete(_root);
        }

        _stopping.Dispose();
    }
}
