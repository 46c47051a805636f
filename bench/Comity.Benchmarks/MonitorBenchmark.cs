using System.Diagnostics;
using System.Globalization;
using Comity.Application.Corpus;
using Comity.Application.Input;
using Comity.Application.Lists;
using Comity.Application.Monitoring;
using Comity.Application.Reviews;
using Comity.Application.Tests.Measures;
using Comity.Application.Tests.Monitoring;
using Comity.Core.Model;
using Comity.Law;
using Comity.Storage;

namespace Comity.Benchmarks;

/// <summary>The monitoring benchmark behind the README's "Monitoring" section:
/// <c>dotnet run --project bench/Comity.Benchmarks -c Release -- monitor [--subjects 1000000] [--changes 50]
/// [--shard-size 50000] [--db sqlite:PATH] [--snapshot PATH] [--coverage-change] [--no-full] [--verbose]</c>. A generated portfolio (fixed seed: people and companies built from the
/// labelled population's given and family names, dates of birth and nationalities, and 1 % variants of listed names)
/// is added to a store against the default corpus (rows/s, memory); the corpus then changes by about
/// <c>--changes</c> generated edits (half of them to entities the portfolio's subjects were drawn from); the delta
/// re-screen is timed, then a full re-screen of the same portfolio to the same version as the baseline (not with
/// <c>--no-full</c>). The edited lists keep their data dates unless <c>--coverage-change</c>. <c>--snapshot PATH</c>
/// (SQLite) keeps a copy of the store after the add in PATH, and when PATH exists starts from a copy of it instead of
/// adding again; <c>--verbose</c> prints each job's phases (milliseconds).</summary>
internal static class MonitorBenchmark
{
    public static int Run(string[] args)
    {
        var inv = CultureInfo.InvariantCulture;
        var subjects = Arg(args, "--subjects", 1_000_000);
        var changes = Arg(args, "--changes", 50);
        var shardSize = Arg(args, "--shard-size", 50_000);
        var db = Text(args, "--db") ?? "sqlite:" + Path.Combine(Path.GetTempPath(), $"comity-monitor-bench-{Guid.NewGuid():N}.db");
        var snapshot = Text(args, "--snapshot");
        var verbose = Array.IndexOf(args, "--verbose") >= 0;
        if (snapshot is not null && !db.StartsWith("sqlite:", StringComparison.Ordinal))
        {
            throw new ArgumentException("--snapshot needs a SQLite store");
        }

        var reuse = snapshot is not null && File.Exists(snapshot);
        if (reuse)
        {
            File.Copy(snapshot!, db["sqlite:".Length..], overwrite: true);
        }
        Console.WriteLine(string.Create(inv, $"Comity monitoring benchmark — {Environment.ProcessorCount} cores, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, load average {LoadAverage()}"));
        Console.WriteLine(string.Create(inv, $"portfolio {subjects:N0} subjects, shard size {shardSize:N0}, ~{changes} list changes, store {db}"));

        var sw = Stopwatch.StartNew();
        var before = CorpusLoader.LoadDefault();
        Console.WriteLine(string.Create(inv, $"default corpus: {before.Entities.Length:N0} entities, loaded in {sw.Elapsed.TotalSeconds:0.0} s"));
        var inputs = Generate(before, subjects, new Random(20261207));

        var clock = TimeProvider.System;
        var store = ComityStores.Open(db, new StoreOptions { TimeProvider = clock, ReviewPolicy = FourEyesPolicy.Instance });
        var current = before;
        var law = new Lazy<LawEngine>(() => LawEngine.LoadDefault(DefaultCorpus.DataDirectory()));
        var options = new MonitorOptions { ShardSize = shardSize };
        var service = new MonitorService(store, () => current, law, clock, options);
        if (verbose)
        {
            service.Timing += line => Console.WriteLine("  " + line);
        }

        service.EnsurePortfolioAsync("bench", new PortfolioProfile("DE"), null, null, "bench").GetAwaiter().GetResult();

        // 1. Add: screen every subject against the corpus and store it (state, run subjects, alerts, events).
        GC.Collect();
        var heapBefore = GC.GetTotalMemory(true);
        sw.Restart();
        var last = Stopwatch.StartNew();
        var report = service.AddAsync("bench", reuse ? [] : inputs, "bench", p =>
        {
            if (last.Elapsed.TotalSeconds >= 30)
            {
                Console.WriteLine(string.Create(inv, $"  … {p.Processed:N0} subjects in {sw.Elapsed.TotalSeconds:0} s ({p.Processed / sw.Elapsed.TotalSeconds:N0}/s), {p.AlertsCreated:N0} alerts"));
                last.Restart();
            }
        }).GetAwaiter().GetResult();
        var add = sw.Elapsed;
        var peakAfterAdd = Process.GetCurrentProcess().PeakWorkingSet64;
        Console.WriteLine(string.Create(inv, $"add: {report.Added:N0} subjects in {add.TotalSeconds:0.0} s = {report.Added / add.TotalSeconds:N0} subjects/s; {report.Matches:N0} with a match, {report.AlertsCreated:N0} alerts; load average {LoadAverage()}"));
        if (snapshot is not null && !reuse)
        {
            // The added portfolio, kept for the next run (--snapshot PATH): that run starts from a copy and skips the add.
            // Every pooled connection closed first: the last one checkpoints the write-ahead log into the file, so the
            // copy is whole (a copy taken while the log still held pages failed its integrity check later).
            store.DisposeAsync().AsTask().GetAwaiter().GetResult();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (File.Exists(db["sqlite:".Length..] + "-wal") && new FileInfo(db["sqlite:".Length..] + "-wal").Length > 0)
            {
                throw new InvalidOperationException("the store's write-ahead log was not checkpointed; no snapshot taken");
            }

            File.Copy(db["sqlite:".Length..], snapshot, overwrite: false);
            store = ComityStores.Open(db, new StoreOptions { TimeProvider = clock, ReviewPolicy = FourEyesPolicy.Instance });
            service = new MonitorService(store, () => current, law, clock, options);
            if (verbose)
            {
                service.Timing += line => Console.WriteLine("  " + line);
            }
        }

        Console.WriteLine(string.Create(inv, $"memory: managed heap {(GC.GetTotalMemory(true) - heapBefore) / 1e6:N0} MB above the loaded corpus; peak working set {peakAfterAdd / 1e6:N0} MB; database {DbSize(db)}"));

        // 2. The reverse indexes of the shards (built once, then kept per shard revision).
        sw.Restart();
        service.WarmAsync("bench").GetAwaiter().GetResult();
        Console.WriteLine(string.Create(inv, $"reverse indexes of {Math.Ceiling(subjects / (double)shardSize)} shards built in {sw.Elapsed.TotalSeconds:0.0} s; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:N0} MB"));

        // 3. The lists change: ~changes generated edits.
        var rng = new Random(20261208);
        var named = ListEdits.Named(before.Entities, inputs.Take(Math.Min(subjects, 50_000)).Select(i => i.Query!));
        var edited = ListEdits.Apply(before.Entities, named.Count > 0 ? named : before.Entities, 20261208, changes);
        sw.Restart();
        // Each list keeps the data date it had (an update that leaves every list as current as it was), unless
        // --coverage-change dates them all 2026-11-29: the coverage gaps of the profile then change, and every decision
        // must be made again.
        var coverageChange = Array.IndexOf(args, "--coverage-change") >= 0;
        var dates = ListStatuses.Of(before).Where(s => s.Loaded && s.DataDate is not null)
            .ToDictionary(s => s.Source, s => s.DataDate!.Value.ToString("yyyy-MM-dd", inv), StringComparer.Ordinal);
        var after = ListEdits.Corpus(edited, "edited", DateTimeOffset.UtcNow, publishedBySource: coverageChange ? null : dates);
        Console.WriteLine(string.Create(inv, $"edited corpus built (index) in {sw.Elapsed.TotalSeconds:0.0} s"));
        current = after;

        // 4. Delta re-screen: plan (the change, one job per shard) and run every job.
        sw.Restart();
        service.PlanAsync(after, before, "bench").GetAwaiter().GetResult();
        var plan = sw.Elapsed;
        var delta = service.RunPendingAsync("bench-worker").GetAwaiter().GetResult();
        var deltaTime = sw.Elapsed;
        var change = store.Monitoring.GetCorpusChangeAsync(before.Version, after.Version).GetAwaiter().GetResult();
        var d = CorpusDelta.FromJson(change!.DeltaJson);
        Console.WriteLine(string.Create(inv, $"corpus change: {d.Added.Count} added, {d.Removed.Count} removed, {d.Changed.Count} changed, {d.Relinked.Count} relinked"));
        Console.WriteLine(string.Create(inv, $"delta re-screen: {deltaTime.TotalSeconds:0.00} s (plan {plan.TotalSeconds:0.00} s, {delta.Count} jobs): {delta.Sum(j => j.Screened):N0} subjects screened (reverse index {delta.Sum(j => j.ReverseCandidates):N0}, hits on changed entities {delta.Sum(j => j.Involving):N0}, near the threshold {delta.Sum(j => j.Near):N0}), {delta.Sum(j => j.Redecided):N0} re-decided, {delta.Sum(j => j.AlertsCreated):N0} alerts created, {delta.Sum(j => j.AlertsClosed):N0} closed, {delta.Sum(j => j.Reopened):N0} reopened; load average {LoadAverage()}"));

        // 5. Baseline: a full re-screen of the same portfolio to the same version (--no-full skips it).
        if (Array.IndexOf(args, "--no-full") >= 0)
        {
            store.DisposeAsync().AsTask().GetAwaiter().GetResult();
            return 0;
        }

        sw.Restart();
        service.EnqueueFullAsync("bench", "bench").GetAwaiter().GetResult();
        var full = service.RunPendingAsync("bench-worker").GetAwaiter().GetResult();
        var fullTime = sw.Elapsed;
        Console.WriteLine(string.Create(inv, $"full re-screen: {fullTime.TotalSeconds:0.0} s ({full.Count} jobs, {full.Sum(j => j.Screened):N0} subjects screened, {full.Sum(j => j.Screened) / fullTime.TotalSeconds:N0}/s); load average {LoadAverage()}"));
        Console.WriteLine(string.Create(inv, $"delta / full: {deltaTime.TotalSeconds:0.00} s / {fullTime.TotalSeconds:0.0} s = {deltaTime.TotalSeconds / fullTime.TotalSeconds:P2} (×{fullTime.TotalSeconds / deltaTime.TotalSeconds:0} faster); peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:N0} MB"));
        Console.WriteLine(deltaTime.TotalSeconds <= 10 ? "delta target (≤ 10 s): met" : "delta target (≤ 10 s): NOT met");
        store.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return 0;
    }

    /// <summary>Subjects: people (given + family name from the labelled population, most with a date of birth and a
    /// nationality), companies (a family name, a trade word and a legal form), and 1 % variants of listed names.</summary>
    private static List<SubjectInput> Generate(ScreeningCorpus corpus, int count, Random rng)
    {
        var people = QueryCsvReader.Read(EvalData.PopulationCsv).Where(r => r.Query is { Schema: Schema.Person }).Select(r => r.Query!).ToList();
        var given = people.Select(q => q.Names[0].Split(' ')).Where(p => p.Length >= 2).Select(p => p[0]).Distinct(StringComparer.Ordinal).ToArray();
        var family = people.Select(q => q.Names[0].Split(' ')).Where(p => p.Length >= 2).Select(p => p[^1]).Distinct(StringComparer.Ordinal).ToArray();
        var countries = people.SelectMany(q => q.Countries).Distinct(StringComparer.Ordinal).ToArray();
        string[] trade = ["Trading", "Logistics", "Holding", "Consulting", "Shipping", "Foods", "Textiles", "Energy", "Metals", "Software"];
        string[] forms = ["GmbH", "Ltd", "LLC", "SA", "BV", "AG", "SRL", "Inc"];
        var listed = corpus.Entities.Where(e => e.Schema is Schema.Person or Schema.Organization or Schema.Company && !e.Names.IsDefaultOrEmpty).ToList();
        var list = new List<SubjectInput>(count);
        for (var i = 0; i < count; i++)
        {
            var id = "cust-" + i.ToString("D7", CultureInfo.InvariantCulture);
            Query q;
            var roll = rng.Next(100);
            if (roll == 0)
            {
                var e = listed[rng.Next(listed.Count)];
                q = new Query { Id = id, Schema = e.Schema == Schema.Person ? Schema.Person : Schema.LegalEntity, Names = [rng.Next(2) == 0 ? e.Caption : ListEdits.Typo(e.Caption, rng)] };
            }
            else if (roll < 12)
            {
                q = new Query { Id = id, Schema = Schema.Company, Names = [$"{family[rng.Next(family.Length)]} {trade[rng.Next(trade.Length)]} {forms[rng.Next(forms.Length)]}"], Countries = [countries[rng.Next(countries.Length)]] };
            }
            else
            {
                q = new Query
                {
                    Id = id,
                    Schema = Schema.Person,
                    Names = [$"{given[rng.Next(given.Length)]} {family[rng.Next(family.Length)]}"],
                    BirthDates = rng.Next(10) < 7 ? [new FuzzyDate(new PartialDate(1940 + rng.Next(66), 1 + rng.Next(12), 1 + rng.Next(28)))] : [],
                    Countries = rng.Next(10) < 8 ? [countries[rng.Next(countries.Length)]] : [],
                };
            }

            list.Add(new SubjectInput(id, q, null));
        }

        return list;
    }

    private static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "?";
        }
    }

    private static string DbSize(string spec)
    {
        if (!spec.StartsWith("sqlite:", StringComparison.Ordinal))
        {
            return "(PostgreSQL)";
        }

        var path = spec["sqlite:".Length..];
        var bytes = new[] { path, path + "-wal" }.Where(File.Exists).Sum(f => new FileInfo(f).Length);
        return string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e6:N0} MB");
    }

    private static int Arg(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static string? Text(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
