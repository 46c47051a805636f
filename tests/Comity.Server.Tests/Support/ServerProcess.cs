using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Comity.Server.Tests.Support;

/// <summary>A Comity server in a child process (<c>dotnet Comity.Server.dll --urls ... --db ... --lists ...</c>), as
/// <c>comity serve</c> runs it: for crash (SIGKILL) and multi-process tests.</summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ServerProcess(Process process, Uri address)
    {
        _process = process;
        BaseAddress = address;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(120) };
    }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    public int Id => _process.Id;

    /// <summary>Everything the process wrote to stdout and stderr (its log, at Information level).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    private readonly System.Text.StringBuilder _output = new();

    private void Log(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    /// <summary>Starts the process; waits until <c>/readyz</c> is 200, or with <paramref name="waitReady"/> false only
    /// until it listens (<c>/healthz</c>), for a server whose first load is meant to fail.</summary>
    public static async Task<ServerProcess> StartAsync(string db, IEnumerable<string> lists, string? keysFile = null, bool waitReady = true)
    {
        var port = FreePort();
        var dll = Path.Combine(AppContext.BaseDirectory, "Comity.Server.dll");
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var a in new[] { dll, "--urls", $"http://127.0.0.1:{port}", "--db", db, "--no-watch", "--log-level", "Information" })
        {
            psi.ArgumentList.Add(a);
        }

        foreach (var l in lists)
        {
            psi.ArgumentList.Add("--lists");
            psi.ArgumentList.Add(l);
        }

        if (keysFile is not null)
        {
            psi.ArgumentList.Add("--keys");
            psi.ArgumentList.Add(keysFile);
        }

        psi.Environment.Remove("COMITY_API_KEYS");
        psi.Environment.Remove("COMITY_KEYS_FILE");
        var process = Process.Start(psi)!;
        var server = new ServerProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        process.OutputDataReceived += (_, e) => server.Log(e.Data);
        process.ErrorDataReceived += (_, e) => server.Log(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await server.WaitReadyAsync(waitReady ? "/readyz" : "/healthz");
        return server;
    }

    private async Task WaitReadyAsync(string probe)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"server process exited with {_process.ExitCode} before it was ready");
            }

            try
            {
                using var r = await Client.GetAsync(probe, TestContext.Current.CancellationToken);
                if (r.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException("server process not ready after 120 s");
    }

    /// <summary>SIGKILL: no shutdown code runs.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync(TestContext.Current.CancellationToken);
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
