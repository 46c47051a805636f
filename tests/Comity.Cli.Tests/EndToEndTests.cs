using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Comity.Cli.Tests;

/// <summary>The few tests that start the real <c>comity</c> program: exit codes and streams as a shell sees them.</summary>
public class EndToEndTests
{
    private static readonly string UnList = Cli.Repo("data/lists/un/UN_consolidated.xml");

    [Fact]
    public void Screens_standard_input_against_a_list()
    {
        var (exit, stdout, stderr) = ComityProcess.RunWithInput("name,schema\nEric Badege,Person\n", "screen", "-", "--list", UnList, "--limit", "1");
        Assert.True(exit == 0, stderr);
        var hit = JsonDocument.Parse(stdout).RootElement.GetProperty("hits")[0];
        Assert.Equal("un-sc", hit.GetProperty("source").GetString());
        Assert.Contains("1 rows", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_jurisdiction_exits_2_with_one_line()
    {
        var (exit, stdout, stderr) = ComityProcess.Run("screen", "examples/customers.csv", "--jurisdiction", "XX");
        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, stdout);
        Assert.Equal("comity: --jurisdiction XX: not a country (ISO alpha-2 or alpha-3 code, or a country name)", stderr.TrimEnd('\n'));
    }

    [Fact]
    public void A_parse_error_exits_2()
    {
        var (exit, _, stderr) = ComityProcess.Run("screen", "examples/customers.csv", "--limit", "many");
        Assert.Equal(2, exit);
        Assert.StartsWith("comity: --limit many: expected a whole number", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Serve_on_a_port_in_use_exits_2_with_one_line()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var db = Path.Combine(Directory.CreateTempSubdirectory("comity-serve").FullName, "c.db");
        var (exit, stdout, stderr) = ComityProcess.Run("serve", "--urls", $"http://127.0.0.1:{port}", "--db", "sqlite:" + db, "--list", UnList, "--no-watch");
        Assert.True(exit == 2, stdout + stderr);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"127.0.0.1:{port}", line, StringComparison.Ordinal);
        Assert.Contains("address already in use", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stdout + stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", stdout + stderr, StringComparison.Ordinal);
    }
}
