using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Comity.Server.Hosting;
using Comity.Server.Tests.Support;

namespace Comity.Server.Tests.Hardening;

/// <summary>Issue 10, finding 4: without API keys the server must never serve a non-loopback address, however the
/// address was configured. Each case starts the real server process (<c>dotnet Comity.Server.dll</c>) as
/// <c>comity serve</c> runs it, with the configuration in its environment.</summary>
public sealed class BindingGuardTests
{
    public static TheoryData<string> EndpointVariables => ["Kestrel__Endpoints__Http__Url", "ASPNETCORE_Kestrel__Endpoints__Http__Url"];

    [Theory]
    [MemberData(nameof(EndpointVariables))]
    public async Task Kestrel_endpoint_configuration_on_all_interfaces_is_refused_without_keys(string variable)
    {
        var port = FreePort();
        var (code, output) = await RunAsync(["--urls", $"http://127.0.0.1:{FreePort()}"], new() { [variable] = $"http://0.0.0.0:{port}" });
        Assert.Equal(2, code);
        Assert.Contains("refusing to serve", output, StringComparison.Ordinal);
        Assert.Contains($"http://0.0.0.0:{port}", output, StringComparison.Ordinal);
        Assert.Contains("no API keys", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Aspnetcore_urls_on_all_interfaces_never_serves_other_hosts_without_keys()
    {
        // ASPNETCORE_URLS is overridden by --urls; whichever wins, what is bound must be loopback (or start-up fails).
        var port = FreePort();
        var (code, output) = await RunAsync(["--urls", $"http://0.0.0.0:{port}"], new() { ["ASPNETCORE_URLS"] = $"http://0.0.0.0:{FreePort()}" }, expectRunning: true);
        if (code is { } exited)
        {
            Assert.Equal(2, exited);
            Assert.Contains("refusing to serve", output, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains($"bound to http://127.0.0.1:{port}", output, StringComparison.Ordinal);
            Assert.DoesNotContain("bound to http://0.0.0.0", output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task With_keys_the_configured_address_is_served_and_logged()
    {
        var keys = Keys.Write(("ops", "admin", "k-0123456789abcdef0123456789abcdef"));
        var port = FreePort();
        var (code, output) = await RunAsync(["--keys", keys, "--urls", $"http://127.0.0.1:{FreePort()}"], new() { ["Kestrel__Endpoints__Http__Url"] = $"http://0.0.0.0:{port}" }, expectRunning: true);
        Assert.Null(code);
        Assert.Contains($"bound to http://0.0.0.0:{port}", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080", true)]
    [InlineData("http://[::1]:8080", true)]
    [InlineData("http://localhost:8080", true)]
    [InlineData("http://0.0.0.0:8080", false)]
    [InlineData("http://[::]:8080", false)]
    [InlineData("http://192.168.1.10:8080", false)]
    [InlineData("http://example.org:80", false)]
    [InlineData("not a url", false)]
    public void Only_loopback_addresses_count_as_loopback(string address, bool loopback) =>
        Assert.Equal(loopback, BindingGuard.IsLoopback(address));

    /// <summary>Runs the server; returns its exit code and output, or (null, output) when it is still running once it
    /// logged its bound addresses and <paramref name="expectRunning"/> (then it is killed).</summary>
    private static async Task<(int? Code, string Output)> RunAsync(string[] args, Dictionary<string, string> environment, bool expectRunning = false)
    {
        var dir = Repo.TempDir();
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "Comity.Server.dll"), "--db", "sqlite:" + Path.Combine(dir, "c.db"), "--lists", Repo.UnXml, "--no-watch" }.Concat(args))
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment.Remove("COMITY_API_KEYS");
        psi.Environment.Remove("COMITY_KEYS_FILE");
        psi.Environment.Remove("ASPNETCORE_URLS");
        foreach (var (k, v) in environment)
        {
            psi.Environment[k] = v;
        }

        var output = new System.Text.StringBuilder();
        using var process = new Process { StartInfo = psi };
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        string Text()
        {
            lock (output)
            {
                return output.ToString();
            }
        }

        var deadline = Stopwatch.StartNew();
        while (!process.HasExited && deadline.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (expectRunning && Text().Contains("listening on", StringComparison.Ordinal))
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(TestContext.Current.CancellationToken);
                return (null, Text());
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("the server neither exited nor started within 90 s: " + Text());
        }

        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, Text());
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}
