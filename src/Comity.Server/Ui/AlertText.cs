using System.Text.Json;
using Comity.Storage.Alerts;

namespace Comity.Server.Ui;

/// <summary>Display helpers for the JSON stored with an alert (the screened name, the decision's action, its
/// provenance). They read; they decide nothing.</summary>
internal static class AlertText
{
    public static string Status(AlertStatus s) => s switch
    {
        AlertStatus.Open => "open",
        AlertStatus.PendingSecondReview => "pending_second_review",
        AlertStatus.ClosedTrueMatch => "closed_true_match",
        AlertStatus.ClosedFalsePositive => "closed_false_positive",
        _ => "escalated",
    };

    public static string StatusLabel(AlertStatus s) => s switch
    {
        AlertStatus.Open => "Open",
        AlertStatus.PendingSecondReview => "Pending second review",
        AlertStatus.ClosedTrueMatch => "Closed: true match",
        AlertStatus.ClosedFalsePositive => "Closed: false positive",
        _ => "Escalated",
    };

    public static AlertStatus? ParseStatus(string? text) => text switch
    {
        "open" => AlertStatus.Open,
        "pending_second_review" => AlertStatus.PendingSecondReview,
        "closed_true_match" => AlertStatus.ClosedTrueMatch,
        "closed_false_positive" => AlertStatus.ClosedFalsePositive,
        "escalated" => AlertStatus.Escalated,
        _ => null,
    };

    /// <summary>The first name of the screened query.</summary>
    public static string QueryName(string queryJson)
    {
        try
        {
            using var doc = JsonDocument.Parse(queryJson);
            var root = doc.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("name", out var n))
            {
                if (n.ValueKind == JsonValueKind.Array && n.GetArrayLength() > 0 && n[0].ValueKind == JsonValueKind.String)
                {
                    return n[0].GetString() ?? string.Empty;
                }

                if (n.ValueKind == JsonValueKind.String)
                {
                    return n.GetString() ?? string.Empty;
                }
            }
        }
        catch (JsonException)
        {
        }

        return string.Empty;
    }

    /// <summary>The decision's overall action (<c>none</c> without a decision).</summary>
    public static string Action(string decisionJson)
    {
        try
        {
            using var doc = JsonDocument.Parse(decisionJson);
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("action", out var a) && a.ValueKind == JsonValueKind.String
                ? a.GetString() ?? "none"
                : "none";
        }
        catch (JsonException)
        {
            return "none";
        }
    }

    /// <summary>Words of an action for people (<c>must_not_comply</c> → "must not comply").</summary>
    public static string ActionLabel(string action) => action.Replace('_', ' ');
}
