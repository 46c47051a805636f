using System.Data.Common;
using System.Text.Json.Nodes;
using Comity.Storage.Audit;
using Comity.Storage.Reviews;

namespace Comity.Storage.Sql;

internal sealed partial class SqlComityStore
{
    private const string ReviewColumns = "id, alert_id, reviewer, outcome, reason, status_before, status_after, at";

    public Task<ReviewResult> ReviewAsync(string alertId, ReviewRequest review, CancellationToken cancellationToken = default)
    {
        Require(alertId, nameof(alertId));
        ArgumentNullException.ThrowIfNull(review);
        Require(review.Reviewer, nameof(review.Reviewer));
        Require(review.Reason, nameof(review.Reason));
        return WriteAsync(
            async (connection, transaction) =>
            {
                // Locks the alert row (PostgreSQL) so two reviews of one alert are applied one after the other.
                var found = await ReadAlertsAsync(
                    connection, transaction, " WHERE id = @id" + dialect.ForUpdate, cancellationToken, ("@id", alertId))
                    .ConfigureAwait(false);
                if (found.Count == 0)
                {
                    return (new ReviewResult(null, null, ReviewRefusal.AlertNotFound), false);
                }

                var alert = found[0];
                var proposer = await ReadProposerAsync(connection, transaction, alertId, cancellationToken).ConfigureAwait(false);
                var (next, refusal) = (options.ReviewPolicy ?? throw new InvalidOperationException("this store has no review policy configured (StoreOptions.ReviewPolicy)")).Decide(alert.Status, proposer, review.Reviewer, review.Outcome);
                if (next is not { } status)
                {
                    return (new ReviewResult(null, alert, refusal), false);
                }

                var at = Now();
                var id = await Db.ScalarLongAsync(
                    connection,
                    transaction,
                    "INSERT INTO reviews (alert_id, reviewer, outcome, reason, status_before, status_after, at) "
                    + "VALUES (@alert, @reviewer, @outcome, @reason, @before, @after, @at) RETURNING id",
                    cancellationToken,
                    ("@alert", alertId),
                    ("@reviewer", review.Reviewer),
                    ("@outcome", StorageCodes.Code(review.Outcome)),
                    ("@reason", review.Reason),
                    ("@before", StorageCodes.Code(alert.Status)),
                    ("@after", StorageCodes.Code(status)),
                    ("@at", dialect.ToDb(at))).ConfigureAwait(false);
                var updated = await Db.ExecuteAsync(
                    connection,
                    transaction,
                    "UPDATE alerts SET status = @after, updated_at = @at WHERE id = @id AND status = @before",
                    cancellationToken,
                    ("@after", StorageCodes.Code(status)),
                    ("@at", dialect.ToDb(at)),
                    ("@id", alertId),
                    ("@before", StorageCodes.Code(alert.Status))).ConfigureAwait(false);
                if (updated != 1)
                {
                    throw new StoreException($"Alert '{alertId}' changed during its review; retry.");
                }

                var payload = new JsonObject
                {
                    ["review_id"] = id,
                    ["reviewer"] = review.Reviewer,
                    ["outcome"] = StorageCodes.Code(review.Outcome),
                    ["reason"] = review.Reason,
                    ["status_before"] = StorageCodes.Code(alert.Status),
                    ["status_after"] = StorageCodes.Code(status),
                };
                await AppendCoreAsync(
                    connection, transaction, new AuditEntry(review.Reviewer, "alert.reviewed", alertId, payload.ToJsonString()), cancellationToken)
                    .ConfigureAwait(false);
                var stored = new Review(id, alertId, review.Reviewer, review.Outcome, review.Reason, alert.Status, status, at);
                return (new ReviewResult(stored, alert with { Status = status, UpdatedAt = at }, null), true);
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<Review>> GetReviewsAsync(string alertId, CancellationToken cancellationToken = default)
    {
        Require(alertId, nameof(alertId));
        return ReadAsync<IReadOnlyList<Review>>(
            async connection =>
            {
                var reviews = new List<Review>();
                var command = Db.Command(
                    connection, null, "SELECT " + ReviewColumns + " FROM reviews WHERE alert_id = @id ORDER BY id", ("@id", alertId));
                await using (command.ConfigureAwait(false))
                {
                    var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    await using (reader.ConfigureAwait(false))
                    {
                        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                        {
                            reviews.Add(DamagedRowGuard.Read(reader, "reviews", reader => new Review(
                                reader.GetInt64(0),
                                reader.GetString(1),
                                reader.GetString(2),
                                StorageCodes.ParseOutcome(reader.GetString(3)),
                                reader.GetString(4),
                                StorageCodes.ParseStatus(reader.GetString(5)),
                                StorageCodes.ParseStatus(reader.GetString(6)),
                                dialect.ReadTime(reader, 7))));
                        }
                    }
                }

                return reviews;
            },
            cancellationToken);
    }

    /// <summary>Reviewer whose true_match put the alert into pending_second_review most recently.</summary>
    private static async Task<string?> ReadProposerAsync(
        DbConnection connection, DbTransaction transaction, string alertId, CancellationToken cancellationToken)
    {
        var command = Db.Command(
            connection,
            transaction,
            "SELECT reviewer FROM reviews WHERE alert_id = @id AND status_after = @pending ORDER BY id DESC LIMIT 1",
            ("@id", alertId),
            ("@pending", StorageCodes.Code(Alerts.AlertStatus.PendingSecondReview)));
        await using (command.ConfigureAwait(false))
        {
            return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
        }
    }
}
