namespace Comity.Storage.Monitoring;

/// <summary>A monitored portfolio: its screener profile (JSON), threshold and shard size, how many subjects it holds
/// and a revision that grows with every change to its subjects.</summary>
public sealed record Portfolio(
    string Name, string ProfileJson, double Threshold, int ShardSize, long Subjects, long Revision, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>A portfolio to create (or to find, when one of that name exists with the same settings).</summary>
public sealed record NewPortfolio(string Name, string ProfileJson, double Threshold, int ShardSize);

/// <summary>The shard <paramref name="Shard"/> of a portfolio: the subjects with seq in [Shard × size, (Shard + 1) ×
/// size), last screened against <paramref name="CorpusVersion"/>, decisions made as of <paramref name="DecidedOn"/>
/// (yyyy-MM-dd).</summary>
public sealed record PortfolioShard(string Portfolio, int Shard, string CorpusVersion, string DecidedOn)
{
    /// <summary>Grows with every subject added, changed or removed in the shard.</summary>
    public long Revision { get; init; }
}
