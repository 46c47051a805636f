using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Comity.Application.Runs;
using Comity.Law;
using Comity.Storage.Alerts;
using Comity.Storage.Monitoring;

namespace Comity.Application.Monitoring;

/// <summary>What one subject's new screening changes: alerts to raise, live pairs whose hit vanished, pairs whose
/// listings or decision changed, events, and the state to keep.</summary>
internal sealed record SubjectChanges(
    SubjectHits State, IReadOnlyList<NewMonitorAlert> NewAlerts, IReadOnlyList<PairEnd> Ends, IReadOnlyList<PairUpdate> Updates, IReadOnlyList<NewMonitorEvent> Events);

/// <summary>Compares a subject's new hits with what monitoring knew (its live alerts, its cleared pairs) and decides,
/// the same way whatever triggered the screening (add, delta or full re-screen):
/// <list type="bullet">
/// <item>a matching hit that overlaps a live alert keeps it (its listings and decision are brought up to date; a
/// changed decision is a <c>decision.changed</c> event);</item>
/// <item>a live alert cleared as <c>false_positive</c> stays cleared while neither side's facts (names, dates of birth,
/// identifiers, nationalities) changed; when one did, it reopens: a new alert with reason <c>reopened</c> and the
/// change as its detail (<c>alert.reopened</c>);</item>
/// <item>a new matching hit becomes a new alert (<c>alert.created</c>, reason <c>new_hit</c>, or <c>relisted</c> when the
/// pair was delisted before), unless decision memory holds a cleared pair for it with unchanged facts;</item>
/// <item>a live alert whose hit is gone stops being live; still open, it closes as <c>closed_delisted</c>
/// (<c>alert.closed</c>, reason <c>delisted</c>), else a <c>hit.vanished</c> event records it.</item>
/// </list></summary>
internal sealed class Reconciler(string portfolio, PortfolioScreener screener, TimeProvider clock, string? runId)
{
    public SubjectChanges Reconcile(ScreenedSubject now, SubjectHits? stored, IReadOnlyList<MonitorPair> pairs)
    {
        ArgumentNullException.ThrowIfNull(now);
        ArgumentNullException.ThrowIfNull(pairs);
        var corpus = screener.Corpus;
        var subjectFacts = MatchFacts.Of(now.Query);
        var live = pairs.Where(p => p.Live).ToList();
        var claimed = new HashSet<string>(StringComparer.Ordinal);
        var alerts = new List<NewMonitorAlert>();
        var ends = new List<PairEnd>();
        var updates = new List<PairUpdate>();
        var events = new List<NewMonitorEvent>();
        var kept = new List<MonitoredHit>(now.Hits.Count);
        foreach (var h in now.Hits)
        {
            if (!h.Hit.Match)
            {
                kept.Add(h.Hit);
                continue;
            }

            var ids = h.Hit.Listings.Prepend(h.Hit.EntityId).ToHashSet(StringComparer.Ordinal);
            var entityFacts = MatchFacts.Of(h.Listings);
            var pair = live.FirstOrDefault(p => !claimed.Contains(p.AlertId) && Overlaps(p, ids));
            if (pair is not null)
            {
                claimed.Add(pair.AlertId);
                if (pair.Status == AlertStatus.ClosedFalsePositive)
                {
                    var change = Change(pair, subjectFacts, entityFacts);
                    if (change is null)
                    {
                        kept.Add(h.Hit with { ClearedBy = pair.AlertId });
                        continue;
                    }

                    ends.Add(new PairEnd(pair.AlertId, CloseAlert: false));
                    kept.Add(Raise(now, h, subjectFacts, entityFacts, "reopened", change, pair.AlertId, alerts, events));
                    continue;
                }

                var previous = stored?.Hits.FirstOrDefault(s => s.Match && s.Listings.Prepend(s.EntityId).Any(ids.Contains));
                var listingsChanged = !SameSet(pair.Listings.Split(' '), ids);
                var actionChanged = previous is not null && !string.Equals(previous.Action, h.Hit.Action, StringComparison.Ordinal);
                if (listingsChanged || actionChanged)
                {
                    updates.Add(new PairUpdate(pair.AlertId, Join(h.Hit), ScreeningRuns.DecisionText(h.Decision)));
                }

                if (actionChanged)
                {
                    events.Add(Event("decision.changed", now.SubjectId, pair.AlertId, h, new JsonObject
                    {
                        ["previous_action"] = previous!.Action,
                        ["action"] = h.Hit.Action,
                        ["as_of"] = screener.DecidedOn,
                    }));
                }

                kept.Add(h.Hit);
                continue;
            }

            // No live alert: decision memory looks at the latest alert this subject had on any of these listings.
            var memory = pairs.Where(p => !p.Live && Overlaps(p, ids)).OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.AlertId, StringComparer.Ordinal).FirstOrDefault();
            if (memory is { Status: AlertStatus.ClosedFalsePositive })
            {
                var change = Change(memory, subjectFacts, entityFacts);
                if (change is null)
                {
                    kept.Add(h.Hit with { ClearedBy = memory.AlertId });
                    continue;
                }

                kept.Add(Raise(now, h, subjectFacts, entityFacts, "reopened", change, memory.AlertId, alerts, events));
                continue;
            }

            var reason = memory is null ? "new_hit" : "relisted";
            kept.Add(Raise(now, h, subjectFacts, entityFacts, reason, memory is null ? null : $"alert {memory.AlertId} on this pair ended {Day(memory.EndedAt)}", memory?.AlertId, alerts, events));
        }

        foreach (var pair in live.Where(p => !claimed.Contains(p.AlertId)))
        {
            var close = pair.Status is AlertStatus.Open or AlertStatus.PendingSecondReview or AlertStatus.Escalated;
            ends.Add(new PairEnd(pair.AlertId, close));
            var gone = corpus.Find(pair.EntityId) is null;
            var detail = gone
                ? $"{pair.EntityId} is no longer listed"
                : string.Create(CultureInfo.InvariantCulture, $"{pair.EntityId} no longer matches at threshold {screener.Threshold}");
            var payload = new JsonObject
            {
                ["id"] = NewEventId(),
                ["portfolio"] = portfolio,
                ["subject_id"] = now.SubjectId,
                ["alert_id"] = pair.AlertId,
                ["entity_id"] = pair.EntityId,
                ["reason"] = "delisted",
                ["detail"] = detail,
                ["status_before"] = Storage.StorageCodes.Code(pair.Status),
                ["corpus_version"] = corpus.Version,
                ["run_id"] = runId,
            };
            events.Add(new NewMonitorEvent(payload["id"]!.GetValue<string>(), portfolio, close ? "alert.closed" : "hit.vanished", now.SubjectId, pair.AlertId, payload.ToJsonString()));
        }

        var state = new SubjectHits(kept, now.Overall?.Overall.ToWire());
        return new SubjectChanges(state, alerts, ends, updates, events);
    }

    private MonitoredHit Raise(
        ScreenedSubject now, ScreenedHit h, MatchFacts subjectFacts, MatchFacts entityFacts, string reason, string? detail, string? previous,
        List<NewMonitorAlert> alerts, List<NewMonitorEvent> events)
    {
        var id = Guid.CreateVersion7(clock.GetUtcNow()).ToString("D", CultureInfo.InvariantCulture);
        var queryJson = ScreeningRuns.QueryJson(now.Query);
        var queryHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(queryJson)));
        var e = h.Entity;
        var alert = new NewAlert(now.SubjectId, queryHash, queryJson, e.Id, e.Source, e.SourceId, h.Hit.Score, ScreeningRuns.DecisionText(h.Decision), screener.Corpus.Version, ScreeningRuns.ProvenanceJson(screener.Corpus, e.Source));
        alerts.Add(new NewMonitorAlert(id, now.SubjectId, alert, Join(h.Hit), subjectFacts.ToJson(), entityFacts.ToJson(), reason, detail));
        events.Add(Event(reason == "reopened" ? "alert.reopened" : "alert.created", now.SubjectId, id, h, new JsonObject
        {
            ["reason"] = reason,
            ["detail"] = detail,
            ["previous_alert_id"] = previous,
        }));
        return h.Hit;
    }

    private NewMonitorEvent Event(string type, string subjectId, string alertId, ScreenedHit h, JsonObject extra)
    {
        var id = NewEventId();
        var payload = new JsonObject
        {
            ["id"] = id,
            ["portfolio"] = portfolio,
            ["subject_id"] = subjectId,
            ["alert_id"] = alertId,
            ["entity_id"] = h.Hit.EntityId,
            ["caption"] = h.Entity.Caption,
            ["listings"] = new JsonArray([.. h.Hit.Listings.Select(l => (JsonNode)JsonValue.Create(l))]),
            ["score"] = h.Hit.Score,
            ["action"] = h.Hit.Action,
            ["corpus_version"] = screener.Corpus.Version,
            ["run_id"] = runId,
        };
        foreach (var (k, v) in extra.ToList())
        {
            extra.Remove(k);
            payload[k] = v;
        }

        return new NewMonitorEvent(id, portfolio, type, subjectId, alertId, payload.ToJsonString());
    }

    private string NewEventId() => "ev-" + Guid.CreateVersion7(clock.GetUtcNow()).ToString("N", CultureInfo.InvariantCulture);

    /// <summary>What changed on either side since the alert was raised, or null (decision memory).</summary>
    private static string? Change(MonitorPair pair, MatchFacts subjectFacts, MatchFacts entityFacts)
    {
        var parts = new List<string>();
        if (subjectFacts.ChangesFrom(MatchFacts.FromJson(pair.SubjectFacts)) is { } s)
        {
            parts.Add("subject " + pair.SubjectId + ": " + s);
        }

        if (entityFacts.ChangesFrom(MatchFacts.FromJson(pair.EntityFacts)) is { } e)
        {
            parts.Add("listed " + pair.EntityId + ": " + e);
        }

        return parts.Count == 0 ? null : string.Join(" | ", parts);
    }

    private static bool Overlaps(MonitorPair pair, HashSet<string> ids) =>
        ids.Contains(pair.EntityId) || pair.Listings.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(ids.Contains);

    private static bool SameSet(IEnumerable<string> a, HashSet<string> b)
    {
        var set = a.Where(x => x.Length > 0).ToHashSet(StringComparer.Ordinal);
        return set.SetEquals(b);
    }

    private static string Join(MonitoredHit h) => string.Join(' ', h.Listings.Prepend(h.EntityId).Distinct(StringComparer.Ordinal));

    private static string Day(DateTimeOffset? at) => at is { } a ? a.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "?";
}
