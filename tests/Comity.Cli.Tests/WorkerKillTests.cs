using System.Diagnostics;
using System.Globalization;
using System.Text;
using Npgsql;

namespace Comity.Cli.Tests;

/// <summary>Many nodes: two real <c>comity worker</c> processes share one PostgreSQL work queue; one is killed with
/// SIGKILL while it holds a job; the other takes that job again once its lease expires, and every job ends done once.
/// No alert is created twice, and the alerts equal those of the same re-screen run in one process on SQLite.</summary>
public sealed class WorkerKillTests
{
    private static readonly string Un = Cli.Repo("data/lists/un/UN_consolidated.xml");
    private static readonly string Sdn2021 = Cli.Repo("data/lists/ofac/sdn-csv-2021");
    private static readonly string Sdn2024 = Cli.Repo("data/lists/ofac/sdn-csv");

    [Fact]
    public async Task A_worker_killed_mid_job_loses_it_to_the_other_after_the_lease_and_no_alert_is_created_twice()
    {
        var ct = TestContext.Current.CancellationToken;
        var cs = await CreateDatabaseAsync(ct);
        var pg = "postgres:" + cs;
        var dir = Path.Combine(Path.GetTempPath(), "comity-worker-kill", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var subjects = Path.Combine(dir, "subjects.csv");
        await File.WriteAllTextAsync(subjects, SubjectsCsv(1600), ct);
        var sqlite = "sqlite:" + Path.Combine(dir, "reference.db");

        // The same portfolio on PostgreSQL and on SQLite, screened against the 2021 SDN vintage; the lists then move to
        // 2024 and a full re-screen is enqueued in both (8 jobs of 200 subjects).
        foreach (var db in new[] { pg, sqlite })
        {
            var add = ComityProcess.Run("monitor", "add", subjects, "--portfolio", "p", "--db", db, "--list", Un, "--list", Sdn2021, "--jurisdiction", "DE", "--shard-size", "200");
            Assert.True(add.Exit == 0, add.Err);
            var enqueue = ComityProcess.Run("monitor", "rescreen", "--full", "--enqueue-only", "--db", db, "--list", Un, "--list", Sdn2024);
            Assert.True(enqueue.Exit == 0, enqueue.Err);
            Assert.Contains("8 job(s) enqueued", enqueue.Err, StringComparison.Ordinal);
        }

        // Reference: one process takes every job on SQLite.
        var reference = ComityProcess.Run("worker", "--once", "--db", sqlite, "--list", Un, "--list", Sdn2024, "--node", "reference");
        Assert.True(reference.Exit == 0, reference.Err);
        Assert.Contains("8 job(s) done", reference.Err, StringComparison.Ordinal);

        // Two workers on PostgreSQL; A is killed with SIGKILL as soon as it holds a job.
        using var a = Start(pg, "A");
        using var b = Start(pg, "B");
        string killed;
        var until = DateTime.UtcNow.AddMinutes(4);
        while (true)
        {
            Assert.True(DateTime.UtcNow < until, "worker A never took a job");
            var running = await ScalarAsync<string>(cs, "SELECT id FROM jobs WHERE status = 'running' AND lease_owner = 'A' LIMIT 1", ct);
            if (running is not null)
            {
                a.Kill();
                killed = running;
                break;
            }

            await Task.Delay(50, ct);
        }

        await a.WaitForExitAsync(ct);
        Assert.Equal(137, a.ExitCode);

        // B finishes everything, A's job included once its 5 s lease has expired.
        while (await ScalarAsync<long>(cs, "SELECT COUNT(*) FROM jobs WHERE status <> 'done'", ct) > 0)
        {
            Assert.True(DateTime.UtcNow < until.AddMinutes(4), "the jobs were not all done");
            Assert.False(b.HasExited, "worker B exited");
            await Task.Delay(200, ct);
        }

        b.Kill();
        Assert.Equal(2L, await ScalarAsync<long>(cs, $"SELECT attempts FROM jobs WHERE id = '{killed}'", ct));
        Assert.Equal("B", await ScalarAsync<string>(cs, $"SELECT r.actor FROM jobs j JOIN runs r ON r.id = j.result_json::json->>'run_id' WHERE j.id = '{killed}'", ct));
        Assert.Equal(0L, await ScalarAsync<long>(cs, "SELECT COUNT(*) FROM (SELECT subject_id, entity_id FROM monitor_alerts WHERE live = 1 GROUP BY subject_id, entity_id HAVING COUNT(*) > 1) d", ct));
        Assert.Equal(8L, await ScalarAsync<long>(cs, "SELECT COUNT(*) FROM jobs WHERE status = 'done'", ct));

        // The alerts (subject, listed entity, reason, live, status) equal the single-process reference.
        var pgAlerts = Lines(ComityProcess.Run("monitor", "list", "--portfolio", "p", "--db", pg, "--limit", "5000").Out);
        var refAlerts = Lines(ComityProcess.Run("monitor", "list", "--portfolio", "p", "--db", sqlite, "--limit", "5000").Out);
        Assert.Equal(1600, pgAlerts.Count);
        Assert.Equal(refAlerts, pgAlerts);
        var pgAll = await AlertsAsync(cs, ct);
        Assert.True(pgAll.Count > 100, pgAll.Count.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(pgAll.Count, pgAll.Distinct(StringComparer.Ordinal).Count());
    }

    /// <summary>Each subject's id, current matches and decision, without times and ids.</summary>
    private static List<string> Lines(string jsonLines) =>
        [.. jsonLines.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l =>
        {
            using var doc = System.Text.Json.JsonDocument.Parse(l);
            var r = doc.RootElement;
            var matches = r.GetProperty("hits").EnumerateArray().Where(h => h.GetProperty("m").GetBoolean()).Select(h => h.GetProperty("e").GetString()).Order(StringComparer.Ordinal);
            return $"{r.GetProperty("id").GetString()} {r.GetProperty("action")} {string.Join(',', matches)}";
        }).Order(StringComparer.Ordinal)];

    private static async Task<List<string>> AlertsAsync(string cs, CancellationToken ct)
    {
        var list = new List<string>();
        await using var c = new NpgsqlConnection(cs);
        await c.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand("SELECT m.subject_id, m.entity_id, m.reason, m.live FROM monitor_alerts m", c);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            list.Add($"{r.GetString(0)} {r.GetString(1)} {r.GetString(2)} {r.GetInt64(3)}");
        }

        return list;
    }

    private static Process Start(string db, string node)
    {
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = ComityProcess.RepoRoot, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "comity.dll"), "worker", "--db", db, "--list", Un, "--list", Sdn2024, "--lease", "5", "--poll", "0.3", "--node", node })
        {
            psi.ArgumentList.Add(a);
        }

        var p = Process.Start(psi)!;
        p.OutputDataReceived += (_, _) => { };
        p.ErrorDataReceived += (_, _) => { };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        return p;
    }

    /// <summary>Subjects, fixed seed: names from the labelled pairs (variants of listed names, many match) and
    /// the labelled population (mostly not listed).</summary>
    private static string SubjectsCsv(int count)
    {
        var rng = new Random(20261207);
        var pairs = File.ReadAllLines(Cli.Repo("data/eval/pairs.csv")).Skip(1).Select(Split).Where(f => f.Length > 3 && f[3] == "1").Select(f => (Name: f[1], Schema: f[2])).ToList();
        var population = File.ReadAllLines(Cli.Repo("data/eval/population.csv")).Skip(1).Select(Split).Where(f => f.Length > 2).Select(f => (Name: f[1], Schema: f[2])).ToList();
        var sb = new StringBuilder("id,name,schema\n");
        for (var i = 0; i < count; i++)
        {
            var (name, schema) = i % 2 == 0 ? pairs[rng.Next(pairs.Count)] : population[rng.Next(population.Count)];
            sb.Append('s').Append(i.ToString(CultureInfo.InvariantCulture)).Append(",\"").Append(name.Replace("\"", "\"\"", StringComparison.Ordinal)).Append("\",").Append(schema).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>A CSV line's fields (quotes and doubled quotes handled).</summary>
    private static string[] Split(string line)
    {
        var fields = new List<string>();
        var sb = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    sb.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    sb.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(sb.ToString());
                sb.Clear();
            }
            else
            {
                sb.Append(c);
            }
        }

        fields.Add(sb.ToString());
        return [.. fields];
    }

    private static async Task<T?> ScalarAsync<T>(string cs, string sql, CancellationToken ct)
    {
        await using var c = new NpgsqlConnection(cs);
        await c.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand(sql, c);
        var v = await cmd.ExecuteScalarAsync(ct);
        return v is null or DBNull ? default : (T)Convert.ChangeType(v, typeof(T), CultureInfo.InvariantCulture);
    }

    private static async Task<string> CreateDatabaseAsync(CancellationToken ct)
    {
        var baseCs = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable("COMITY_TEST_POSTGRES") is { Length: > 0 } v
            ? v
            : throw new InvalidOperationException("COMITY_TEST_POSTGRES is not set: start PostgreSQL with `bash .ci/postgres.sh` and export the line it prints."));
        var name = "comity_workers_" + Guid.NewGuid().ToString("N")[..12];
        await using (var admin = new NpgsqlConnection(baseCs.ConnectionString))
        {
            await admin.OpenAsync(ct);
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync(ct);
        }

        return new NpgsqlConnectionStringBuilder(baseCs.ConnectionString) { Database = name }.ConnectionString;
    }
}
