using Comity.Storage.Monitoring;

namespace Comity.Application.Monitoring;

/// <summary>A portfolio as an analyst sees it: its settings and subject count, and each shard against the corpus in
/// force.</summary>
/// <param name="CorpusInForce">The version in force, or null while the lists are loading (then no shard is said to be
/// behind).</param>
internal sealed record PortfolioStatus(Portfolio Portfolio, IReadOnlyList<ShardStatus> Shards, string? CorpusInForce)
{
    /// <summary>Shards last screened against another version than the one in force (a re-screen is due).</summary>
    public int ShardsBehind => Shards.Count(s => s.Behind);
}

/// <summary>One shard: the version its subjects were last screened against and the day its decisions were made.</summary>
/// <param name="Behind">The shard was screened against another corpus version than the one in force.</param>
/// <param name="DecidedEarlier">Its decisions were made on an earlier day than today (a re-decision is due).</param>
internal sealed record ShardStatus(PortfolioShard Shard, bool Behind, bool DecidedEarlier);

/// <summary>A webhook with its delivery counts (on <see cref="Webhook.Deliveries"/>) and its first dead letters (oldest first).</summary>
internal sealed record WebhookStatus(Webhook Webhook, IReadOnlyList<WebhookDelivery> DeadLetters)
{
    /// <summary>Deliveries of the webhook with that status.</summary>
    public long Count(DeliveryStatus status) =>
        Webhook.Deliveries.TryGetValue(status switch { DeliveryStatus.Pending => "pending", DeliveryStatus.Delivered => "delivered", _ => "dead" }, out var n) ? n : 0;
}

/// <summary>A portfolio's re-screen jobs by status, at most <paramref name="Limit"/> of each (oldest first).</summary>
internal sealed record JobBoard(IReadOnlyDictionary<JobStatus, IReadOnlyList<MonitorJob>> ByStatus, int Limit)
{
    /// <summary>The jobs with that status (at most <see cref="Limit"/>).</summary>
    public IReadOnlyList<MonitorJob> Of(JobStatus status) => ByStatus.TryGetValue(status, out var l) ? l : [];
}
