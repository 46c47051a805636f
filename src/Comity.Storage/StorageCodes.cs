using Comity.Storage.Alerts;
using Comity.Storage.Keys;
using Comity.Storage.Reviews;

namespace Comity.Storage;

/// <summary>The snake_case codes stored in the database and used on the wire for statuses, outcomes and roles.</summary>
public static class StorageCodes
{
    public static string Code(AlertStatus status) => status switch
    {
        AlertStatus.Open => "open",
        AlertStatus.PendingSecondReview => "pending_second_review",
        AlertStatus.ClosedTrueMatch => "closed_true_match",
        AlertStatus.ClosedFalsePositive => "closed_false_positive",
        AlertStatus.Escalated => "escalated",
        AlertStatus.ClosedDelisted => "closed_delisted",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static string Code(ReviewOutcome outcome) => outcome switch
    {
        ReviewOutcome.TrueMatch => "true_match",
        ReviewOutcome.FalsePositive => "false_positive",
        ReviewOutcome.Escalate => "escalate",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome)),
    };

    public static string Code(ApiRole role) => role switch
    {
        ApiRole.Screener => "screener",
        ApiRole.Analyst => "analyst",
        ApiRole.Admin => "admin",
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    public static bool TryParseStatus(string? code, out AlertStatus status) => TryParse(code, Code, out status);

    public static bool TryParseOutcome(string? code, out ReviewOutcome outcome) => TryParse(code, Code, out outcome);

    public static bool TryParseRole(string? code, out ApiRole role) => TryParse(code, Code, out role);

    internal static AlertStatus ParseStatus(string code) =>
        TryParseStatus(code, out var value) ? value : throw new StoreException($"Unknown alert status '{code}' in the database.");

    internal static ReviewOutcome ParseOutcome(string code) =>
        TryParseOutcome(code, out var value) ? value : throw new StoreException($"Unknown review outcome '{code}' in the database.");

    internal static ApiRole ParseRole(string code) =>
        TryParseRole(code, out var value) ? value : throw new StoreException($"Unknown API role '{code}' in the database.");

    private static bool TryParse<T>(string? code, Func<T, string> format, out T value)
        where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(format(candidate), code, StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }
}
