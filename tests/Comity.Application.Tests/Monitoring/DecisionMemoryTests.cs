using Comity.Application.Corpus;
using Comity.Application.Monitoring;
using Comity.Core.Model;
using Comity.Storage.Alerts;
using Comity.Storage.Reviews;
using Microsoft.Extensions.Time.Testing;

namespace Comity.Application.Tests.Monitoring;

/// <summary>Decision memory: a hit cleared as false_positive stays cleared for that subject and listed entity while
/// only fields that do not matter to the match change (programmes, listing date), and reopens, with the change as its
/// reason, when either side gains a name, a date of birth, an identifier or a nationality. Cleared pairs are kept
/// without a cap. Real UN entities; list versions as entity sets.</summary>
public sealed class DecisionMemoryTests
{
    private const string Portfolio = "memory";

    [Fact]
    public async Task A_cleared_hit_stays_cleared_until_a_name_date_identifier_or_nationality_changes_then_reopens_with_the_reason()
    {
        var un = MonitorWorld.Sdn2024.Entities.Where(e => e.Source == "un-sc").ToList();
        var target = un.First(e => e.Schema == Schema.Person && e.Names.Length >= 2 && e.BirthDates.Length > 0 && e.Nationalities.Length > 0);
        var v1 = MonitorWorld.FromEntities(un, "v1");
        var current = v1;
        var clock = new FakeTimeProvider(MonitorWorld.Day1);
        await using var store = await MonitorWorld.OpenAsync(MonitorWorld.TempDb(), clock);
        var service = MonitorWorld.Service(store, () => current, clock);
        await service.EnsurePortfolioAsync(Portfolio, PortfolioProfile.None, null, null, "test", cancellationToken: TestContext.Current.CancellationToken);
        var subject = new Query { Id = "cust-1", Schema = Schema.Person, Names = [target.Caption] };
        var added = await service.AddAsync(Portfolio, [new SubjectInput("cust-1", subject, null)], "test", cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(1, added.AlertsCreated);
        var first = (await store.ListAlertsAsync(new AlertFilter(), TestContext.Current.CancellationToken)).Items.Single(a => a.EntityId == target.Id);
        Assert.True((await store.ReviewAsync(first.Id, new ReviewRequest("analyst", ReviewOutcome.FalsePositive, "different person: other date of birth"), TestContext.Current.CancellationToken)).Accepted);

        // 1. The programme and listing date change: no name, date, identifier or nationality: the hit stays cleared.
        var v2 = Replace(un, target with { Programs = ["CHANGED-PROGRAMME"], ListedOn = new PartialDate(2026, 11, 1) }, "v2");
        var pairs = await StepAsync(service, store, () => current = v2, v1, v2, clock);
        var live = Assert.Single(pairs, p => p.Live);
        Assert.Equal(first.Id, live.AlertId);
        Assert.Equal(AlertStatus.ClosedFalsePositive, live.Status);
        Assert.Single(pairs);
        var state = SubjectHits.FromJson((await store.Monitoring.GetSubjectsAsync(Portfolio, ["cust-1"], TestContext.Current.CancellationToken))[0].StateJson);
        Assert.Equal(first.Id, state.Hits.Single(h => h.Match).ClearedBy);

        // 2. The listed entity gains a name: the pair reopens, and the reason names the new alias.
        var v3 = Replace(v2.Entities, v2.Find(target.Id)! with { Names = v2.Find(target.Id)!.Names.Add(new EntityName(target.Caption + " Junior", NameKind.Alias)) }, "v3");
        pairs = await StepAsync(service, store, () => current = v3, v2, v3, clock);
        var reopened = Assert.Single(pairs, p => p.Live);
        Assert.NotEqual(first.Id, reopened.AlertId);
        Assert.Equal("reopened", reopened.Reason);
        Assert.Equal(AlertStatus.Open, reopened.Status);
        Assert.Contains("listed " + target.Id + ": names: +\"" + target.Caption + " Junior\"", reopened.Detail, StringComparison.Ordinal);
        var events = await store.Monitoring.ReadEventsAsync(0, 1000, Portfolio, TestContext.Current.CancellationToken);
        var reopenEvent = Assert.Single(events, e => e.Type == "alert.reopened");
        Assert.Equal(reopened.AlertId, reopenEvent.AlertId);
        Assert.Contains(first.Id, reopenEvent.PayloadJson, StringComparison.Ordinal);

        // 3. Cleared again; then the subject's own record gains a date of birth: it reopens again, naming that.
        Assert.True((await store.ReviewAsync(reopened.AlertId, new ReviewRequest("analyst", ReviewOutcome.FalsePositive, "still not him"), TestContext.Current.CancellationToken)).Accepted);
        var dob = target.BirthDates[0];
        var updated = await service.AddAsync(Portfolio, [new SubjectInput("cust-1", subject with { BirthDates = [dob] }, null)], "test", cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(1, updated.Updated);
        pairs = await store.Monitoring.GetPairsAsync(Portfolio, ["cust-1"], TestContext.Current.CancellationToken);
        var third = Assert.Single(pairs, p => p.Live);
        Assert.Equal("reopened", third.Reason);
        Assert.Contains("subject cust-1: dates of birth: +\"" + dob + "\"", third.Detail, StringComparison.Ordinal);

        // 4. Cleared again; a nationality added to the listing reopens it; an unchanged re-screen keeps it cleared.
        Assert.True((await store.ReviewAsync(third.AlertId, new ReviewRequest("analyst", ReviewOutcome.FalsePositive, "no"), TestContext.Current.CancellationToken)).Accepted);
        var v4 = Replace(v3.Entities, v3.Find(target.Id)! with { Nationalities = v3.Find(target.Id)!.Nationalities.Add("zz") }, "v4");
        pairs = await StepAsync(service, store, () => current = v4, v3, v4, clock);
        var fourth = Assert.Single(pairs, p => p.Live);
        Assert.Equal("reopened", fourth.Reason);
        Assert.Contains("nationalities: +\"zz\"", fourth.Detail, StringComparison.Ordinal);
        Assert.Equal(4, pairs.Count);
        Assert.Equal(3, pairs.Count(p => p.Status == AlertStatus.ClosedFalsePositive));
    }

    [Fact]
    public async Task Every_cleared_pair_is_remembered_without_a_cap()
    {
        // 1,200 subjects, each the primary name of a UN listing: every hit cleared, then a re-screen of all of them
        // raises nothing again.
        var un = MonitorWorld.Sdn2024.Entities.Where(e => e.Source == "un-sc").ToList();
        var corpus = MonitorWorld.FromEntities(un, "un");
        var clock = new FakeTimeProvider(MonitorWorld.Day1);
        await using var store = await MonitorWorld.OpenAsync(MonitorWorld.TempDb(), clock);
        var service = MonitorWorld.Service(store, () => corpus, clock);
        await service.EnsurePortfolioAsync(Portfolio, PortfolioProfile.None, null, null, "test", cancellationToken: TestContext.Current.CancellationToken);
        var subjects = un.Take(1200).Select((e, i) => new SubjectInput("s" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), new Query { Names = [e.Caption], Schema = e.Schema == Schema.Person ? Schema.Person : Schema.LegalEntity }, null)).ToList();
        var report = await service.AddAsync(Portfolio, subjects, "test", cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(report.AlertsCreated >= 1000, report.AlertsCreated.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var cleared = 0;
        for (var offset = 0; ; offset += 1000)
        {
            var page = await store.ListAlertsAsync(new AlertFilter { Status = AlertStatus.Open, Limit = 1000 }, TestContext.Current.CancellationToken);
            if (page.Items.Count == 0)
            {
                break;
            }

            foreach (var a in page.Items)
            {
                Assert.True((await store.ReviewAsync(a.Id, new ReviewRequest("analyst", ReviewOutcome.FalsePositive, "bulk clear"), TestContext.Current.CancellationToken)).Accepted);
                cleared++;
            }
        }

        Assert.Equal(report.AlertsCreated, cleared);
        clock.Advance(TimeSpan.FromDays(1));
        await service.EnqueueFullAsync(Portfolio, "test", cancellationToken: TestContext.Current.CancellationToken);
        var jobs = await service.RunPendingAsync("worker", TestContext.Current.CancellationToken);
        Assert.Equal(subjects.Count, jobs.Sum(j => j.Screened));
        Assert.Equal(0, jobs.Sum(j => j.AlertsCreated + j.Reopened));
        Assert.Equal(0, (await store.ListAlertsAsync(new AlertFilter { Status = AlertStatus.Open }, TestContext.Current.CancellationToken)).Total);
    }

    private static ScreeningCorpus Replace(IReadOnlyList<Entity> entities, Entity changed, string label) =>
        MonitorWorld.FromEntities([.. entities.Select(e => e.Id == changed.Id ? changed : e)], label);

    private static async Task<IReadOnlyList<Storage.Monitoring.MonitorPair>> StepAsync(MonitorService service, Storage.IComityStore store, Action swap, ScreeningCorpus before, ScreeningCorpus after, FakeTimeProvider clock)
    {
        clock.Advance(TimeSpan.FromDays(1));
        swap();
        Assert.True(await service.PlanAsync(after, before, "test") > 0);
        var jobs = await service.RunPendingAsync("worker");
        Assert.Equal(1, jobs.Sum(j => j.Screened));
        return await store.Monitoring.GetPairsAsync(Portfolio, ["cust-1"]);
    }
}
