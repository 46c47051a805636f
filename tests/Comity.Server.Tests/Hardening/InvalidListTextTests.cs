using System.Net;
using System.Text;
using System.Text.Json;
using Comity.Server.Tests.Support;

namespace Comity.Server.Tests.Hardening;

/// <summary>Issue 10, finding 5 (list files): an FtM file holding invalid UTF-8 bytes or an escaped lone surrogate made
/// <c>POST /v1/lists/reload</c> answer 500 with the failure recorded nowhere, the watcher fail silently and a start-up
/// load leave <c>/readyz</c> at 503 forever with nothing logged. Now every outcome names the file and line and is
/// recorded in <c>/v1/lists</c>, <c>/metrics</c> and the audit log; the previous corpus stays in force.</summary>
public sealed class InvalidListTextTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The constructed FtM file (JSON Lines) with the attack in line 2: raw bytes FF FE C3 in a name, or the
    /// escape <c>\ud800x</c>.</summary>
    public static TheoryData<string> Bad => new() { "bytes", "surrogate" };

    private static byte[] FtmLines(string? kind)
    {
        var lines = File.ReadAllBytes(Repo.Data("constructed", "ftm", "entities.ftm.json"));
        if (kind is null)
        {
            return lines;
        }

        var text = Encoding.UTF8.GetString(lines).Split('\n');
        var at = text[1].IndexOf("\"name\": [\"", StringComparison.Ordinal) + "\"name\": [\"".Length;
        byte[] inject = kind == "bytes" ? [0xFF, 0xFE, 0xC3] : "\\ud800x"u8.ToArray();
        return
        [
            .. Encoding.UTF8.GetBytes(text[0] + "\n" + text[1][..at]), .. inject,
            .. Encoding.UTF8.GetBytes(text[1][at..] + "\n" + string.Join('\n', text[2..])),
        ];
    }

    private static string GoodFtmFile()
    {
        var path = Path.Combine(Repo.TempDir(), "entities.ftm.json");
        File.WriteAllBytes(path, FtmLines(null));
        return path;
    }

    [Theory]
    [MemberData(nameof(Bad))]
    public async Task A_reload_of_a_file_with_invalid_text_is_a_422_problem_recorded_in_lists_metrics_and_audit(string kind)
    {
        var ftm = GoodFtmFile();
        await using var server = await TestServer.StartAsync(o => o with { Lists = [.. o.Lists!, ftm] });
        var version = await VersionAsync(server);
        var failuresBefore = await MetricAsync(server, "comity_corpus_reload_failures_total");
        await File.WriteAllBytesAsync(ftm, FtmLines(kind), Ct);

        using var reload = await server.PostJsonAsync("/v1/lists/reload?wait=true", "{}");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reload.StatusCode);
        Assert.Equal("application/problem+json", reload.Content.Headers.ContentType?.MediaType);
        var problem = await TestServer.JsonAsync(reload);
        Assert.Equal(422, problem.GetProperty("status").GetInt32());
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.StartsWith("entities.ftm.json: line 2", detail, StringComparison.Ordinal);
        Assert.Contains(kind == "bytes" ? "invalid UTF-8 (byte 0xFF)" : "$.properties.name[0]", detail, StringComparison.Ordinal);
        Assert.False(problem.GetProperty("attempt").GetProperty("succeeded").GetBoolean());

        // Recorded: /v1/lists, metrics, the audit log; the old corpus (with the good FtM file) still serves.
        using var lists = await server.GetAsync("/v1/lists");
        var body = await TestServer.JsonAsync(lists);
        Assert.Equal(version, body.GetProperty("corpus").GetProperty("version").GetString());
        Assert.Equal(detail, body.GetProperty("last_error").GetProperty("error").GetString());
        Assert.False(body.GetProperty("last_reload").GetProperty("succeeded").GetBoolean());
        Assert.Equal(failuresBefore + 1, await MetricAsync(server, "comity_corpus_reload_failures_total"));
        Assert.Equal(0, await MetricAsync(server, "comity_corpus_last_reload_succeeded"));
        var audit = await AuditRecordAsync(server, "corpus.reload_failed");
        Assert.Contains("entities.ftm.json: line 2", audit, StringComparison.Ordinal);
        Assert.Equal(3, body.GetProperty("datasets").EnumerateArray().Single(d => d.GetProperty("source").GetString() == "demo-sanctions").GetProperty("entity_count").GetInt32());
        using var ready = await server.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);

        // A good file again: the success is recorded the same way.
        await File.WriteAllBytesAsync(ftm, FtmLines(null), Ct);
        using var again = await server.PostJsonAsync("/v1/lists/reload?wait=true", "{}");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("reloaded", (await TestServer.JsonAsync(again)).GetProperty("status").GetString());
        Assert.Equal(1, await MetricAsync(server, "comity_corpus_last_reload_succeeded"));
        Assert.Contains("\"succeeded\":true", await AuditRecordAsync(server, "corpus.reloaded", after: audit), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_watchers_failed_reload_is_recorded_like_an_api_one()
    {
        var ftm = GoodFtmFile();
        await using var server = await TestServer.StartAsync(o => o with { Lists = [.. o.Lists!, ftm], WatchLists = true, WatchDebounce = TimeSpan.FromMilliseconds(200) });
        var version = await VersionAsync(server);
        await File.WriteAllBytesAsync(ftm, FtmLines("surrogate"), Ct);

        JsonElement body = default;
        for (var i = 0; i < 300; i++)
        {
            await Task.Delay(100, Ct);
            using var lists = await server.GetAsync("/v1/lists");
            body = await TestServer.JsonAsync(lists);
            if (body.GetProperty("last_error").ValueKind == JsonValueKind.Object)
            {
                break;
            }
        }

        var error = body.GetProperty("last_error");
        Assert.Equal("file-change", error.GetProperty("trigger").GetString());
        Assert.StartsWith("entities.ftm.json: line 2: invalid text at $.properties.name[0]", error.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(version, body.GetProperty("corpus").GetProperty("version").GetString());
        Assert.Equal(1, await MetricAsync(server, "comity_corpus_reload_failures_total"));
        var audit = await AuditRecordAsync(server, "corpus.reload_failed");
        Assert.Contains("file-change", audit, StringComparison.Ordinal);
        Assert.Contains("entities.ftm.json: line 2", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_start_up_load_is_logged_and_readyz_says_why()
    {
        var ftm = GoodFtmFile();
        await File.WriteAllBytesAsync(ftm, FtmLines("bytes"), Ct);
        var db = "sqlite:" + Path.Combine(Path.GetDirectoryName(ftm)!, "comity.db");
        await using var server = await ServerProcess.StartAsync(db, [ftm], waitReady: false);

        JsonElement body = default;
        HttpStatusCode status = default;
        for (var i = 0; i < 600; i++)
        {
            using var ready = await server.Client.GetAsync("/readyz", Ct);
            status = ready.StatusCode;
            body = await TestServer.JsonAsync(ready);
            if (body.TryGetProperty("last_error", out _))
            {
                break;
            }

            await Task.Delay(100, Ct);
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        var detail = body.GetProperty("detail").GetString()!;
        Assert.Contains("the corpus load failed (start-up)", detail, StringComparison.Ordinal);
        Assert.Contains("entities.ftm.json: line 2, column", detail, StringComparison.Ordinal);
        Assert.Contains("invalid UTF-8", detail, StringComparison.Ordinal);
        Assert.Equal("failed", body.GetProperty("status").GetString());
        for (var i = 0; i < 100 && !server.Output.Contains("corpus load failed", StringComparison.Ordinal); i++)
        {
            await Task.Delay(100, Ct);
        }

        Assert.Contains("corpus load failed (start-up): entities.ftm.json: line 2, column", server.Output, StringComparison.Ordinal);
        using var metrics = await server.Client.GetAsync("/metrics", Ct);
        var text = await metrics.Content.ReadAsStringAsync(Ct);
        Assert.Contains("comity_corpus_reload_failures_total 1", text, StringComparison.Ordinal);
    }

    private static async Task<string> VersionAsync(TestServer server)
    {
        using var lists = await server.GetAsync("/v1/lists");
        return (await TestServer.JsonAsync(lists)).GetProperty("corpus").GetProperty("version").GetString()!;
    }

    private static async Task<long> MetricAsync(TestServer server, string name)
    {
        using var r = await server.GetAsync("/metrics");
        var text = await r.Content.ReadAsStringAsync(Ct);
        var line = text.Split('\n').Single(l => l.StartsWith(name + " ", StringComparison.Ordinal));
        return long.Parse(line[(name.Length + 1)..], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The raw JSON of the newest audit record of <paramref name="action"/> (polled: the record is appended
    /// just after the attempt); with <paramref name="after"/>, one that differs from it.</summary>
    private static async Task<string> AuditRecordAsync(TestServer server, string action, string? after = null)
    {
        for (var i = 0; i < 100; i++)
        {
            using var r = await server.GetAsync("/v1/audit?limit=1000");
            var body = await TestServer.JsonAsync(r);
            var found = body.GetProperty("records").EnumerateArray()
                .Where(e => e.GetProperty("action").GetString() == action)
                .Select(e => e.GetRawText())
                .LastOrDefault();
            if (found is not null && found != after)
            {
                return found;
            }

            await Task.Delay(100, Ct);
        }

        throw new TimeoutException($"no audit record {action}");
    }
}
