using Comity.Application.Corpus;
using Comity.Application.Monitoring;
using Comity.Storage.Alerts;
using Comity.Storage.Monitoring;
using Comity.Storage.Reviews;
using Microsoft.Extensions.Time.Testing;

namespace Comity.Application.Tests.Monitoring;

/// <summary>After a corpus change, the delta re-screen (reverse index of the portfolio, hits involving removed,
/// changed or relinked entities, near-threshold subjects, re-decisions of the rest) yields exactly what a full
/// re-screen yields: the same alerts (raised, kept, reopened, closed as delisted), the same events and the same
/// matches and decisions per subject, while screening far fewer subjects. On real version pairs (the two bundled OFAC
/// SDN CSV vintages, both ways) and on generated edits of the newer one (three fixed seeds); a third of the alerts
/// raised on add are cleared as false positives first, so decision memory takes part.</summary>
public sealed class DeltaEqualsFullTests(ITestOutputHelper output)
{
    private const string Portfolio = "p";

    public static TheoryData<string> Pairs => ["sdn-2021-to-2024", "sdn-2024-to-2021", "edits-seed-11", "edits-seed-12", "edits-seed-13"];

    [Theory]
    [MemberData(nameof(Pairs))]
    public async Task Delta_rescreen_equals_full_rescreen(string pair)
    {
        var (before, after, subjects) = Build(pair);
        var delta = await RunAsync(before, after, subjects, full: false, nextDay: true);
        var full = await RunAsync(before, after, subjects, full: true, nextDay: true);
        Compare(pair, subjects, delta, full);

        // The next day, every subject with a match that was not screened again has its decisions made again.
        Assert.True(delta.Redecided >= delta.Matches - delta.Screened, $"re-decided {delta.Redecided}, matches {delta.Matches}, screened {delta.Screened}");
    }

    /// <summary>On the day the shards were decided, with the same coverage gaps before and after, the delta re-screen
    /// leaves the decisions of hits the change does not touch as they are (none is re-decided), and still yields what a
    /// full re-screen yields.</summary>
    [Theory]
    [MemberData(nameof(Pairs))]
    public async Task Same_day_delta_rescreen_equals_full_rescreen_without_redeciding_untouched_hits(string pair)
    {
        var (before, after, subjects) = Build(pair);
        var delta = await RunAsync(before, after, subjects, full: false, nextDay: false);
        var full = await RunAsync(before, after, subjects, full: true, nextDay: false);
        Compare(pair, subjects, delta, full);

        // Only subjects with an alert cleared since the add were reconciled again (decision memory marks the hit).
        Assert.True(delta.Redecided <= delta.Cleared, $"re-decided {delta.Redecided}, subjects with a cleared alert {delta.Cleared}");
        Assert.True(delta.Cleared < delta.Matches, $"{delta.Cleared} subjects with a cleared alert of {delta.Matches} with a match");
    }

    /// <summary>On the same day, a new version whose coverage differs (the US profile's OFAC SDN list is now older than
    /// its maximum age, so every decision carries a new gap) makes the delta re-decide every subject with a match, as a
    /// full re-screen would.</summary>
    [Fact]
    public async Task Same_day_coverage_change_redecides_every_match()
    {
        var baseCorpus = MonitorWorld.Sdn2024;
        var subjects = MonitorWorld.Subjects(14, baseCorpus.Entities, fromLists: 300, fromPopulation: 300);
        var edited = ListEdits.Apply(baseCorpus.Entities, ListEdits.Named(baseCorpus.Entities, subjects.Select(s => s.Query!)), 14, count: 40);
        var before = ListEdits.Corpus(baseCorpus.Entities, "base", MonitorWorld.Day1);
        var after = ListEdits.Corpus(edited, "stale", MonitorWorld.Day1, published: "2026-10-01");
        var profile = new PortfolioProfile("US", UsPerson: true);
        var delta = await RunAsync(before, after, subjects, full: false, nextDay: false, profile);
        var full = await RunAsync(before, after, subjects, full: true, nextDay: false, profile);
        Compare("stale", subjects, delta, full);
        // Every subject with a match that was not screened again had its decisions made again.
        Assert.True(delta.Redecided >= delta.Matches - delta.Screened, $"re-decided {delta.Redecided}, matches {delta.Matches}, screened {delta.Screened}");
    }

    private void Compare(string pair, List<SubjectInput> subjects, Result delta, Result full)
    {
        string Count(string prefix) => delta.Outcome.Count(l => l.StartsWith(prefix, StringComparison.Ordinal)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        output.WriteLine($"{pair}: delta screened {delta.Screened} of {full.Screened}, re-decided {delta.Redecided}; {delta.Outcome.Count} outcome lines: alerts created {Count("event alert.created")}, reopened {Count("event alert.reopened")}, closed {Count("event alert.closed")}, vanished {Count("event hit.vanished")}, decisions changed {Count("event decision.changed")}, matches {Count("match ")}, cleared {delta.Outcome.Count(l => l.EndsWith("cleared=True", StringComparison.Ordinal))}");
        foreach (var l in full.Outcome.Except(delta.Outcome, StringComparer.Ordinal))
        {
            output.WriteLine("only in full:  " + l);
            var id = l.Split(' ')[l.StartsWith("event ", StringComparison.Ordinal) ? 2 : 1];
            if (subjects.Find(x => x.Id == id) is { Query: { } q })
            {
                output.WriteLine("  subject " + id + ": " + string.Join(" | ", q.Names) + " " + q.Schema);
            }
        }

        foreach (var l in delta.Outcome.Except(full.Outcome, StringComparer.Ordinal))
        {
            output.WriteLine("only in delta: " + l);
        }

        Assert.Equal(full.Outcome.Count, delta.Outcome.Count);
        Assert.Equal(full.Outcome, delta.Outcome);

        // The change touched the portfolio (new alerts, closed or kept ones) and the delta screened less than all.
        Assert.Contains(delta.Outcome, l => l.StartsWith("event alert.created", StringComparison.Ordinal));
        Assert.Equal(subjects.Count, full.Screened);
        Assert.True(delta.Screened < full.Screened, $"delta screened {delta.Screened} of {full.Screened}");
    }

    private static (ScreeningCorpus Before, ScreeningCorpus After, List<SubjectInput> Subjects) Build(string pair)
    {
        switch (pair)
        {
            case "sdn-2021-to-2024":
            case "sdn-2024-to-2021":
                {
                    var (a, b) = pair == "sdn-2021-to-2024" ? (MonitorWorld.Sdn2021, MonitorWorld.Sdn2024) : (MonitorWorld.Sdn2024, MonitorWorld.Sdn2021);
                    var union = a.Entities.Concat(b.Entities.Where(e => a.Find(e.Id) is null)).ToList();
                    return (a, b, MonitorWorld.Subjects(20261207, union, fromLists: 500, fromPopulation: 500));
                }

            default:
                {
                    var seed = int.Parse(pair["edits-seed-".Length..], System.Globalization.CultureInfo.InvariantCulture);
                    var baseCorpus = MonitorWorld.Sdn2024;
                    var subjects = MonitorWorld.Subjects(seed, baseCorpus.Entities, fromLists: 500, fromPopulation: 500);
                    var targets = ListEdits.Named(baseCorpus.Entities, subjects.Select(s => s.Query!));
                    var edited = ListEdits.Apply(baseCorpus.Entities, targets, seed, count: 60);
                    return (MonitorWorld.FromEntities(baseCorpus.Entities, "base"), MonitorWorld.FromEntities(edited, "seed-" + seed), subjects);
                }
        }
    }

    /// <param name="Matches">Subjects with a match before the change.</param>
    /// <param name="Cleared">Subjects with an alert cleared as a false positive before the change.</param>
    private sealed record Result(List<string> Outcome, int Screened, int Redecided, int Matches, int Cleared);

    private static async Task<Result> RunAsync(
        ScreeningCorpus before, ScreeningCorpus after, List<SubjectInput> subjects, bool full, bool nextDay, PortfolioProfile? profile = null)
    {
        var clock = new FakeTimeProvider(MonitorWorld.Day1);
        var current = before;
        await using var store = await MonitorWorld.OpenAsync(MonitorWorld.TempDb(), clock);
        var service = MonitorWorld.Service(store, () => current, clock, new MonitorOptions { ShardSize = 300 });
        await service.EnsurePortfolioAsync(Portfolio, profile ?? new PortfolioProfile("DE"), null, null, "test");
        await service.AddAsync(Portfolio, subjects, "test");

        // Clear every third alert as a false positive (decision memory takes part in what follows).
        var alerts = await store.ListAlertsAsync(new AlertFilter { Limit = 1000 });
        var cleared = new HashSet<string>(StringComparer.Ordinal);
        foreach (var a in alerts.Items.OrderBy(a => a.QueryId, StringComparer.Ordinal).ThenBy(a => a.EntityId, StringComparer.Ordinal).Where((_, i) => i % 3 == 0))
        {
            Assert.True((await store.ReviewAsync(a.Id, new ReviewRequest("analyst", ReviewOutcome.FalsePositive, "not the same person"))).Accepted);
            cleared.Add(a.QueryId);
        }

        // Later that day, or the next day, the lists change.
        var matches = 0;
        foreach (var s in await store.Monitoring.GetSubjectsAsync(Portfolio, [.. subjects.Select(s => s.Id!)]))
        {
            matches += s.HasMatch ? 1 : 0;
        }

        clock.Advance(nextDay ? TimeSpan.FromDays(1) : TimeSpan.FromHours(2));
        current = after;
        if (full)
        {
            await service.EnqueueFullAsync(Portfolio, "test");
        }
        else
        {
            await service.PlanAsync(after, before, "test");
        }

        var reports = await service.RunPendingAsync("worker");
        Assert.NotEmpty(reports);
        Assert.Empty(await store.Monitoring.ListJobsAsync(JobStatus.Queued, null, 10));
        var ids = subjects.Select(s => s.Id!).ToList();
        return new Result(await MonitorWorld.OutcomeAsync(store, Portfolio, ids), reports.Sum(r => r.Screened), reports.Sum(r => r.Redecided), matches, cleared.Count);
    }
}
