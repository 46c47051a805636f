using Comity.Core.Model;

namespace Comity.Application.Monitoring;

/// <summary>One subject to add: its id and query, or the error that keeps it out (naming its line or field).</summary>
internal sealed record SubjectInput(string? Id, Query? Query, string? Error, int Line = 0);

/// <summary>What an add did: subjects added, updated (their fields changed), unchanged, refused (with errors), the
/// alerts raised, the run that screened them and the corpus version.</summary>
internal sealed record AddReport(
    string Portfolio, string RunId, string CorpusVersion, int Added, int Updated, int Unchanged, IReadOnlyList<string> Errors, int AlertsCreated, int Matches);

/// <summary>Progress of a long add: subjects processed so far.</summary>
internal sealed record AddProgress(int Processed, int Added, int AlertsCreated);

/// <summary>What one job did.</summary>
internal sealed record JobReport(string JobId, string Portfolio, int Shard, string Kind, int Screened, int Redecided, int AlertsCreated, int AlertsClosed, int Reopened, int DecisionsChanged, string? RunId)
{
    /// <summary>Subjects the reverse index proposed (a delta job).</summary>
    public int ReverseCandidates { get; init; }

    /// <summary>Subjects whose hits involve a removed, changed or relinked entity (a delta job).</summary>
    public int Involving { get; init; }

    /// <summary>Subjects keeping a hit near the threshold (a delta job).</summary>
    public int Near { get; init; }
}
