namespace Comity.Application.Batches;

/// <summary>Where a batch run is in its life.</summary>
internal enum BatchState
{
    /// <summary>Uploaded and inspected; waiting for the analyst to confirm the column mapping.</summary>
    Mapping,

    /// <summary>Confirmed; waiting for an earlier run to finish (one run screens at a time).</summary>
    Queued,

    Running,

    Completed,

    /// <summary>Stopped by the analyst; the rows screened so far are in the results and their alerts are kept.</summary>
    Cancelled,

    /// <summary>Stopped by an error (<see cref="BatchJob.Error"/>); the rows screened so far are in the results.</summary>
    Failed,
}

/// <summary>One uploaded customer file and its screening run, as the analyst's desk shows it. Progress counters are
/// updated by the worker and read by any thread.</summary>
internal sealed class BatchJob
{
    private readonly Lock _gate = new();
    private int _processed;
    private int _errors;
    private int _matched;
    private int _alerts;

    internal BatchJob(string id, string owner, BatchFile file, string directory, DateTimeOffset createdAt)
    {
        Id = id;
        Owner = owner;
        File = file;
        Directory = directory;
        CreatedAt = createdAt;
    }

    /// <summary>Random, unguessable id (also the name of the job's folder).</summary>
    public string Id { get; }

    /// <summary>Who uploaded it (the actor of the run and its alerts).</summary>
    public string Owner { get; }

    public BatchFile File { get; }

    internal string Directory { get; }

    public DateTimeOffset CreatedAt { get; }

    public BatchState State { get; private set; } = BatchState.Mapping;

    public DateTimeOffset? StartedAt { get; private set; }

    public DateTimeOffset? FinishedAt { get; private set; }

    /// <summary>Why the run failed (names file and line where the input is at fault).</summary>
    public string? Error { get; private set; }

    /// <summary>The screening run that recorded the alerts, once started.</summary>
    public string? RunId { get; private set; }

    /// <summary>The corpus version screened against, once started.</summary>
    public string? CorpusVersion { get; private set; }

    /// <summary>The column mapping confirmed by the analyst (column → field), once started.</summary>
    public IReadOnlyDictionary<string, string>? Mapping { get; private set; }

    /// <summary>The profile text (<c>DE/financial/2026-12-01</c>) or null without one, once started.</summary>
    public string? Profile { get; private set; }

    /// <summary>Data rows in the file (the denominator of the progress).</summary>
    public int Total => File.RowCount;

    /// <summary>Rows handled so far (screened or reported as errors).</summary>
    public int Processed => Volatile.Read(ref _processed);

    /// <summary>Rows that could not be screened (each is in the results with its line and error).</summary>
    public int Errors => Volatile.Read(ref _errors);

    /// <summary>Rows with at least one match.</summary>
    public int Matched => Volatile.Read(ref _matched);

    /// <summary>Alerts created for review.</summary>
    public int AlertsCreated => Volatile.Read(ref _alerts);

    /// <summary>Progress in whole percent (100 only when the run completed).</summary>
    public int Percent => State == BatchState.Completed ? 100
        : Total == 0 ? 0 : Math.Min(99, (int)(100L * Processed / Total));

    /// <summary>True once the run stopped (completed, cancelled or failed).</summary>
    public bool Finished => State is BatchState.Completed or BatchState.Cancelled or BatchState.Failed;

    /// <summary>The results as CSV (one line per hit, with decision columns; errors as lines with <c>error</c>).</summary>
    public string CsvPath => System.IO.Path.Combine(Directory, "results.csv");

    /// <summary>The results as JSON Lines (one object per input row).</summary>
    public string JsonlPath => System.IO.Path.Combine(Directory, "results.jsonl");

    internal CancellationTokenSource Cancellation { get; } = new();

    internal bool TryQueue(IReadOnlyDictionary<string, string> mapping, string? profile)
    {
        lock (_gate)
        {
            if (State != BatchState.Mapping)
            {
                return false;
            }

            Mapping = mapping;
            Profile = profile;
            State = BatchState.Queued;
            return true;
        }
    }

    internal bool TryStart(DateTimeOffset at)
    {
        lock (_gate)
        {
            if (State != BatchState.Queued)
            {
                return false;
            }

            State = BatchState.Running;
            StartedAt = at;
            return true;
        }
    }

    internal void Started(string runId, string corpusVersion)
    {
        RunId = runId;
        CorpusVersion = corpusVersion;
    }

    internal void Row(bool error, bool matched)
    {
        if (error)
        {
            Interlocked.Increment(ref _errors);
        }

        if (matched)
        {
            Interlocked.Increment(ref _matched);
        }

        Interlocked.Increment(ref _processed);
    }

    internal void Alerts(int created) => Volatile.Write(ref _alerts, created);

    internal void Finish(BatchState state, DateTimeOffset at, string? error = null)
    {
        lock (_gate)
        {
            State = state;
            FinishedAt = at;
            Error = error;
        }
    }

    /// <summary>Asks a queued or running job to stop; a job still being mapped is cancelled at once.</summary>
    internal bool RequestCancel(DateTimeOffset at)
    {
        lock (_gate)
        {
            if (Finished)
            {
                return false;
            }

            if (State is BatchState.Mapping or BatchState.Queued)
            {
                State = BatchState.Cancelled;
                FinishedAt = at;
            }
        }

        Cancellation.Cancel();
        return true;
    }
}
