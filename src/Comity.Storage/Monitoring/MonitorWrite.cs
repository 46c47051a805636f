using Comity.Storage.Runs;

namespace Comity.Storage.Monitoring;

/// <summary>Everything one monitoring step writes, applied in one transaction (with its audit record): the run and
/// its subjects, subject states, new alerts, ended pairs and closed alerts, updated decisions, events (and their
/// webhook deliveries), shard versions, and the job it completes. Either all of it is stored or none.</summary>
public sealed record MonitorWrite(string Portfolio, string Actor)
{
    /// <summary>A run to create in this transaction (its id is <see cref="RunId"/>, chosen by the caller).</summary>
    public NewScreeningRun? NewRun { get; init; }

    /// <summary>The run the subjects and alerts belong to (new or existing); required when either is given.</summary>
    public string? RunId { get; init; }

    /// <summary>Counts to finish the run with (null leaves it unfinished).</summary>
    public RunCounts? FinishRun { get; init; }

    public IReadOnlyList<RunSubject> RunSubjects { get; init; } = [];

    /// <summary>Subjects to add (a new id takes the next seq) or whose state (and query) changes.</summary>
    public IReadOnlyList<SubjectState> Subjects { get; init; } = [];

    public IReadOnlyList<NewMonitorAlert> NewAlerts { get; init; } = [];

    public IReadOnlyList<PairEnd> Ends { get; init; } = [];

    public IReadOnlyList<PairUpdate> Updates { get; init; } = [];

    public IReadOnlyList<NewMonitorEvent> Events { get; init; } = [];

    /// <summary>Shards whose subjects are now all at this version, decided as of this date.</summary>
    public IReadOnlyList<PortfolioShard> Shards { get; init; } = [];

    public JobCompletion? Job { get; init; }

    /// <summary>The as-of date (yyyy-MM-dd) of the decisions written; a shard created by this write starts with it.</summary>
    public string DecidedOn { get; init; } = "0001-01-01";
}

/// <summary>What a <see cref="MonitorWrite"/> stored: the seq of every subject it added (by id) and the event seqs.</summary>
public sealed record MonitorWriteResult(IReadOnlyDictionary<string, long> AddedSeqs, IReadOnlyList<long> EventSeqs);
