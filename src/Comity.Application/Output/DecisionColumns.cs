using Comity.Law;

namespace Comity.Application.Output;

/// <summary>The flat, spreadsheet-friendly view of a <see cref="Decision"/> used by the CSV outputs (the <c>action</c>,
/// <c>conflict</c>, <c>unconfirmed</c> and <c>basis</c> columns).</summary>
public static class DecisionColumns
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
}
