using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Comity.Server;
using OpenQA.Selenium;

namespace Comity.Ui.Tests.Support;

/// <summary>The suite's one server and one browser: <c>comity serve</c> in this process on 127.0.0.1 (free port) over
/// the bundled default corpus and a fresh SQLite database, with API keys for two analysts, an admin and a screener;
/// and a headless Chromium. Started once for every test of the <see cref="DeskCollection"/>.</summary>
public sealed class Desk : IAsyncLifetime
{
    public const string AnaKey = "ana-analyst-key-0123456789";
    public const string BenKey = "ben-analyst-key-0123456789";
    public const string AdminKey = "ada-admin-key-0123456789ab";
    public const string ScreenerKey = "sam-screener-key-012345678";

    private RunningServer? _server;
    private Browser? _browser;

    public Uri BaseAddress => _server!.BaseAddress;

    internal Browser Browser => _browser!;

    internal IServiceProvider Services => _server!.Services;

    public HttpClient Http { get; private set; } = null!;

    public string Dir { get; } = Repo.TempDir();

    public async ValueTask InitializeAsync()
    {
        var keys = Path.Combine(Dir, "keys.json");
        await File.WriteAllTextAsync(keys, JsonSerializer.Serialize(new
        {
            keys = new[]
            {
                new { name = "ana", role = "analyst", key = AnaKey },
                new { name = "ben", role = "analyst", key = BenKey },
                new { name = "ada", role = "admin", key = AdminKey },
                new { name = "sam", role = "screener", key = ScreenerKey },
            },
        }));
        var options = new ServeOptions
        {
            Urls = "http://127.0.0.1:0",
            Db = "sqlite:" + Path.Combine(Dir, "comity.db"),
            KeysFile = keys,
            WatchLists = false,
            LogLevel = Microsoft.Extensions.Logging.LogLevel.Warning,
        };
        _server = await ComityServer.StartAsync(options);
        Http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = _server.BaseAddress, Timeout = TimeSpan.FromSeconds(120) };
        _browser = new Browser(_server.BaseAddress);
        await _server.WaitUntilReadyAsync();
    }

    public async ValueTask DisposeAsync()
    {
        _browser?.Dispose();
        Http?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        try
        {
            Directory.Delete(Dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>Signs the browser in with an API key (after signing out whoever was signed in).</summary>
    internal void SignIn(string key)
    {
        var b = Browser;
        b.Driver.Manage().Cookies.DeleteAllCookies();
        b.Go("/ui/sign-in");
        b.Find("#api-key").SendKeys(key);
        b.Find("form button[type=submit]").Click();
        b.Wait(d => d.FindElements(By.CssSelector("[data-testid=who]")).FirstOrDefault(), "the signed-in name");
    }

    /// <summary>Screens subjects through <c>POST /v1/screen</c> with the screener's key; returns the alert ids in order.</summary>
    public async Task<IReadOnlyList<string>> ScreenAsync(object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/screen")
        {
            Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", ScreenerKey);
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        using var doc = JsonDocument.Parse(text);
        var ids = new List<string>();
        foreach (var result in doc.RootElement.GetProperty("results").EnumerateArray())
        {
            foreach (var hit in result.GetProperty("hits").EnumerateArray())
            {
                if (hit.TryGetProperty("alert_id", out var id) && id.ValueKind == JsonValueKind.String)
                {
                    ids.Add(id.GetString()!);
                }
            }
        }

        return ids;
    }

    /// <summary>Calls the real <c>/v1</c> API with an API key; asserts a 2xx answer and returns its JSON body
    /// (<see cref="JsonValueKind.Undefined"/> when it has none).</summary>
    public async Task<JsonElement> ApiAsync(HttpMethod method, string path, string key, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        }

        request.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", key);
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {text}");
        if (text.Length == 0)
        {
            return default;
        }

        using var doc = JsonDocument.Parse(text);
        return doc.RootElement.Clone();
    }

    /// <summary>GET with the browser's session cookie (to fetch downloads and read headers over real HTTP).</summary>
    internal async Task<HttpResponseMessage> GetWithSessionAsync(string path)
    {
        var cookies = string.Join("; ", Browser.Driver.Manage().Cookies.AllCookies.Select(c => c.Name + "=" + c.Value));
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookies);
        return await Http.SendAsync(request);
    }
}

[CollectionDefinition(Name)]
public sealed class DeskCollection : ICollectionFixture<Desk>
{
    public const string Name = "desk";
}
