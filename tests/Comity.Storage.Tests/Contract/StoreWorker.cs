using System.Diagnostics;
using System.Globalization;
using Comity.Storage.Alerts;
using Comity.Storage.Audit;

namespace Comity.Storage.Tests.Contract;

/// <summary>
/// A second OS process that writes to the same store: creates alert batches under shared idempotency keys and
/// appends audit records, printing "key TAB replayed TAB id,id" per batch for the parent test to check.
/// </summary>
internal static class StoreWorker
{
    public const string Command = "store-worker";

    public static async Task<int> RunAsync(string[] args)
    {
        var (spec, runId, worker, keys) = (args[0], args[1], int.Parse(args[2], CultureInfo.InvariantCulture), int.Parse(args[3], CultureInfo.InvariantCulture));
        var startAt = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(args[4], CultureInfo.InvariantCulture));
        await using var store = await ComityStores.OpenAsync(spec);

        // Both workers start writing at the same instant, whatever their start-up times were.
        if (startAt > DateTimeOffset.UtcNow)
        {
            await Task.Delay(startAt - DateTimeOffset.UtcNow);
        }

        for (var k = 0; k < keys; k++)
        {
            var key = $"batch-{(k + worker) % keys}";
            NewAlert[] alerts =
            [
                new(key + "-1", new string('a', 64), "{}", "us-ofac-sdn:36", "us-ofac-sdn", "36", 0.9, "{}", "v1", "{}"),
                new(key + "-2", new string('b', 64), "{}", "un-sc:QDi.291", "un-sc", "QDi.291", 0.8, "{}", "v1", "{}"),
            ];
            var batch = await store.CreateAlertsAsync(new AlertBatchRequest(runId, $"process-{worker}", alerts) { IdempotencyKey = key });
            await store.AppendAuditAsync(new AuditEntry($"process-{worker}", "test.ping", key, """{"ok":true}"""));
            Console.WriteLine($"{key}\t{batch.Replayed}\t{string.Join(',', batch.Alerts.Select(a => a.Id))}");
        }

        return 0;
    }

    /// <summary>Starts this test assembly in worker mode and returns its output lines.</summary>
    public static async Task<string[]> StartAsync(
        string spec, string runId, int worker, int keys, DateTimeOffset startAt, CancellationToken cancellationToken)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var start = new ProcessStartInfo(dotnet)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "exec", typeof(StoreWorker).Assembly.Location, Command, spec, runId, worker.ToString(CultureInfo.InvariantCulture), keys.ToString(CultureInfo.InvariantCulture), startAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"Worker {worker} exited with {process.ExitCode}: {await error}");
        }

        return (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}
