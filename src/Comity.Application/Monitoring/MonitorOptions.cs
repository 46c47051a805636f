namespace Comity.Application.Monitoring;

/// <summary>How monitoring screens, re-screens and notifies. Immutable; every default is here.</summary>
public sealed record MonitorOptions
{
    /// <summary>Hits scoring below this are not kept in a subject's state.</summary>
    public double MinScore { get; init; } = 0.5;

    /// <summary>Hits kept per subject.</summary>
    public int Limit { get; init; } = 20;

    /// <summary>A delta re-screen also screens every subject keeping a hit within this distance of the threshold: the
    /// index's corpus-wide statistics (word rarity over every listed entity, variants mined from every alias) move the
    /// scores of unchanged pairs a little when any entity changes, so a pair this close could cross it. The margin
    /// grows with the change: <see cref="NearMarginScale"/> × (entities added, removed or changed) ÷ (entities in the
    /// new corpus), at least <see cref="NearMarginFloor"/> and at most this.</summary>
    public double NearMargin { get; init; } = 0.05;

    /// <summary>The smallest near margin (see <see cref="NearMargin"/>).</summary>
    public double NearMarginFloor { get; init; } = 0.002;

    /// <summary>The near margin per fraction of the corpus changed (see <see cref="NearMargin"/>).</summary>
    public double NearMarginScale { get; init; } = 2.0;

    /// <summary>The near margin of a change of <paramref name="changed"/> entities in a corpus of <paramref name="entities"/>.</summary>
    public double NearMarginFor(int changed, int entities) =>
        Math.Min(NearMargin, Math.Max(NearMarginFloor, NearMarginScale * changed / Math.Max(1, entities)));

    /// <summary>Subjects per shard (the unit of a re-screen job) of new portfolios.</summary>
    public int ShardSize { get; init; } = 50_000;

    /// <summary>The reverse index (the portfolio's subjects, queried with a changed listed entity's names) returns
    /// candidates scoring at least this in the reverse direction; each is then re-screened in the forward direction.
    /// Far below any threshold: the reverse score only has to be a loose bound on the forward one.</summary>
    public double ReverseMinScore { get; init; } = 0.3;

    /// <summary>A reverse candidate without kept hits is screened again when its forward score against the changed
    /// entity (<see cref="Core.Matching.MatchIndex.Score"/>) is at least <see cref="MinScore"/> less this.</summary>
    public double ForwardMargin { get; init; } = 0.05;

    /// <summary>Candidates scored per reverse query.</summary>
    public int ReverseBudget { get; init; } = 5000;

    /// <summary>Subjects screened per transaction when adding.</summary>
    public int AddBatch { get; init; } = 5000;

    /// <summary>A job's lease; renewed every third of it while the job runs. A worker that dies loses the job to
    /// another one when the lease ends.</summary>
    public TimeSpan JobLease { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Attempts of a job before it is marked failed.</summary>
    public int JobMaxAttempts { get; init; } = 5;

    /// <summary>How often an idle worker looks for jobs and due deliveries.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Attempts of a webhook delivery before it is a dead letter.</summary>
    public int WebhookMaxAttempts { get; init; } = 8;

    /// <summary>Delay before the second attempt; doubled for each further one, up to <see cref="WebhookBackoffCap"/>.</summary>
    public TimeSpan WebhookBackoff { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan WebhookBackoffCap { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Time limit of one delivery attempt.</summary>
    public TimeSpan WebhookTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Lease of a delivery being attempted.</summary>
    public TimeSpan WebhookLease { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Corpus versions a delta may start from; subjects screened against an older one are re-screened in full.</summary>
    public int MaxDeltaSources { get; init; } = 3;
}
