using System.Globalization;
using System.Text;
using System.Text.Json;
using Comity.Application.Alerts;
using Comity.Core.Matching;
using Comity.Server.Security;
using Comity.Server.Ui.Security;
using Comity.Storage;
using Comity.Storage.Alerts;
using Comity.Storage.Audit;
using Comity.Storage.Reviews;
using Microsoft.AspNetCore.Mvc;

namespace Comity.Server.Ui.Pages.Alerts;

/// <summary>One alert: the query and the listed subject side by side, the explanation, every listing, the decision,
/// the review form (four eyes through the store's policy), and the alert's history from the audit log.</summary>
[UiRole(AccessRole.Analyst)]
internal sealed class DetailModel(IComityStore store, CorpusHost host, ServeOptions options) : UiPage
{
    public static IReadOnlyList<string> Reasons { get; } =
    [
        "Same person or entity: identifiers agree",
        "Same person: name, date of birth and nationality agree",
        "Different person: date of birth differs",
        "Different person or entity: nationality or country differs",
        "Different person or entity: identifiers differ",
        "Name only: not enough information, needs senior review",
        "Other (see note)",
    ];

    public Alert Alert { get; private set; } = null!;

    public IReadOnlyList<Review> Reviews { get; private set; } = [];

    public AlertContext Context { get; private set; } = null!;

    public IReadOnlyList<AuditRecord> History { get; private set; } = [];

    public JsonElement Decision { get; private set; }

    public JsonElement Provenance { get; private set; }

    public bool FourEyesEnforced => Session.Authenticated || options.AllowUnauthenticatedReview;

    public bool TrueMatchRefusedWithoutKeys => ReviewGate.Refusal(Session.Caller, ReviewOutcome.TrueMatch, options) is not null;

    /// <summary>Who proposed the true match the alert waits on (when pending second review).</summary>
    public string? Proposer => Alert.Status == AlertStatus.PendingSecondReview ? Reviews.LastOrDefault(r => r.Outcome == ReviewOutcome.TrueMatch)?.Reviewer : null;

    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostReviewAsync(string id, string? outcome, string? reason, string? note)
    {
        var o = outcome switch
        {
            "true_match" => ReviewOutcome.TrueMatch,
            "false_positive" => ReviewOutcome.FalsePositive,
            "escalate" => ReviewOutcome.Escalate,
            _ => (ReviewOutcome?)null,
        };
        var here = "/ui/alerts/" + Uri.EscapeDataString(id);
        var text = string.Join(": ", new[] { reason?.Trim(), note?.Trim() }.Where(s => !string.IsNullOrEmpty(s)));
        if (o is null || text.Length == 0)
        {
            Tell(o is null ? "Choose an outcome." : "Give a reason.", "bad");
            return LocalRedirect(here);
        }

        if (text.Length > 2000)
        {
            Tell("The reason is longer than 2,000 characters.", "bad");
            return LocalRedirect(here);
        }

        if (ReviewGate.Refusal(Session.Caller, o.Value, options) is { } refusal)
        {
            Tell(refusal, "bad");
            return LocalRedirect(here);
        }

        var result = await store.ReviewAsync(id, new ReviewRequest(Session.Name, o.Value, text), HttpContext.RequestAborted);
        if (!result.Accepted)
        {
            Tell(result.Refusal switch
            {
                ReviewRefusal.AlertNotFound => "No such alert.",
                ReviewRefusal.SameReviewer => "Four eyes: you proposed this true match; a second, different reviewer must confirm it.",
                ReviewRefusal.AlertClosed => "This alert is closed and takes no further reviews.",
                _ => "This alert is already escalated; it takes true_match or false_positive.",
            }, "bad");
            return LocalRedirect(here);
        }

        Tell(result.Alert!.Status switch
        {
            AlertStatus.PendingSecondReview => "True match proposed. A second, different reviewer must confirm it before the alert closes.",
            AlertStatus.ClosedTrueMatch => "Confirmed: the alert is closed as a true match.",
            AlertStatus.ClosedFalsePositive => "Closed as a false positive.",
            _ => "Escalated.",
        });
        return LocalRedirect(here);
    }

    private async Task<bool> LoadAsync(string id)
    {
        var ct = HttpContext.RequestAborted;
        var alert = await store.GetAlertAsync(id, ct);
        if (alert is null)
        {
            return false;
        }

        Alert = alert;
        Reviews = await store.GetReviewsAsync(id, ct);
        Context = AlertExplainer.Explain(host.Current, alert);
        var own = await store.ReadAuditForSubjectsAsync([alert.Id, alert.RunId], 500, ct);
        History = [.. own.Where(r => r.Subject == alert.Id || (r.Action == "alerts.created" && r.PayloadJson.Contains(alert.Id, StringComparison.Ordinal)))];
        Decision = Parse(alert.DecisionJson);
        Provenance = Parse(alert.ProvenanceJson);
        return true;
    }

    private static JsonElement Parse(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            return doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            return default;
        }
    }

    public static string? Text(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public static bool Flag(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;

    public static IEnumerable<JsonElement> Items(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array ? v.EnumerateArray() : [];

    public static string Report(JsonElement listing)
    {
        if (listing.ValueKind != JsonValueKind.Object || !listing.TryGetProperty("report", out var r) || r.ValueKind != JsonValueKind.Object)
        {
            return string.Empty;
        }

        var sb = new StringBuilder(Text(r, "to") ?? string.Empty);
        if (r.TryGetProperty("within_days", out var d) && d.ValueKind == JsonValueKind.Number)
        {
            sb.Append(CultureInfo.InvariantCulture, $", within {d.GetInt32()} {Text(r, "days") ?? "calendar"} days");
        }

        if (Text(r, "when") is { } when)
        {
            sb.Append(", ").Append(when);
        }

        return sb.ToString();
    }

    /// <summary>Status of an attribute in the explanation: matched, near, conflicting, or null (not compared).</summary>
    public string? FeatureState(string prefix)
    {
        var fired = Context.Rescored?.Explanation.Features.Where(f => f.Feature.StartsWith(prefix, StringComparison.Ordinal)).ToList() ?? [];
        if (fired.Count == 0)
        {
            return null;
        }

        if (fired.Any(f => f.Feature.Contains("mismatch", StringComparison.Ordinal) || f.Feature.Contains("disjoint", StringComparison.Ordinal) || f.Feature.Contains("conflict", StringComparison.Ordinal)))
        {
            return "conflicting";
        }

        return fired.Any(f => f.Feature.Contains("near", StringComparison.Ordinal) || f.Feature.Contains("slip", StringComparison.Ordinal)) ? "near" : "matched";
    }

    /// <summary>Tokens aligned by the name feature, per side (folded), from its detail <c>a=b 1.00; c~d 0.83</c>.</summary>
    public (HashSet<string> Query, HashSet<string> Listed) Aligned()
    {
        var q = new HashSet<string>(StringComparer.Ordinal);
        var l = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in Context.Rescored?.Explanation.Features ?? [])
        {
            if (f.Feature is not ("name_match" or "weak_alias_match") || f.Detail is null)
            {
                continue;
            }

            foreach (var part in f.Detail.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var pair = part.Split(' ')[0];
                var sep = pair.IndexOfAny(['=', '~']);
                if (sep > 0)
                {
                    q.Add(Fold(pair[..sep]));
                    l.Add(Fold(pair[(sep + 1)..]));
                }
            }
        }

        return (q, l);
    }

    /// <summary>A name split into words, each flagged when its folded form is among <paramref name="aligned"/>.</summary>
    public static IEnumerable<(string Word, bool Aligned)> Words(string name, HashSet<string> aligned) =>
        name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => (w, aligned.Contains(Fold(w))));

    public static string Fold(string s)
    {
        var d = s.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(d.Length);
        foreach (var c in d)
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
        }

        return sb.ToString();
    }

    public static string Feature(FeatureContribution f) => f.Feature.Replace('_', ' ');
}
