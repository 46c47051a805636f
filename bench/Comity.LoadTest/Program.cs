using System.Diagnostics;
using System.Globalization;

namespace Comity.LoadTest;

/// <summary>Load benchmark: <c>dotnet run --project bench/Comity.LoadTest -c Release -- [--seconds 10] [--requests N]</c>.
/// Starts the server on loopback against the bundled corpus, drives <c>POST /match/default</c> (one query per
/// request) at 1, 8 and 32 concurrent clients, and reports throughput, latency percentiles, the corpus hot-swap
/// time and the server's memory. Bounded in time and requests. <c>-- soak</c> runs the soak benchmark instead
/// (<see cref="Soak"/>).</summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args is ["soak", .. var rest])
        {
            return await Soak.RunAsync(rest).ConfigureAwait(false);
        }

        LoadOptions options;
        try
        {
            options = LoadOptions.Parse(args);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
        {
            await Console.Error.WriteLineAsync("Comity.LoadTest: " + e.Message).ConfigureAwait(false);
            return 2;
        }

        var inv = CultureInfo.InvariantCulture;
        await using var server = await ServerUnderTest.StartAsync().ConfigureAwait(false);
        Console.WriteLine(string.Create(inv, $"server pid {server.Pid} on {server.BaseAddress} ready in {server.TimeToReady.TotalSeconds:0.00} s (process start + corpus load)"));
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = Timeout.InfiniteTimeSpan, UseCookies = false };
        using var client = new HttpClient(handler) { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var bodies = await Workload.BuildAsync(client, 4096, options.Seed).ConfigureAwait(false);
        Console.WriteLine(string.Create(inv, $"workload: {bodies.Count} distinct single-query bodies (seed {options.Seed}); bounds: {options.Seconds} s and {options.Requests} requests per level"));
        await LoadLevel.RunAsync(client, bodies, 4, options.Warmup, 30).ConfigureAwait(false);

        Console.WriteLine();
        Console.WriteLine("| clients | requests | errors | seconds | req/s | p50 ms | p95 ms | p99 ms | max ms | server CPU ms/req |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var c in options.Concurrency)
        {
            var cpu = server.CpuSeconds();
            var r = await LoadLevel.RunAsync(client, bodies, c, options.Requests, options.Seconds).ConfigureAwait(false);
            var cpuPerRequest = (server.CpuSeconds() - cpu) * 1000 / Math.Max(1, r.Count);
            Console.WriteLine(string.Create(inv, $"| {c} | {r.Count} | {r.Errors} | {r.Elapsed.TotalSeconds:0.00} | {r.PerSecond:0} | {r.P(50):0.00} | {r.P(95):0.00} | {r.P(99):0.00} | {r.P(100):0.00} | {cpuPerRequest:0.000} |"));
        }

        Console.WriteLine(string.Create(inv, $"machine load average at the end: {LoadAverage()} (2 cores shared with the load generator and other work)"));

        var swap = Stopwatch.StartNew();
        using (var reload = await client.PostAsync(new Uri("/v1/lists/reload?wait=true", UriKind.Relative), new ByteArrayContent([])).ConfigureAwait(false))
        {
            reload.EnsureSuccessStatusCode();
        }

        swap.Stop();
        var under = LoadLevel.RunAsync(client, bodies, 8, options.Requests, options.Seconds);
        await Task.Delay(200).ConfigureAwait(false);
        var swapUnderLoad = Stopwatch.StartNew();
        using (var reload = await client.PostAsync(new Uri("/v1/lists/reload?wait=true", UriKind.Relative), new ByteArrayContent([])).ConfigureAwait(false))
        {
            reload.EnsureSuccessStatusCode();
        }

        swapUnderLoad.Stop();
        var during = await under.ConfigureAwait(false);
        var (peak, current) = server.Memory();
        Console.WriteLine();
        Console.WriteLine(string.Create(inv, $"hot swap (POST /v1/lists/reload?wait=true, full reload of the bundled corpus): {swap.Elapsed.TotalMilliseconds:0} ms idle, {swapUnderLoad.Elapsed.TotalMilliseconds:0} ms under 8-client load"));
        Console.WriteLine(string.Create(inv, $"8 clients during the swap: {during.Count} requests, {during.Errors} errors, p50 {during.P(50):0.00} ms, p99 {during.P(99):0.00} ms, max {during.P(100):0.00} ms"));
        Console.WriteLine(string.Create(inv, $"server memory: resident {current / 1048576.0:0} MB now, peak {peak / 1048576.0:0} MB"));
        return 0;
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
