using Comity.Application.Corpus;
using Comity.Application.Input;
using Comity.Application.Monitoring;
using Comity.Application.Reviews;
using Comity.Application.Tests.Measures;
using Comity.Core.Model;
using Comity.Law;
using Comity.Storage;
using Microsoft.Extensions.Time.Testing;

namespace Comity.Application.Tests.Monitoring;

/// <summary>What the monitoring tests share: corpora of real list versions (loaded once), corpora built from entity
/// sets (generated edits), subjects drawn from the lists and the labelled population, a SQLite store per test
/// and a fake clock.</summary>
internal static class MonitorWorld
{
    public static readonly DateTimeOffset Day1 = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    public static Lazy<LawEngine> Law { get; } = new(() => LawEngine.LoadDefault(DefaultCorpus.DataDirectory()), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>UN consolidated and the 2021 OFAC SDN CSV set (the older real vintage).</summary>
    public static ScreeningCorpus Sdn2021 => Old.Value;

    /// <summary>UN consolidated and the 2024 OFAC SDN CSV set (the newer real vintage).</summary>
    public static ScreeningCorpus Sdn2024 => New.Value;

    private static readonly Lazy<ScreeningCorpus> Old = new(() => CorpusLoader.Load([EvalData.Path("data/lists/un/UN_consolidated.xml"), EvalData.Path("data/lists/ofac/sdn-csv-2021")]), LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly Lazy<ScreeningCorpus> New = new(() => CorpusLoader.Load([EvalData.Path("data/lists/un/UN_consolidated.xml"), EvalData.Path("data/lists/ofac/sdn-csv")]), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>A corpus of exactly these entities (see <see cref="ListEdits.Corpus"/>).</summary>
    public static ScreeningCorpus FromEntities(IReadOnlyList<Entity> entities, string label) => ListEdits.Corpus(entities, label, Day1);

    /// <summary>Subjects drawn with a fixed seed: variants of listed names (exact, words reordered, one letter changed,
    /// with the listed date of birth or not) from <paramref name="listed"/>, and people and companies from the labelled
    /// population (mostly not listed).</summary>
    public static List<SubjectInput> Subjects(int seed, IReadOnlyList<Entity> listed, int fromLists, int fromPopulation)
    {
        var rng = new Random(seed);
        var subjects = new List<SubjectInput>();
        var candidates = listed.Where(e => e.Schema is Schema.Person or Schema.Organization or Schema.Company or Schema.LegalEntity && !e.Names.IsDefaultOrEmpty).ToList();
        for (var i = 0; i < fromLists; i++)
        {
            var e = candidates[rng.Next(candidates.Count)];
            var name = e.Names[rng.Next(e.Names.Length)].Full;
            var variant = rng.Next(4) switch
            {
                0 => name,
                1 => string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Reverse()),
                2 => Typo(name, rng),
                _ => name.ToUpperInvariant(),
            };
            var q = new Query
            {
                Id = "L" + i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Schema = e.Schema == Schema.Person ? Schema.Person : Schema.LegalEntity,
                Names = [variant],
                BirthDates = e.BirthDates.Length > 0 && rng.Next(2) == 0 ? [e.BirthDates[0]] : [],
            };
            subjects.Add(new SubjectInput(q.Id, q, null));
        }

        var population = QueryCsvReader.Read(EvalData.PopulationCsv).Where(r => r.Query is not null).ToList();
        for (var i = 0; i < fromPopulation; i++)
        {
            var q = population[rng.Next(population.Count)].Query! with { Id = "P" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            subjects.Add(new SubjectInput(q.Id, q, null));
        }

        return subjects;
    }

    public static string Typo(string name, Random rng) => ListEdits.Typo(name, rng);

    public static string TempDb()
    {
        var dir = Path.Combine(Path.GetTempPath(), "comity-monitor-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return "sqlite:" + Path.Combine(dir, "comity.db");
    }

    public static Task<IComityStore> OpenAsync(string spec, TimeProvider clock) =>
        ComityStores.OpenAsync(spec, new StoreOptions { TimeProvider = clock, ReviewPolicy = FourEyesPolicy.Instance });

    /// <summary>A service whose corpus in force is whatever <paramref name="current"/> holds.</summary>
    public static MonitorService Service(IComityStore store, Func<ScreeningCorpus?> current, FakeTimeProvider clock, MonitorOptions? options = null) =>
        new(store, current, Law, clock, options);

    /// <summary>The monitoring outcome that must not depend on how the re-screen was done: every alert monitoring
    /// raised (subject, listed entity, status, reason, detail, live) and every event (type, subject, entity,
    /// reason, detail, action before and after), as sorted text lines without ids or times.</summary>
    public static async Task<List<string>> OutcomeAsync(IComityStore store, string portfolio, IReadOnlyList<string> subjectIds)
    {
        var lines = new List<string>();
        foreach (var p in await store.Monitoring.GetPairsAsync(portfolio, subjectIds))
        {
            lines.Add($"alert {p.SubjectId} {p.EntityId} {StorageCodes.Code(p.Status)} {p.Reason} live={p.Live} [{p.Listings}] {p.Detail}");
        }

        var after = 0L;
        while (true)
        {
            var events = await store.Monitoring.ReadEventsAsync(after, 1000, portfolio);
            if (events.Count == 0)
            {
                break;
            }

            foreach (var e in events.Where(e => e.Type is not ("rescreen.completed" or "subjects.added")))
            {
                var o = System.Text.Json.Nodes.JsonNode.Parse(e.PayloadJson)!.AsObject();
                lines.Add($"event {e.Type} {e.SubjectId} {o["entity_id"]} {o["reason"]} {o["detail"]} {o["previous_action"]} {o["action"]} score={(e.Type.StartsWith("alert.c", StringComparison.Ordinal) && e.Type != "alert.closed" ? o["score"]?.ToString() : "-")}");
            }

            after = events[^1].Seq;
        }

        foreach (var s in await store.Monitoring.GetSubjectsAsync(portfolio, subjectIds))
        {
            var state = SubjectHits.FromJson(s.StateJson);
            foreach (var h in state.Hits.Where(h => h.Match).OrderBy(h => h.EntityId, StringComparer.Ordinal))
            {
                lines.Add($"match {s.SubjectId} [{string.Join(' ', h.Listings.Append(h.EntityId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))}] {h.Action} cleared={h.ClearedBy is not null}");
            }
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }
}
