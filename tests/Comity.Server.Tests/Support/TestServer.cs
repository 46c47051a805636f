using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Comity.Server.Tests.Support;

/// <summary>A real Comity server on 127.0.0.1 (free port), in this process, over real SQLite and real list files,
/// with an <see cref="HttpClient"/> pointed at it.</summary>
internal sealed class TestServer : IAsyncDisposable
{
    private readonly RunningServer _server;

    private TestServer(RunningServer server, string dir, ServeOptions options)
    {
        _server = server;
        Dir = dir;
        Options = options;
        Client = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public HttpClient Client { get; }

    public string Dir { get; }

    public ServeOptions Options { get; }

    public Uri BaseAddress => _server.BaseAddress;

    internal IServiceProvider Services => _server.Services;

    /// <summary>Starts a server on copies of the UN and OFAC consolidated lists and waits until it is ready.</summary>
    public static async Task<TestServer> StartAsync(Func<ServeOptions, ServeOptions>? configure = null, string? db = null)
    {
        var (dir, un, cons) = Repo.CopyLists();
        var options = new ServeOptions
        {
            Urls = "http://127.0.0.1:0",
            Db = db ?? "sqlite:" + Path.Combine(dir, "comity.db"),
            Lists = [un, cons],
            WatchLists = false,
            LogLevel = Microsoft.Extensions.Logging.LogLevel.Warning,

            // The production budget (2 s) is about latency on an idle server; these tests check behaviour, and a
            // shared CI machine under load may take longer than 2 s for one request. The budget's own tests
            // (CancellationTests) set theirs.
            RequestTimeBudget = TimeSpan.FromSeconds(120),
        };
        options = configure?.Invoke(options) ?? options;
        var server = await ComityServer.StartAsync(options, TestContext.Current.CancellationToken);
        await server.WaitUntilReadyAsync(TestContext.Current.CancellationToken);
        return new TestServer(server, dir, options);
    }

    public Task<HttpResponseMessage> PostJsonAsync(string url, string json, string? key = null, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", key);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return Client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public Task<HttpResponseMessage> GetAsync(string url, string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", key);
        }

        return Client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        using var doc = JsonDocument.Parse(text);
        return doc.RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _server.DisposeAsync();
        try
        {
            Directory.Delete(Dir, recursive: true);
        }
        catch (IOException)
        {
            // A file may still be held briefly by the SQLite pool; the temp folder is cleaned by the OS.
        }
    }
}
