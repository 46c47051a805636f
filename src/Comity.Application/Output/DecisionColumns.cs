using System.Text.Json;
using Comity.Law;

namespace Comity.Application.Output;

/// <summary>The flat, spreadsheet-friendly view of a <see cref="Decision"/> used by the CSV outputs (the <c>action</c>,
/// <c>conflict</c>, <c>unconfirmed</c> and <c>basis</c> columns).</summary>
internal static class DecisionColumns
{
    /// <summary>The legal bases behind the overall action (and, on a conflict, behind both sides), distinct, in order,
    /// joined by <c>"; "</c>.</summary>
    public static string Basis(Decision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var relevant = decision.Entries.Where(e => e.Action == decision.Overall
            || (decision.Conflict && e.Action is LawAction.Freeze or LawAction.MustNotComply));
        return string.Join("; ", relevant.Select(e => e.Basis).Where(b => !string.IsNullOrEmpty(b)).Distinct(StringComparer.Ordinal));
    }

    /// <summary>The four columns (<c>action</c>, <c>conflict</c>, <c>unconfirmed</c>, <c>basis</c>) of a decision stored as
    /// its wire JSON (an alert's <c>decision</c>), with the same basis rule as <see cref="Basis(Decision)"/>; all empty
    /// when there is no decision (<c>{}</c>) or the JSON is not a decision.</summary>
    public static (string Action, string Conflict, string Unconfirmed, string Basis) FromJson(string? decisionJson)
    {
        var empty = (string.Empty, string.Empty, string.Empty, string.Empty);
        if (string.IsNullOrWhiteSpace(decisionJson))
        {
            return empty;
        }

        try
        {
            using var doc = JsonDocument.Parse(decisionJson);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("action", out var a) || a.ValueKind != JsonValueKind.String)
            {
                return empty;
            }

            var action = a.GetString()!;
            var conflict = root.TryGetProperty("conflict", out var c) && c.ValueKind == JsonValueKind.True;
            var unconfirmed = root.TryGetProperty("unconfirmed", out var u) && u.ValueKind == JsonValueKind.True;
            var bases = new List<string>();
            if (root.TryGetProperty("listings", out var listings) && listings.ValueKind == JsonValueKind.Array)
            {
                foreach (var entry in listings.EnumerateArray())
                {
                    var entryAction = entry.TryGetProperty("action", out var ea) && ea.ValueKind == JsonValueKind.String ? ea.GetString() : null;
                    var basis = entry.TryGetProperty("basis", out var b) && b.ValueKind == JsonValueKind.String ? b.GetString() : null;
                    var relevant = string.Equals(entryAction, action, StringComparison.Ordinal)
                        || (conflict && (entryAction == LawAction.Freeze.ToWire() || entryAction == LawAction.MustNotComply.ToWire()));
                    if (relevant && !string.IsNullOrEmpty(basis) && !bases.Contains(basis, StringComparer.Ordinal))
                    {
                        bases.Add(basis);
                    }
                }
            }

            return (action, conflict ? "true" : "false", unconfirmed ? "true" : "false", string.Join("; ", bases));
        }
        catch (JsonException)
        {
            return empty;
        }
    }
}
