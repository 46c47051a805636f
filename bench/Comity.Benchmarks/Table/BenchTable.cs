using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Comity.Application.Corpus;
using Comity.Application.Tests.Measures;
using Comity.LoadTest;

namespace Comity.Benchmarks.Table;

/// <summary>The one command behind the README's performance table (issue 11):
/// <c>dotnet run --project bench/Comity.Benchmarks -c Release -- table [--customers 20000] [--seed 20261203]
/// [--seconds 10] [--sections startup,batch,http,reload,big,scale] [--big 1000000] [--scale 2700000] [--scale-dir DIR]
/// [--out FILE]</c>.</summary>
/// <remarks>
/// Input: the bundled default corpus (<c>data/default-corpus.json</c>) and a generated customer file
/// (<see cref="Customers"/>: 20,000 rows with name, date of birth and nationality, fixed seed). Every figure comes from
/// the programs a user runs, each in its own process: <c>comity screen</c> (start-up, batch, peak memory),
/// <c>comity serve</c> on loopback (requests, hot reload), and this benchmark's own <c>big</c> and <c>scale-run</c>
/// commands (generated corpora). The snapshot cache of every child is a fresh folder of this run
/// (<c>COMITY_CACHE_DIR</c>): "cold" runs start with it empty, "warm" runs find the snapshot the previous run wrote.
/// The table prints the machine's core count and the load average before and after each measure.
/// </remarks>
internal static partial class BenchTable
{
    /// <summary>The environment variable that moves the snapshot cache (see the README's "Benchmarks").</summary>
    public const string CacheVariable = "COMITY_CACHE_DIR";

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Queries of the scale section's recall sample (each scores every entity by brute force).</summary>
    private const int RecallQueries = 20;

    private static readonly string[] AllSections = ["startup", "batch", "http", "reload", "big", "scale"];

    public static int Run(string[] args)
    {
        var customers = Args.Int(args, "--customers", 20_000);
        var seed = Args.Int(args, "--seed", 20261203);
        var seconds = Args.Double(args, "--seconds", 10);
        var repeat = Args.Int(args, "--repeat", 3);
        var sections = (Args.String(args, "--sections") ?? string.Join(',', AllSections)).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var bigCount = Args.Int(args, "--big", 1_000_000);
        var scaleCount = Args.Int(args, "--scale", 2_700_000);
        var scaleDir = Args.String(args, "--scale-dir") ?? Path.Combine(Path.GetTempPath(), "comity-scale");
        var outFile = Args.String(args, "--out");
        foreach (var s in sections)
        {
            if (!AllSections.Contains(s, StringComparer.Ordinal))
            {
                Console.Error.WriteLine($"table: unknown section {s} (use {string.Join(',', AllSections)})");
                return 2;
            }
        }

        var dataDir = DefaultCorpus.DataDirectory();
        var repo = Path.GetDirectoryName(Path.GetFullPath(dataDir))!;
        var work = Path.Combine(Path.GetTempPath(), "comity-table-" + Environment.ProcessId.ToString(Inv));
        Directory.CreateDirectory(work);
        var table = new Table();
        Console.WriteLine(string.Create(Inv, $"Comity benchmark table — {Environment.ProcessorCount} cores, {Memory()} RAM, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, load average {ChildRun.LoadAverage()}"));
        try
        {
            var customersCsv = Path.Combine(work, "customers.csv");
            if (sections.Any(s => s is "startup" or "batch"))
            {
                var listed = BenchCorpus.Source().Load([]).Entities;
                Customers.Write(customersCsv, customers, seed, listed);
                Console.WriteLine(string.Create(Inv, $"customers: {customers:N0} rows (seed {seed}) in {customersCsv}"));
            }

            foreach (var section in sections)
            {
                var load = ChildRun.LoadAverage();
                Console.WriteLine($"== {section} (load average {load})");
                switch (section)
                {
                    case "startup":
                        Startup(table, repo, work, customersCsv, repeat);
                        break;
                    case "batch":
                        Batch(table, repo, work, customersCsv);
                        break;
                    case "http":
                        Http(table, work, seconds).GetAwaiter().GetResult();
                        break;
                    case "reload":
                        Reload(table, dataDir, work, seconds).GetAwaiter().GetResult();
                        break;
                    case "big":
                        Big(table, work, bigCount);
                        break;
                    case "scale":
                        Scale(table, work, scaleDir, scaleCount, seed);
                        break;
                    default:
                        break;
                }
            }
        }
        finally
        {
            try
            {
                Directory.Delete(work, recursive: true);
            }
            catch (IOException)
            {
                // Left for the OS.
            }
        }

        var text = table.Render(Environment.ProcessorCount, ChildRun.LoadAverage());
        Console.WriteLine();
        Console.WriteLine(text);
        if (outFile is not null)
        {
            File.WriteAllText(outFile, text);
        }

        return 0;
    }

    private static string Memory()
    {
        var gib = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);
        return string.Create(Inv, $"{gib:0} GiB");
    }

    private static string Cli() => Path.Combine(AppContext.BaseDirectory, "comity.dll");

    private static ChildRun Comity(string repo, string cache, params string[] args) =>
        ChildRun.Start("dotnet", [Cli(), .. args], repo, new Dictionary<string, string?> { [CacheVariable] = cache, ["COMITY_DEBUG"] = null, ["COMITY_DATA"] = Path.Combine(repo, "data") });

    private static ChildRun Self(string cache, params string[] args) =>
        ChildRun.Start("dotnet", [Path.Combine(AppContext.BaseDirectory, "Comity.Benchmarks.dll"), .. args], AppContext.BaseDirectory,
            new Dictionary<string, string?> { [CacheVariable] = cache, ["COMITY_DATA"] = DefaultCorpus.DataDirectory() });

    /// <summary>Start-up: <c>comity screen</c> of a one-row file; the load time it prints (read, link and index, or read
    /// the snapshot) and the process's wall time. Median of <paramref name="repeat"/> runs each, cold (empty cache) then
    /// warm.</summary>
    private static void Startup(Table table, string repo, string work, string customersCsv, int repeat)
    {
        var one = Path.Combine(work, "one.csv");
        File.WriteAllLines(one, File.ReadLines(customersCsv).Take(2));
        var outFile = Path.Combine(work, "one.jsonl");
        var load = ChildRun.LoadAverage();
        var cold = new List<(double Load, double Wall)>();
        var warm = new List<(double Load, double Wall)>();
        for (var i = 0; i < repeat; i++)
        {
            var cache = Path.Combine(work, "cache-startup-" + i.ToString(Inv));
            cold.Add(Measure(Comity(repo, cache, "screen", one, "--out", outFile)));
            warm.Add(Measure(Comity(repo, cache, "screen", one, "--out", outFile)));
        }

        var c = Median(cold);
        var w = Median(warm);
        table.Add("Start-up, cold: load + link + index before the first row (`comity screen`, empty cache)",
            string.Create(Inv, $"{c.Load:0.00} s (process {c.Wall:0.00} s)"), "≤ 5 s", c.Load <= 5, load);
        table.Add("Start-up, warm: the same with the snapshot written by the cold run",
            string.Create(Inv, $"{w.Load:0.00} s (process {w.Wall:0.00} s)"), "≤ 0.5 s", w.Load <= 0.5, load);

        static (double Load, double Wall) Measure(ChildRun r)
        {
            Check(r, "comity screen");
            var m = LoadLine().Match(r.Stderr);
            var s = m.Success ? double.Parse(m.Groups[1].Value, Inv) : double.NaN;
            Console.WriteLine(string.Create(Inv, $"  load {s:0.00} s, process {r.Wall.TotalSeconds:0.00} s"));
            return (s, r.Wall.TotalSeconds);
        }

        static (double Load, double Wall) Median(List<(double Load, double Wall)> runs)
        {
            var loads = runs.Select(x => x.Load).Order().ToArray();
            var walls = runs.Select(x => x.Wall).Order().ToArray();
            return (loads[loads.Length / 2], walls[walls.Length / 2]);
        }
    }

    /// <summary>Batch: <c>comity screen customers.csv --out FILE</c> on the default corpus and on OFAC + UN only; the
    /// rows/s it prints (screening, after the start-up), the process's peak resident memory.</summary>
    private static void Batch(Table table, string repo, string work, string customersCsv)
    {
        var outFile = Path.Combine(work, "out.jsonl");
        var cache = Path.Combine(work, "cache-batch");
        var load = ChildRun.LoadAverage();
        Comity(repo, cache, "screen", customersCsv, "--out", outFile, "--limit", "1");
        var r = Comity(repo, cache, "screen", customersCsv, "--out", outFile);
        Check(r, "comity screen");
        var (rate, secs, rows) = Summary(r.Stderr);
        var cores = Environment.ProcessorCount;
        Console.WriteLine(string.Create(Inv, $"  default corpus: {rows:N0} rows, {rate:N0} rows/s, wall {r.Wall.TotalSeconds:0.00} s, peak RSS {r.PeakRssBytes / 1048576.0:N0} MB"));
        table.Add(string.Create(Inv, $"Batch screening, default corpus, {rows:N0} customers (`comity screen`, JSON Lines out)"),
            string.Create(Inv, $"{rate:N0} rows/s ({rate / cores:N0} per core; {secs:0.00} s; whole process {rows / r.Wall.TotalSeconds:N0} rows/s)"), "≥ 10,000 rows/s", rate >= 10_000, load);
        table.Add("Peak memory, CLI batch (resident, whole process)", string.Create(Inv, $"{r.PeakRssBytes / 1048576.0:N0} MB"), "≤ 300 MB", r.PeakRssBytes <= 300L * 1048576, load);

        var ofacUn = new[] { "--list", "data/lists/ofac/sdn-csv", "--list", "data/lists/ofac/cons-csv", "--list", "data/lists/un/UN_consolidated.xml" };
        Comity(repo, cache, ["screen", customersCsv, "--out", outFile, "--limit", "1", .. ofacUn]);
        var o = Comity(repo, cache, ["screen", customersCsv, "--out", outFile, .. ofacUn]);
        Check(o, "comity screen (OFAC + UN)");
        var (orate, osecs, orows) = Summary(o.Stderr);
        Console.WriteLine(string.Create(Inv, $"  OFAC + UN: {orows:N0} rows, {orate:N0} rows/s, peak RSS {o.PeakRssBytes / 1048576.0:N0} MB"));
        table.Add("Batch screening, OFAC SDN + consolidated + UN only", string.Create(Inv, $"{orate:N0} rows/s ({orate / cores:N0} per core; {osecs:0.00} s; peak {o.PeakRssBytes / 1048576.0:N0} MB)"),
            "≥ 10,000 rows/s", orate >= 10_000, load);

        static (double Rate, double Seconds, int Rows) Summary(string stderr)
        {
            var m = SummaryLine().Match(stderr);
            return m.Success
                ? (double.Parse(m.Groups[2].Value.Replace(",", string.Empty, StringComparison.Ordinal), Inv), double.Parse(m.Groups[3].Value, Inv),
                   int.Parse(m.Groups[1].Value.Replace(",", string.Empty, StringComparison.Ordinal), Inv))
                : (double.NaN, double.NaN, 0);
        }
    }

    /// <summary><c>POST /match/default</c> at 8 concurrent connections against <c>comity serve</c> on loopback, the load
    /// generator (this process) on the same cores.</summary>
    private static async Task Http(Table table, string work, double seconds)
    {
        var cache = Path.Combine(work, "cache-http");
        var load = ChildRun.LoadAverage();
        await using var server = await ServerUnderTest.StartAsync(new Dictionary<string, string?> { [CacheVariable] = cache, ["COMITY_DATA"] = DefaultCorpus.DataDirectory() }).ConfigureAwait(false);
        using var client = Client(server.BaseAddress);
        var bodies = await Workload.BuildAsync(client, 4096, 20261128).ConfigureAwait(false);
        await LoadLevel.RunAsync(client, bodies, 4, 2_000, 30).ConfigureAwait(false);
        var cpu = server.CpuSeconds();
        var r = await LoadLevel.RunAsync(client, bodies, 8, 1_000_000, seconds).ConfigureAwait(false);
        var cpuPerRequest = (server.CpuSeconds() - cpu) * 1000 / Math.Max(1, r.Count);
        Console.WriteLine(string.Create(Inv, $"  ready in {server.TimeToReady.TotalSeconds:0.00} s; 8 clients: {r.Count:N0} requests in {r.Elapsed.TotalSeconds:0.0} s, {r.Errors} errors, {r.PerSecond:N0} req/s, p50 {r.P(50):0.00} ms, p99 {r.P(99):0.00} ms, max {r.P(100):0.00} ms, server CPU {cpuPerRequest:0.000} ms/request"));
        table.Add("`POST /match/default`, 8 connections, load generator on the same cores",
            string.Create(Inv, $"{r.PerSecond:N0} req/s, p50 {r.P(50):0.00} ms, p99 {r.P(99):0.00} ms ({r.Errors} errors; server CPU {cpuPerRequest:0.00} ms/req)"),
            "≥ 3,000 req/s, p99 ≤ 5 ms", r.PerSecond >= 3000 && r.P(99) <= 5 && r.Errors == 0, load);
    }

    /// <summary>Hot reload of the default corpus (<c>POST /v1/lists/reload?wait=true</c>): idle, then under 8-client load
    /// with the lists unchanged, then under load after a list file changed (a byte appended to the UN XML: a new input,
    /// so a full rebuild). The slowest request in flight during each reload.</summary>
    private static async Task Reload(Table table, string dataDir, string work, double seconds)
    {
        var data = Path.Combine(work, "data");
        CopyDirectory(dataDir, data);
        var cache = Path.Combine(work, "cache-reload");
        var load = ChildRun.LoadAverage();
        await using var server = await ServerUnderTest.StartAsync(new Dictionary<string, string?> { [CacheVariable] = cache, ["COMITY_DATA"] = data }).ConfigureAwait(false);
        using var client = Client(server.BaseAddress);
        var bodies = await Workload.BuildAsync(client, 4096, 20261128).ConfigureAwait(false);
        await LoadLevel.RunAsync(client, bodies, 4, 2_000, 30).ConfigureAwait(false);
        var idle = await ReloadOnce(client).ConfigureAwait(false);
        Console.WriteLine(string.Create(Inv, $"  idle: {idle.TotalMilliseconds:N0} ms"));

        var (unchanged, during) = await UnderLoad(client, bodies, seconds, null).ConfigureAwait(false);
        var un = Path.Combine(data, "lists", "un", "UN_consolidated.xml");
        var (changed, duringChanged) = await UnderLoad(client, bodies, seconds, () => File.AppendAllText(un, "\n")).ConfigureAwait(false);
        var (peak, _) = server.Memory();
        table.Add("Hot reload, lists unchanged: idle; under 8-client load (slowest request in flight during it)",
            string.Create(Inv, $"{idle.TotalSeconds:0.00} s idle; {unchanged.TotalSeconds:0.00} s under load, slowest request {during.MaxMs:0} ms of {during.Count:N0}"),
            "≤ 2 s, none > 50 ms", idle.TotalSeconds <= 2 && unchanged.TotalSeconds <= 2 && during.MaxMs <= 50, load);
        table.Add("Hot reload after a list file changed (full rebuild), under 8-client load",
            string.Create(Inv, $"{changed.TotalSeconds:0.00} s, slowest request {duringChanged.MaxMs:0} ms of {duringChanged.Count:N0}; server peak {peak / 1048576.0:N0} MB"),
            "≤ 2 s, none > 50 ms", changed.TotalSeconds <= 2 && duringChanged.MaxMs <= 50, load);

        async Task<(TimeSpan Reload, (int Count, double MaxMs) During)> UnderLoad(HttpClient c, List<byte[]> b, double secs, Action? change)
        {
            var level = LoadLevel.RunAsync(c, b, 8, 1_000_000, Math.Max(secs, 5));
            await Task.Delay(1000).ConfigureAwait(false);
            change?.Invoke();
            var from = Stopwatch.GetTimestamp();
            var took = await ReloadOnce(c).ConfigureAwait(false);
            var to = Stopwatch.GetTimestamp();
            var r = await level.ConfigureAwait(false);
            var overlap = r.Overlapping(from, to);
            Console.WriteLine(string.Create(Inv, $"  under load{(change is null ? string.Empty : ", list changed")}: {took.TotalMilliseconds:N0} ms; {overlap.Count:N0} requests in flight during it, slowest {overlap.MaxMs:0.0} ms; level p99 {r.P(99):0.00} ms, {r.Errors} errors"));
            return (took, overlap);
        }
    }

    private static async Task<TimeSpan> ReloadOnce(HttpClient client)
    {
        var sw = Stopwatch.StartNew();
        using var response = await client.PostAsync(new Uri("/v1/lists/reload?wait=true", UriKind.Relative), new ByteArrayContent([])).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return sw.Elapsed;
    }

    private static void Big(Table table, string work, int count)
    {
        var load = ChildRun.LoadAverage();
        var r = Self(Path.Combine(work, "cache-big"), "big", "--entities", count.ToString(Inv));
        Check(r, "big");
        var m = Results.Parse(r.Stdout);
        table.Add(string.Create(Inv, $"Generated {count:N0}-entity corpus (in memory, index only)"),
            string.Create(Inv, $"build {m["build_s"]:0.0} s, query p50 {m["p50_ms"]:0.00} ms, p99 {m["p99_ms"]:0.00} ms, heap {m["heap_mb"]:N0} MB, peak {r.PeakRssBytes / 1048576.0:N0} MB"),
            "—", null, load);
    }

    /// <summary>The FollowTheMoney scale corpus (<see cref="Scale.FtmCorpusGenerator"/>) through the normal reader and
    /// corpus source: cold (empty cache), then a new process from the snapshot.</summary>
    private static void Scale(Table table, string work, string scaleDir, int count, int seed)
    {
        Directory.CreateDirectory(scaleDir);
        var file = Path.Combine(scaleDir, string.Create(Inv, $"generated-{count}-{seed}.ftm.json"));
        var generated = "generated earlier";
        if (!File.Exists(file))
        {
            var sw = Stopwatch.StartNew();
            var tmp = file + ".tmp";
            Benchmarks.Scale.FtmCorpusGenerator.Write(tmp, count, seed);
            File.Move(tmp, file, overwrite: true);
            generated = string.Create(Inv, $"generated in {sw.Elapsed.TotalSeconds:0} s");
        }

        var fileMb = new FileInfo(file).Length / 1048576.0;
        Console.WriteLine(string.Create(Inv, $"  {count:N0} FtM entities, {fileMb:N0} MB, {generated}: {file}"));

        var cache = Path.Combine(work, "cache-scale");
        var load = ChildRun.LoadAverage();
        var cold = Self(cache, "scale-run", "--list", file, "--recall-queries", RecallQueries.ToString(Inv));
        Check(cold, "scale-run (cold)");
        var c = Results.Parse(cold.Stdout);
        var snapshotMb = Directory.Exists(cache) ? Directory.GetFiles(cache, "*.snapshot").Sum(f => new FileInfo(f).Length) / 1048576.0 : 0;
        Console.WriteLine(string.Create(Inv, $"  cold: load {c["load_s"]:0.0} s, p50 {c["p50_ms"]:0.00} ms, p99 {c["p99_ms"]:0.00} ms, recall {c.GetValueOrDefault("recall"):P2}, resident after load {c["rss_loaded_mb"]:N0} MB, peak {cold.PeakRssBytes / 1048576.0:N0} MB"));
        var warm = Self(cache, "scale-run", "--list", file, "--recall-queries", "0");
        Check(warm, "scale-run (snapshot)");
        var w = Results.Parse(warm.Stdout);
        if (w.GetValueOrDefault("from_snapshot") != 1)
        {
            throw new InvalidOperationException("scale-run (snapshot) did not read the snapshot the cold run should have written: " + warm.Stderr);
        }
        Console.WriteLine(string.Create(Inv, $"  snapshot: load {w["load_s"]:0.0} s, p50 {w["p50_ms"]:0.00} ms, p99 {w["p99_ms"]:0.00} ms, resident after load {w["rss_loaded_mb"]:N0} MB, peak {warm.PeakRssBytes / 1048576.0:N0} MB"));
        var entities = c["entities"];
        table.Add(string.Create(Inv, $"{entities:N0}-entity FtM corpus (generated), queries through the pipeline"),
            string.Create(Inv, $"p50 {w["p50_ms"]:0.00} ms, p99 {w["p99_ms"]:0.00} ms; resident {w["rss_loaded_mb"]:N0} MB after load, peak {warm.PeakRssBytes / 1048576.0:N0} MB; recall {c.GetValueOrDefault("recall"):P1} ({c.GetValueOrDefault("recall_found"):0} of {c.GetValueOrDefault("recall_expected"):0} brute-force hits of {RecallQueries} queries; of the misses, {c.GetValueOrDefault("recall_displaced"):0} had {IndexRecall.Limit} equal or better hits returned in their place; brute force {c.GetValueOrDefault("recall_s"):0} s)"),
            "p50 ≤ 5 ms, p99 ≤ 20 ms, ≤ 4 GB", w["p50_ms"] <= 5 && w["p99_ms"] <= 20 && warm.PeakRssBytes <= 4L << 30, load);
        table.Add(string.Create(Inv, $"{entities:N0}-entity FtM corpus: start-up cold (normal reader) / from snapshot"),
            string.Create(Inv, $"{c["load_s"]:0.0} s (peak {cold.PeakRssBytes / 1048576.0:N0} MB; file {fileMb:N0} MB, {generated}) / {w["load_s"]:0.0} s (snapshot {snapshotMb:N0} MB)"),
            "≤ 10 s from snapshot", w["load_s"] <= 10, load);
    }

    private static HttpClient Client(Uri address) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = Timeout.InfiniteTimeSpan, UseCookies = false })
        {
            BaseAddress = address,
            Timeout = TimeSpan.FromSeconds(120),
        };

    private static void Check(ChildRun r, string what)
    {
        if (r.ExitCode != 0)
        {
            throw new InvalidOperationException($"{what} exited with {r.ExitCode}: {r.Stderr}");
        }
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(dir.Replace(from, to, StringComparison.Ordinal));
        }

        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, file.Replace(from, to, StringComparison.Ordinal), overwrite: true);
        }
    }

    [GeneratedRegex(@"comity: corpus \S+: .* in ([0-9.]+) s")]
    private static partial Regex LoadLine();

    [GeneratedRegex(@"comity: ([0-9,]+) rows, .* ([0-9,]+) rows/s \(([0-9.]+) s[;)]")]
    private static partial Regex SummaryLine();

    /// <summary>The table's rows, rendered as Markdown.</summary>
    private sealed class Table
    {
        private readonly List<(string Measure, string Value, string Target, bool? Met, string Load)> _rows = [];

        public void Add(string measure, string value, string target, bool? met, string load) => _rows.Add((measure, value, target, met, load));

        public string Render(int cores, string loadAtEnd)
        {
            var sb = new StringBuilder();
            sb.Append(Inv, $"Machine: {cores} cores, {Memory()}; load average at the end {loadAtEnd}.\n\n");
            sb.Append("| Measure | Measured | Target | Met | Load average (1, 5, 15 min) before |\n|---|---|---|---|---|\n");
            foreach (var (m, v, t, met, load) in _rows)
            {
                sb.Append(Inv, $"| {m} | {v} | {t} | {(met is null ? "—" : met.Value ? "yes" : "**no**")} | {load} |\n");
            }

            return sb.ToString();
        }
    }
}
