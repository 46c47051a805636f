using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Comity.LoadTest;

/// <summary>Soak benchmark: <c>dotnet run --project bench/Comity.LoadTest -c Release -- soak [--minutes 10]
/// [--clients 4] [--max-rss-growth 0.25] [--seed N]</c>. Starts <c>comity serve</c> on loopback (bundled corpus,
/// temporary SQLite store, no keys) and for the given time drives a fixed-seed mix from several clients: 60 %
/// <c>POST /match/default</c>, 25 % <c>POST /v1/screen</c> (1–5 subjects, creating runs and alerts), 15 % alert
/// reviews (<c>GET /v1/alerts/{id}</c> and a <c>false_positive</c> review of an alert the soak created), with two
/// full hot reloads (<c>POST /v1/lists/reload?wait=true</c>) at a third and two thirds of the time. Reports requests,
/// errors and p50/p99 per kind, and the server's resident memory at start (after a warm-up that includes one reload),
/// peak and end. Exit 0 when
/// no request answered 5xx or failed in transport, both reloads succeeded and the end RSS is at most
/// (1 + max-rss-growth) × the start RSS; else 1.</summary>
internal static class Soak
{
    private enum Kind
    {
        Match,
        Screen,
        Review,
    }

    public static async Task<int> RunAsync(string[] args)
    {
        SoakOptions options;
        try
        {
            options = SoakOptions.Parse(args);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
        {
            await Console.Error.WriteLineAsync("Comity.LoadTest soak: " + e.Message).ConfigureAwait(false);
            return 2;
        }

        var inv = CultureInfo.InvariantCulture;
        await using var server = await ServerUnderTest.StartAsync().ConfigureAwait(false);
        Console.WriteLine(string.Create(inv, $"server pid {server.Pid} on {server.BaseAddress} ready in {server.TimeToReady.TotalSeconds:0.00} s"));
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 64, PooledConnectionLifetime = Timeout.InfiniteTimeSpan, UseCookies = false };
        using var client = new HttpClient(handler) { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        var names = await Workload.NamesAsync(client, 4096, options.Seed).ConfigureAwait(false);
        var run = new SoakRun(client, names, options.Seed);

        // Warm-up (JIT, caches, the first alerts and one reload, so that the start figure is a server that has
        // already held two corpora at once), then the start figure.
        var (_, rssReady) = server.Memory();
        var warmup = run.DriveAsync(options.Clients, TimeSpan.FromSeconds(Math.Min(30, options.Duration.TotalSeconds / 10)), record: false);
        using (var warm = await client.PostAsync(new Uri("/v1/lists/reload?wait=true", UriKind.Relative), new ByteArrayContent([])).ConfigureAwait(false))
        {
            warm.EnsureSuccessStatusCode();
        }

        await warmup.ConfigureAwait(false);
        run.Reset();
        var (_, rssStart) = server.Memory();
        Console.WriteLine(string.Create(inv, $"soak: {options.Duration.TotalMinutes:0.#} min, {options.Clients} clients, seed {options.Seed}; RSS when ready {Mb(rssReady)} MB, after warm-up and one reload (the start) {Mb(rssStart)} MB"));

        long peak = rssStart;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                peak = Math.Max(peak, server.Memory().CurrentBytes);
                try
                {
                    await Task.Delay(1000, stop.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        });

        var sw = Stopwatch.StartNew();
        var load = run.DriveAsync(options.Clients, options.Duration, record: true);
        var reloads = new List<(TimeSpan At, long Millis, int Status)>();
        foreach (var at in new[] { options.Duration / 3, options.Duration * 2 / 3 })
        {
            var wait = at - sw.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait).ConfigureAwait(false);
            }

            var r = Stopwatch.StartNew();
            using var response = await client.PostAsync(new Uri("/v1/lists/reload?wait=true", UriKind.Relative), new ByteArrayContent([])).ConfigureAwait(false);
            reloads.Add((sw.Elapsed, r.ElapsedMilliseconds, (int)response.StatusCode));
        }

        await load.ConfigureAwait(false);
        var elapsed = sw.Elapsed;
        await stop.CancelAsync().ConfigureAwait(false);
        await sampler.ConfigureAwait(false);
        var (hwm, rssEnd) = server.Memory();
        peak = Math.Max(peak, rssEnd);

        Console.WriteLine();
        Console.WriteLine("| kind | requests | 4xx | 5xx | transport errors | p50 ms | p99 ms | max ms |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var kind in Enum.GetValues<Kind>())
        {
            var s = run.Stats[(int)kind];
            Console.WriteLine(string.Create(inv, $"| {kind.ToString().ToLowerInvariant()} | {s.Count} | {s.ClientErrors} | {s.ServerErrors} | {s.TransportErrors} | {s.P(50):0.00} | {s.P(99):0.00} | {s.P(100):0.00} |"));
        }

        var all = SoakStats.Merge(run.Stats);
        Console.WriteLine(string.Create(inv, $"| all | {all.Count} | {all.ClientErrors} | {all.ServerErrors} | {all.TransportErrors} | {all.P(50):0.00} | {all.P(99):0.00} | {all.P(100):0.00} |"));
        Console.WriteLine();
        Console.WriteLine(string.Create(inv, $"{all.Count} requests in {elapsed.TotalSeconds:0} s ({all.Count / elapsed.TotalSeconds:0} req/s); alerts created {run.AlertsCreated}, reviewed {run.Reviewed}"));
        foreach (var (at, millis, status) in reloads)
        {
            Console.WriteLine(string.Create(inv, $"hot reload at {at.TotalSeconds:0} s: HTTP {status} in {millis} ms"));
        }

        var bound = (long)(rssStart * (1 + options.MaxRssGrowth));
        Console.WriteLine(string.Create(inv, $"server RSS: start {Mb(rssStart)} MB, peak {Mb(peak)} MB (kernel high-water mark {Mb(hwm)} MB), end {Mb(rssEnd)} MB; bound {Mb(bound)} MB (start × {1 + options.MaxRssGrowth:0.##})"));
        Console.WriteLine(string.Create(inv, $"machine load average at the end: {(File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a")}"));

        var failures = new List<string>();
        if (all.ServerErrors > 0)
        {
            failures.Add($"{all.ServerErrors} responses were 5xx");
        }

        if (all.TransportErrors > 0)
        {
            failures.Add($"{all.TransportErrors} requests failed in transport");
        }

        if (reloads.Any(r => r.Status != 200))
        {
            failures.Add("a hot reload did not answer 200");
        }

        if (rssEnd > bound)
        {
            failures.Add($"RSS grew from {Mb(rssStart)} MB to {Mb(rssEnd)} MB, beyond the bound {Mb(bound)} MB");
        }

        Console.WriteLine(failures.Count == 0 ? "soak: PASS" : "soak: FAIL: " + string.Join("; ", failures));
        return failures.Count == 0 ? 0 : 1;
    }

    private static string Mb(long bytes) => (bytes / 1048576.0).ToString("0", CultureInfo.InvariantCulture);

    /// <summary>The clients, their fixed-seed choices and what they measured.</summary>
    private sealed class SoakRun(HttpClient client, List<(string Name, string Schema)> names, int seed)
    {
        private readonly ConcurrentQueue<string> _alerts = new();
        private int _worker;
        private long _alertsCreated;
        private long _reviewed;

        public SoakStats[] Stats { get; } = [new(), new(), new()];

        public long AlertsCreated => Interlocked.Read(ref _alertsCreated);

        public long Reviewed => Interlocked.Read(ref _reviewed);

        /// <summary>Forgets the warm-up's counts (its alerts stay queued for review).</summary>
        public void Reset()
        {
            Interlocked.Exchange(ref _alertsCreated, 0);
            Interlocked.Exchange(ref _reviewed, 0);
        }

        public async Task DriveAsync(int clients, TimeSpan duration, bool record)
        {
            var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
            await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => WorkerAsync(deadline, record))).ConfigureAwait(false);
        }

        private async Task WorkerAsync(long deadline, bool record)
        {
            var random = new Random(seed + Interlocked.Increment(ref _worker));
            while (Stopwatch.GetTimestamp() < deadline)
            {
                var roll = random.Next(100);
                var kind = roll < 60 ? Kind.Match : roll < 85 ? Kind.Screen : Kind.Review;
                if (kind == Kind.Review && _alerts.IsEmpty)
                {
                    kind = Kind.Screen;
                }

                var start = Stopwatch.GetTimestamp();
                int status;
                try
                {
                    status = kind switch
                    {
                        Kind.Match => await MatchAsync(random).ConfigureAwait(false),
                        Kind.Screen => await ScreenAsync(random).ConfigureAwait(false),
                        _ => await ReviewAsync().ConfigureAwait(false),
                    };
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                {
                    status = -1;
                }

                if (record)
                {
                    Stats[(int)kind].Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds, status);
                }
            }
        }

        private async Task<int> MatchAsync(Random random)
        {
            var (name, schema) = names[random.Next(names.Count)];
            using var content = Json(Workload.Body(name, schema));
            using var response = await client.PostAsync(new Uri("/match/default", UriKind.Relative), content).ConfigureAwait(false);
            await response.Content.LoadIntoBufferAsync().ConfigureAwait(false);
            return (int)response.StatusCode;
        }

        private async Task<int> ScreenAsync(Random random)
        {
            using var ms = new MemoryStream();
            using (var w = new Utf8JsonWriter(ms))
            {
                w.WriteStartObject();
                w.WriteStartArray("subjects");
                var n = 1 + random.Next(5);
                for (var i = 0; i < n; i++)
                {
                    var (name, schema) = names[random.Next(names.Count)];
                    w.WriteStartObject();
                    w.WriteString("id", "s" + i.ToString(CultureInfo.InvariantCulture));
                    w.WriteString("name", name);
                    w.WriteString("schema", schema == "Thing" ? "LegalEntity" : schema);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            using var content = Json(ms.ToArray());
            using var response = await client.PostAsync(new Uri("/v1/screen", UriKind.Relative), content).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                using var doc = JsonDocument.Parse(body);
                foreach (var id in doc.RootElement.GetProperty("alerts").EnumerateArray())
                {
                    _alerts.Enqueue(id.GetString()!);
                    Interlocked.Increment(ref _alertsCreated);
                }
            }

            return (int)response.StatusCode;
        }

        private async Task<int> ReviewAsync()
        {
            if (!_alerts.TryDequeue(out var id))
            {
                return 200;
            }

            using (var get = await client.GetAsync(new Uri("/v1/alerts/" + id, UriKind.Relative)).ConfigureAwait(false))
            {
                await get.Content.LoadIntoBufferAsync().ConfigureAwait(false);
                if (!get.IsSuccessStatusCode)
                {
                    return (int)get.StatusCode;
                }
            }

            using var content = Json(Encoding.UTF8.GetBytes("""{"outcome": "false_positive", "reason": "soak: checked date of birth", "reviewer": "soak"}"""));
            using var response = await client.PostAsync(new Uri($"/v1/alerts/{id}/review", UriKind.Relative), content).ConfigureAwait(false);
            await response.Content.LoadIntoBufferAsync().ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                Interlocked.Increment(ref _reviewed);
            }

            return (int)response.StatusCode;
        }

        private static ByteArrayContent Json(byte[] body)
        {
            var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            return content;
        }
    }
}

/// <summary>Latencies and outcomes of one kind of request (thread-safe).</summary>
internal sealed class SoakStats
{
    private readonly Lock _lock = new();
    private readonly List<double> _latencies = [];

    public int Count { get; private set; }

    public int ClientErrors { get; private set; }

    public int ServerErrors { get; private set; }

    public int TransportErrors { get; private set; }

    public void Add(double millis, int status)
    {
        lock (_lock)
        {
            _latencies.Add(millis);
            Count++;
            if (status < 0)
            {
                TransportErrors++;
            }
            else if (status >= 500)
            {
                ServerErrors++;
            }
            else if (status >= 400)
            {
                ClientErrors++;
            }
        }
    }

    public double P(double percentile)
    {
        lock (_lock)
        {
            if (_latencies.Count == 0)
            {
                return 0;
            }

            _latencies.Sort();
            return _latencies[Math.Clamp((int)Math.Ceiling(percentile / 100 * _latencies.Count) - 1, 0, _latencies.Count - 1)];
        }
    }

    public static SoakStats Merge(IEnumerable<SoakStats> parts)
    {
        var all = new SoakStats();
        foreach (var p in parts)
        {
            lock (p._lock)
            {
                all._latencies.AddRange(p._latencies);
                all.Count += p.Count;
                all.ClientErrors += p.ClientErrors;
                all.ServerErrors += p.ServerErrors;
                all.TransportErrors += p.TransportErrors;
            }
        }

        return all;
    }
}

/// <summary>Options of the soak benchmark; defaults in one place.</summary>
internal sealed record SoakOptions
{
    public TimeSpan Duration { get; init; } = TimeSpan.FromMinutes(10);

    public int Clients { get; init; } = 4;

    /// <summary>How much the server's resident memory may grow from the start (after warm-up and one reload, so a
    /// server that has already built a second corpus beside the first) to the end, as a fraction of the start: 0.25
    /// lets it end at 1.25 ×. A leak of one corpus per reload (~250 MB for the bundled corpus) exceeds it.</summary>
    public double MaxRssGrowth { get; init; } = 0.25;

    public int Seed { get; init; } = 20261202;

    public static SoakOptions Parse(string[] args)
    {
        var o = new SoakOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            o = args[i] switch
            {
                "--minutes" => o with { Duration = TimeSpan.FromMinutes(double.Parse(Next(), CultureInfo.InvariantCulture)) },
                "--clients" => o with { Clients = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--max-rss-growth" => o with { MaxRssGrowth = double.Parse(Next(), CultureInfo.InvariantCulture) },
                "--seed" => o with { Seed = int.Parse(Next(), CultureInfo.InvariantCulture) },
                _ => throw new ArgumentException($"unknown option {args[i]} (use --minutes, --clients, --max-rss-growth, --seed)"),
            };
        }

        if (o.Duration <= TimeSpan.Zero || o.Duration > TimeSpan.FromMinutes(60) || o.Clients is < 1 or > 64 || o.MaxRssGrowth < 0)
        {
            throw new ArgumentException("--minutes must be in (0, 60], --clients in [1, 64], --max-rss-growth ≥ 0");
        }

        return o;
    }
}
