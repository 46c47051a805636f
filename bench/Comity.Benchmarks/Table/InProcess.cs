using System.Diagnostics;
using System.Globalization;
using Comity.Application.Screening;
using Comity.Application.Tests.Measures;
using Comity.Core.Matching;
using Comity.Core.Model;

namespace Comity.Benchmarks.Table;

/// <summary>The table's in-process measurements, each run in a child process of its own so that its memory is its own:
/// <c>big</c> (a generated corpus built in memory, as the 1,000,000-entity row) and <c>scale-run</c> (a FollowTheMoney
/// file loaded through the normal reader and corpus source).</summary>
internal static class InProcess
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary><c>big --entities N</c>: builds the index of N synthetic entities; build time, managed heap, query
    /// median and p99 (1,000 queries).</summary>
    public static int Big(string[] args)
    {
        var count = Args.Int(args, "--entities", 1_000_000);
        var before = GC.GetTotalMemory(true);
        var entities = EndToEnd.Synthetic(count, new Random(11));
        var sw = Stopwatch.StartNew();
        var index = MatchIndex.Build(entities);
        Results.Emit("build_s", sw.Elapsed.TotalSeconds);
        Results.Emit("heap_mb", (GC.GetTotalMemory(true) - before) / 1048576.0);
        var queries = EndToEnd.SampleQueries(entities, 1_000, new Random(13));
        foreach (var q in queries.Take(100))
        {
            index.Match(q, 5, 0.5);
        }

        var times = Times(queries, q => index.Match(q, 5, 0.5));
        Results.Emit("p50_ms", Percentile(times, 50));
        Results.Emit("p99_ms", Percentile(times, 99));
        Results.Emit("rss_mb", Results.CurrentRss() / 1048576.0);
        GC.KeepAlive(index);
        return 0;
    }

    /// <summary><c>scale-run --list FILE [--queries 1000] [--recall-queries 20]</c>: loads the corpus through the corpus
    /// source, then times single queries through the screening pipeline (one thread) and measures the index's recall
    /// against brute force on a sample.</summary>
    public static int ScaleRun(string[] args)
    {
        var list = Args.String(args, "--list") ?? throw new ArgumentException("--list FILE is required");
        var queryCount = Args.Int(args, "--queries", 1_000);
        var recallCount = Args.Int(args, "--recall-queries", 20);
        var sw = Stopwatch.StartNew();
        var source = BenchCorpus.Source();
        var corpus = source.Load([list]);
        Results.Emit("load_s", sw.Elapsed.TotalSeconds);
        Results.Emit("from_snapshot", source.LastOrigin == "snapshot" ? 1 : 0);
        Results.Emit("entities", corpus.Entities.Length);
        GC.Collect();
        Results.Emit("rss_loaded_mb", Results.CurrentRss() / 1048576.0);
        var screener = new Screener(corpus, new ScreeningOptions());
        var queries = EndToEnd.SampleQueries(corpus.Entities, queryCount, new Random(17));
        foreach (var q in queries.Take(50))
        {
            screener.Screen(q);
        }

        var times = Times(queries, q => screener.Screen(q));
        Results.Emit("p50_ms", Percentile(times, 50));
        Results.Emit("p99_ms", Percentile(times, 99));
        if (recallCount > 0)
        {
            sw.Restart();
            var sample = IndexRecall.Queries(corpus.Entities, recallCount);
            var r = IndexRecall.Measure(corpus.Index, sample);
            Results.Emit("recall", r.Recall);
            Results.Emit("recall_expected", r.Expected);
            Results.Emit("recall_found", r.Found);
            Results.Emit("recall_s", sw.Elapsed.TotalSeconds);
            Results.Emit("recall_displaced", r.Displaced);
            foreach (var miss in r.Misses)
            {
                Console.Error.WriteLine("recall miss: " + miss);
            }
        }

        Results.Emit("rss_mb", Results.CurrentRss() / 1048576.0);
        return 0;
    }

    /// <summary><c>per-query --customers FILE [--rows 4000] [--passes 2] [--details] [--list PATH]...</c>: one thread,
    /// after a warm-up pass over the same rows: rows/s, CPU and allocated bytes per row; with <c>--details</c> the index's
    /// work count per row (deterministic) and how many query tokens the index knows.</summary>
    public static int PerQuery(string[] args)
    {
        var file = Args.String(args, "--customers") ?? throw new ArgumentException("--customers FILE is required");
        var rows = Args.Int(args, "--rows", 4_000);
        var lists = args.Select((a, i) => (a, i)).Where(x => x.a == "--list" && x.i + 1 < args.Length).Select(x => args[x.i + 1]).ToList();
        var corpus = BenchCorpus.Source().Load(lists);
        var screener = new Screener(corpus, new ScreeningOptions());
        var queries = Comity.Application.Input.QueryCsvReader.Read(file).Select(r => r.Query).OfType<Query>().Take(rows).ToList();
        foreach (var q in queries)
        {
            screener.Screen(q);
        }

        for (var pass = 1; pass <= Args.Int(args, "--passes", 2); pass++)
        {
            GC.Collect();
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var sw = Stopwatch.StartNew();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            foreach (var q in queries)
            {
                screener.Screen(q);
            }

            var elapsed = sw.Elapsed.TotalSeconds;
            var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            Results.Emit("rows_per_s", queries.Count / elapsed);
            Results.Emit("cpu_us_per_row", cpuSeconds * 1e6 / queries.Count);
            Results.Emit("kb_per_row", (GC.GetAllocatedBytesForCurrentThread() - allocated) / 1024.0 / queries.Count);
        }

        if (!Args.Flag(args, "--details"))
        {
            return 0;
        }

        long work = 0, tokens = 0, known = 0;
        foreach (var q in queries)
        {
            corpus.Index.MatchCancellable(q, 15, 0.5, CancellationToken.None, out var w);
            work += w;
            using var ctx = new QueryContext(q, corpus.Index.Vocabulary, corpus.Index.Variants);
            foreach (var n in ctx.Names)
            {
                foreach (var t in n.Tokens)
                {
                    tokens++;
                    known += t.Id >= 0 ? 1 : 0;
                }
            }
        }

        Results.Emit("work_per_row", (double)work / queries.Count);
        Results.Emit("known_token_share", (double)known / Math.Max(1, tokens));
        return 0;
    }

    private static double[] Times(List<Query> queries, Action<Query> run)
    {
        var times = new double[queries.Count];
        for (var i = 0; i < queries.Count; i++)
        {
            var t = Stopwatch.GetTimestamp();
            run(queries[i]);
            times[i] = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
        }

        Array.Sort(times);
        return times;
    }

    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
}

/// <summary>Option parsing shared by the table's commands.</summary>
internal static class Args
{
    public static int Int(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    public static double Double(string[] args, string name, double fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? double.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    public static string? String(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    public static bool Flag(string[] args, string name) => Array.IndexOf(args, name) >= 0;
}
