using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Comity.Server.Tests.Support;

namespace Comity.Server.Tests.Hardening;

/// <summary>Issue 10, finding 1 (rest): the work of a screening request stops when its client disconnects, and when
/// its time budget is spent (503 problem details).</summary>
public sealed class CancellationTests : IAsyncLifetime
{
    private static readonly TimeSpan Budget = TimeSpan.FromMilliseconds(300);

    private TestServer _server = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _server = await TestServer.StartAsync(o => o with { RequestTimeBudget = Budget, RequestTimeBudgetPerSubject = TimeSpan.Zero });

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    /// <summary>40-token names of common tokens (many candidates each), fixed seed.</summary>
    private static IEnumerable<string> HeavyNames()
    {
        string[] tokens = ["Mohammed", "Ali", "Hassan", "Ahmed", "Abdul", "Rahman", "Al", "Bin", "Ibrahim", "Omar", "Khan", "Yusuf", "Abu", "Abdullah", "Said", "Salem"];
        var random = new Random(10);
        while (true)
        {
            yield return string.Join(' ', Enumerable.Range(0, 40).Select(_ => tokens[random.Next(tokens.Length)]));
        }
    }

    /// <summary>A batch of 1,000 subjects with <see cref="HeavyNames"/>: seconds of work.</summary>
    private static string HeavyBatch() =>
        "{\"subjects\": [" + string.Join(',', HeavyNames().Take(1000).Select((n, i) => $"{{\"id\": \"r{i}\", \"name\": \"{n}\"}}")) + "]}";

    private Task<long> CounterAsync(string name) => CounterAsync(_server, name);

    private static async Task<long> CounterAsync(TestServer server, string name)
    {
        var text = await server.Client.GetStringAsync("/metrics", Ct);
        var line = text.Split('\n').Single(l => l.StartsWith(name + " ", StringComparison.Ordinal));
        return long.Parse(line[(name.Length + 1)..], CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task A_spent_time_budget_stops_the_work_and_answers_503_problem_details()
    {
        var before = await CounterAsync("comity_request_budget_exceeded_total");
        var watch = Stopwatch.StartNew();
        using var response = await _server.PostJsonAsync("/v1/screen", HeavyBatch());
        watch.Stop();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("1", response.Headers.RetryAfter?.ToString());
        var body = await TestServer.JsonAsync(response);
        Assert.Equal("Time budget exceeded.", body.GetProperty("title").GetString());
        Assert.Contains("0.3 s", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before + 1, await CounterAsync("comity_request_budget_exceeded_total"));

        // Nothing was recorded for the stopped request: no run started.
        using var audit = await _server.GetAsync("/v1/audit?limit=1000");
        Assert.DoesNotContain("run.started", await audit.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        // The yente API has the same budget.
        var names = HeavyNames().Take(100).ToList();
        var queries = string.Join(',', names.Select((n, i) => $"\"q{i}\": {{\"schema\": \"Person\", \"properties\": {{\"name\": [\"{n}\"]}}}}"));
        using var match = await _server.PostJsonAsync("/match/default", "{\"queries\": {" + queries + "}}");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, match.StatusCode);
    }

    [Fact]
    public async Task A_disconnected_client_stops_the_work()
    {
        // Its own server with the harness's long budget: on this class's 0.3 s budget a loaded machine could spend the
        // budget before it noticed the closed connection, which is counted as a spent budget, not as abandoned.
        await using var server = await TestServer.StartAsync();
        var before = await CounterAsync(server, "comity_requests_abandoned_total");
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        using var content = new StringContent(HeavyBatch(), Encoding.UTF8, "application/json");
        using var gone = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        gone.CancelAfter(TimeSpan.FromMilliseconds(100));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.PostAsync("/v1/screen", content, gone.Token));

        // The server notices the closed connection and its screening throws out of the loop: counted as abandoned,
        // not as a spent budget, and well before the budget would have stopped it.
        var watch = Stopwatch.StartNew();
        while (await CounterAsync(server, "comity_requests_abandoned_total") == before && watch.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(20, Ct);
        }

        Assert.Equal(before + 1, await CounterAsync(server, "comity_requests_abandoned_total"));
        Assert.Equal(0, await CounterAsync(server, "comity_request_budget_exceeded_total"));
        using var audit = await server.GetAsync("/v1/audit?limit=1000");
        Assert.DoesNotContain("run.started", await audit.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}
