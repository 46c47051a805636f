using System.Text;
using System.Text.Json;
using Comity.Application.Monitoring;
using Comity.Server.Tests.Support;

namespace Comity.Server.Tests.Monitoring;

/// <summary>The monitoring API of a real server on loopback (SQLite, the UN and OFAC consolidated lists): a portfolio
/// created with its profile, subjects added and screened (alerts, events), read back with their hits and alerts,
/// removed; a webhook receiving signed events from the server's own worker; the event feed paged by sequence; a full
/// re-screen through the job queue; runs with their proof of screening, replayed (a /v1/screen run too).</summary>
public sealed class MonitorApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Portfolios_subjects_events_webhooks_rescreen_and_replay_over_http()
    {
        await using var server = await TestServer.StartAsync(o => o with { Monitor = o.Monitor with { PollInterval = TimeSpan.FromMilliseconds(200) } });
        using var hook = new HookReceiver();

        // Validation before anything is stored.
        using (var bad = await server.PostJsonAsync("/v1/portfolios/bad name/subjects", """{"subjects":[]}"""))
        {
            Assert.Equal(400, (int)bad.StatusCode);
        }

        using (var noId = await server.PostJsonAsync("/v1/portfolios/kyc/subjects", """{"subjects":[{"name":"Someone"}]}"""))
        {
            Assert.Equal(400, (int)noId.StatusCode);
            Assert.Contains("subjects[0]", await noId.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        using (var create = await Send(server, HttpMethod.Put, "/v1/portfolios/kyc", """{"profile":{"jurisdiction":"DE","role":"bank"},"shard_size":2}"""))
        {
            Assert.Equal(200, (int)create.StatusCode);
            var p = await TestServer.JsonAsync(create);
            Assert.Equal("DE", p.GetProperty("profile").GetProperty("jurisdiction").GetString());
            Assert.Equal(2, p.GetProperty("shard_size").GetInt32());
        }

        using (var conflict = await Send(server, HttpMethod.Put, "/v1/portfolios/kyc", """{"profile":{"jurisdiction":"FR"}}"""))
        {
            Assert.Equal(409, (int)conflict.StatusCode);
        }

        using (var added = await server.PostJsonAsync("/v1/portfolios/kyc/webhooks", JsonSerializer.Serialize(new { url = hook.BaseUrl + "events", secret = "0123456789abcdef-secret" })))
        {
            Assert.Equal(201, (int)added.StatusCode);
            Assert.Equal("0123456789abcdef-secret", (await TestServer.JsonAsync(added)).GetProperty("secret").GetString());
        }

        var body = """
        {"subjects":[
          {"id":"c1","name":"Ibrahim Hassan Tali al-Asiri","schema":"Person"},
          {"id":"c2","name":"Anna Schmidt","dob":"1985-04-12","country":"DE"},
          {"id":"c3","name":"Korea Mining Development Trading Corporation"}]}
        """;
        JsonElement report;
        using (var r = await server.PostJsonAsync("/v1/portfolios/kyc/subjects", body))
        {
            Assert.Equal(200, (int)r.StatusCode);
            report = await TestServer.JsonAsync(r);
        }

        Assert.Equal(3, report.GetProperty("added").GetInt32());
        Assert.Equal(2, report.GetProperty("matches").GetInt32());
        Assert.True(report.GetProperty("alerts_created").GetInt32() >= 2);
        var runId = report.GetProperty("run_id").GetString()!;

        // The same subjects again: nothing changes, nothing is raised.
        using (var again = await server.PostJsonAsync("/v1/portfolios/kyc/subjects", body))
        {
            var j = await TestServer.JsonAsync(again);
            Assert.Equal((0, 3, 0), (j.GetProperty("added").GetInt32(), j.GetProperty("unchanged").GetInt32(), j.GetProperty("alerts_created").GetInt32()));
        }

        var portfolio = await TestServer.JsonAsync(await server.GetAsync("/v1/portfolios/kyc"));
        Assert.Equal(3, portfolio.GetProperty("subjects").GetInt32());
        Assert.Equal(2, portfolio.GetProperty("shards").GetArrayLength());

        var c1 = await TestServer.JsonAsync(await server.GetAsync("/v1/portfolios/kyc/subjects/c1"));
        Assert.True(c1.GetProperty("match").GetBoolean());
        var alert = c1.GetProperty("alerts")[0];
        Assert.Equal(("open", "new_hit", true), (alert.GetProperty("status").GetString(), alert.GetProperty("reason").GetString(), alert.GetProperty("live").GetBoolean()));
        Assert.Equal(404, (int)(await server.GetAsync("/v1/portfolios/kyc/subjects/nobody")).StatusCode);

        // The event feed, paged by sequence number.
        var page1 = await TestServer.JsonAsync(await server.GetAsync("/v1/events?after=0&limit=2&portfolio=kyc"));
        Assert.Equal(2, page1.GetProperty("events").GetArrayLength());
        var next = page1.GetProperty("next_after").GetInt64();
        var page2 = await TestServer.JsonAsync(await server.GetAsync($"/v1/events?after={next}&limit=1000"));
        var all = page1.GetProperty("events").EnumerateArray().Concat(page2.GetProperty("events").EnumerateArray()).ToList();
        Assert.Contains(all, e => e.GetProperty("type").GetString() == "alert.created" && e.GetProperty("subject_id").GetString() == "c1");
        Assert.Contains(all, e => e.GetProperty("type").GetString() == "subjects.added");
        Assert.True(all.Select(e => e.GetProperty("seq").GetInt64()).SequenceEqual(all.Select(e => e.GetProperty("seq").GetInt64()).Order()));

        // The server's worker delivers every event to the webhook, signed.
        await WaitAsync(() => hook.Posts.Count >= all.Count, "webhook deliveries");
        foreach (var (headers, payload) in hook.Posts)
        {
            var ts = long.Parse(headers[WebhookSignature.TimestampHeader], System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(WebhookSignature.Verify("0123456789abcdef-secret", ts, payload, headers[WebhookSignature.SignatureHeader]));
        }

        Assert.Equal(all.Select(e => e.GetProperty("id").GetString()).Order(StringComparer.Ordinal), hook.Posts.Select(p => p.Headers[WebhookSignature.EventIdHeader]).Distinct().Order(StringComparer.Ordinal));

        // A full re-screen through the queue, taken by the server's worker: two shards, nothing new.
        using (var rescreen = await server.PostJsonAsync("/v1/portfolios/kyc/rescreen?mode=full", "{}"))
        {
            Assert.Equal(202, (int)rescreen.StatusCode);
            Assert.Equal(2, (await TestServer.JsonAsync(rescreen)).GetProperty("jobs").GetInt32());
        }

        await WaitAsync(async () => (await TestServer.JsonAsync(await server.GetAsync("/v1/jobs?status=done&portfolio=kyc"))).GetArrayLength() == 2, "two done jobs");
        var jobs = await TestServer.JsonAsync(await server.GetAsync("/v1/jobs?status=done&portfolio=kyc"));
        Assert.All(jobs.EnumerateArray(), j => Assert.Equal(0, j.GetProperty("result").GetProperty("alerts_created").GetInt32()));
        Assert.Equal(3, jobs.EnumerateArray().Sum(j => j.GetProperty("result").GetProperty("screened").GetInt32()));

        // Proof of screening and replay: the add's run, and a /v1/screen run.
        var run = await TestServer.JsonAsync(await server.GetAsync("/v1/runs/" + runId));
        Assert.Equal(ProofJson.EngineVersion, run.GetProperty("engine_version").GetString());
        Assert.Equal(0.65, run.GetProperty("threshold").GetDouble());
        Assert.Equal("DE", run.GetProperty("profile").GetProperty("jurisdiction").GetString());
        Assert.Equal(2, run.GetProperty("corpus").GetProperty("lists").GetArrayLength());
        var replay = await TestServer.JsonAsync(await server.GetAsync($"/v1/runs/{runId}/replay"));
        Assert.True(replay.GetProperty("reproduced").GetBoolean());
        Assert.Equal(3, replay.GetProperty("subjects").GetInt32());
        Assert.Equal(0, replay.GetProperty("differences").GetInt32());

        using (var screen = await server.PostJsonAsync("/v1/screen", """{"subjects":[{"name":"Ibrahim Hassan Tali al-Asiri"},{"name":"Erika Mustermann"}],"profile":{"jurisdiction":"FR","as_of":"2026-10-01"},"threshold":0.7}"""))
        {
            var screenRun = (await TestServer.JsonAsync(screen)).GetProperty("run_id").GetString();
            var screenReplay = await TestServer.JsonAsync(await server.GetAsync($"/v1/runs/{screenRun}/replay"));
            Assert.True(screenReplay.GetProperty("reproduced").GetBoolean());
            Assert.Equal(2, screenReplay.GetProperty("subjects").GetInt32());
            Assert.Equal(0.7, screenReplay.GetProperty("threshold").GetDouble());
            Assert.Equal("2026-10-01", screenReplay.GetProperty("profile").GetProperty("as_of").GetString());
        }

        Assert.Equal(404, (int)(await server.GetAsync("/v1/runs/no-such-run/replay")).StatusCode);

        // Removing a subject: 204, then 404; its alerts stay.
        Assert.Equal(204, (int)(await Send(server, HttpMethod.Delete, "/v1/portfolios/kyc/subjects/c1", null)).StatusCode);
        Assert.Equal(404, (int)(await Send(server, HttpMethod.Delete, "/v1/portfolios/kyc/subjects/c1", null)).StatusCode);
        Assert.Equal(200, (int)(await server.GetAsync("/v1/alerts/" + alert.GetProperty("alert_id").GetString())).StatusCode);
        var list = await TestServer.JsonAsync(await server.GetAsync("/v1/portfolios"));
        Assert.Equal(2, list.GetProperty("portfolios")[0].GetProperty("subjects").GetInt32());

        // The alert queue filters by the portfolio whose monitoring raised an alert (alerts of /v1/screen have none).
        var everything = await TestServer.JsonAsync(await server.GetAsync("/v1/alerts?limit=1000"));
        var kyc = await TestServer.JsonAsync(await server.GetAsync("/v1/alerts?portfolio=kyc&limit=1000"));
        var kycIds = kyc.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetString()).ToList();
        Assert.Contains(alert.GetProperty("alert_id").GetString(), kycIds);
        Assert.True(kyc.GetProperty("total").GetInt64() < everything.GetProperty("total").GetInt64(), "the /v1/screen alerts are not the portfolio's");
        Assert.Equal(0, (await TestServer.JsonAsync(await server.GetAsync("/v1/alerts?portfolio=nobody"))).GetProperty("total").GetInt64());
    }

    private static Task<HttpResponseMessage> Send(TestServer server, HttpMethod method, string url, string? json)
    {
        var request = new HttpRequestMessage(method, url);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return server.Client.SendAsync(request, Ct);
    }

    private static Task WaitAsync(Func<bool> done, string what) => WaitAsync(() => Task.FromResult(done()), what);

    private static async Task WaitAsync(Func<Task<bool>> done, string what)
    {
        var until = DateTime.UtcNow.AddSeconds(120);
        while (!await done())
        {
            Assert.True(DateTime.UtcNow < until, "timed out waiting for " + what);
            await Task.Delay(200, Ct);
        }
    }
}
