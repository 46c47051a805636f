using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Comity.LoadTest;

/// <summary>The server as <c>comity serve</c> runs it, in its own process on loopback, with a temporary SQLite
/// store and the bundled default corpus.</summary>
internal sealed class ServerUnderTest : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _dir;

    private ServerUnderTest(Process process, Uri address, string dir, TimeSpan ready)
    {
        _process = process;
        BaseAddress = address;
        _dir = dir;
        TimeToReady = ready;
    }

    public Uri BaseAddress { get; }

    public TimeSpan TimeToReady { get; }

    public int Pid => _process.Id;

    /// <param name="env">Environment variables to set (a null value removes one), e.g. the snapshot cache folder.</param>
    /// <param name="extraArgs">More <c>comity serve</c> arguments (e.g. <c>--list PATH</c>).</param>
    public static async Task<ServerUnderTest> StartAsync(IReadOnlyDictionary<string, string?>? env = null, IEnumerable<string>? extraArgs = null)
    {
        int port;
        using (var l = new TcpListener(IPAddress.Loopback, 0))
        {
            l.Start();
            port = ((IPEndPoint)l.LocalEndpoint).Port;
        }

        var dir = Path.Combine(Path.GetTempPath(), "comity-loadtest-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var psi = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "Comity.Server.dll"), "--urls", $"http://127.0.0.1:{port}", "--db", "sqlite:" + Path.Combine(dir, "comity.db"), "--no-watch", "--rate-limit", "1000000", "--log-level", "Warning" })
        {
            psi.ArgumentList.Add(a);
        }

        foreach (var a in extraArgs ?? [])
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment.Remove("COMITY_API_KEYS");
        psi.Environment.Remove("COMITY_KEYS_FILE");
        foreach (var (k, v) in env ?? new Dictionary<string, string?>())
        {
            if (v is null)
            {
                psi.Environment.Remove(k);
            }
            else
            {
                psi.Environment[k] = v;
            }
        }
        var sw = Stopwatch.StartNew();
        var process = Process.Start(psi)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine("server: " + e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var address = new Uri($"http://127.0.0.1:{port}/");
        using var client = new HttpClient { BaseAddress = address };
        while (sw.Elapsed < TimeSpan.FromMinutes(3))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"server exited with {process.ExitCode}");
            }

            try
            {
                using var r = await client.GetAsync(new Uri("/readyz", UriKind.Relative)).ConfigureAwait(false);
                if (r.StatusCode == HttpStatusCode.OK)
                {
                    return new ServerUnderTest(process, address, dir, sw.Elapsed);
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(50).ConfigureAwait(false);
        }

        throw new TimeoutException("server not ready after 3 minutes");
    }

    /// <summary>CPU time used by the server process so far (user + system).</summary>
    public double CpuSeconds()
    {
        _process.Refresh();
        return _process.TotalProcessorTime.TotalSeconds;
    }

    /// <summary>Peak and current resident memory of the server process, from /proc (Linux).</summary>
    public (long PeakBytes, long CurrentBytes) Memory()
    {
        var path = $"/proc/{_process.Id}/status";
        if (!File.Exists(path))
        {
            _process.Refresh();
            return (_process.PeakWorkingSet64, _process.WorkingSet64);
        }

        long peak = 0, current = 0;
        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                peak = Kb(line);
            }
            else if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                current = Kb(line);
            }
        }

        return (peak, current);
    }

    private static long Kb(string line) =>
        long.Parse(line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
    }
}
