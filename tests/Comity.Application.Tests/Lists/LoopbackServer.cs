using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace Comity.Application.Tests.Lists;

/// <summary>What a route answers.</summary>
public enum Behaviour
{
    /// <summary>200 with the body, an ETag and a Last-Modified; 304 when the request's If-None-Match matches.</summary>
    Serve,

    NotFound,

    ServerError,

    /// <summary>Waits longer than any test's time-out before answering.</summary>
    Hang,

    /// <summary>Announces the full length, sends half the body and drops the connection.</summary>
    Truncate,

    /// <summary>200 with an HTML error page (Content-Type text/html).</summary>
    HtmlPage,

    /// <summary>200 with an HTML page labelled application/octet-stream.</summary>
    DisguisedHtml,
}

/// <summary>A real HTTP server on 127.0.0.1 (HttpListener on a free port), serving bytes per path with a chosen
/// behaviour, and counting the requests and the validators they carried.</summary>
internal sealed class LoopbackServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentDictionary<string, (byte[] Body, Behaviour Behaviour)> _routes = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public LoopbackServer()
    {
        for (var attempt = 0; ; attempt++)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            try
            {
                _listener.Prefixes.Clear();
                _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
                _listener.Start();
                BaseUrl = $"http://127.0.0.1:{port}/";
                break;
            }
            catch (HttpListenerException) when (attempt < 5)
            {
            }
        }

        _loop = Task.Run(LoopAsync);
    }

    public string BaseUrl { get; }

    /// <summary>Requests per path.</summary>
    public ConcurrentDictionary<string, int> Hits { get; } = new(StringComparer.Ordinal);

    /// <summary>Requests per path that carried If-None-Match.</summary>
    public ConcurrentDictionary<string, int> Conditional { get; } = new(StringComparer.Ordinal);

    public string Url(string path) => BaseUrl + path;

    public void Set(string path, byte[] body, Behaviour behaviour = Behaviour.Serve) => _routes[path] = (body, behaviour);

    public void Set(string path, Behaviour behaviour) => _routes[path] = (_routes.TryGetValue(path, out var r) ? r.Body : [], behaviour);

    public void SetFile(string path, string file, Behaviour behaviour = Behaviour.Serve) => Set(path, File.ReadAllBytes(file), behaviour);

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext ctx;
            try
            {
                ctx = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(ctx));
        }
    }

    private async Task HandleAsync(HttpListenerContext ctx)
    {
        var path = ctx.Request.Url!.AbsolutePath.TrimStart('/');
        Hits.AddOrUpdate(path, 1, (_, n) => n + 1);
        var response = ctx.Response;
        try
        {
            if (!_routes.TryGetValue(path, out var route))
            {
                response.StatusCode = 404;
                response.Close();
                return;
            }

            var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(route.Body))[..16] + "\"";
            if (ctx.Request.Headers["If-None-Match"] is { } inm)
            {
                Conditional.AddOrUpdate(path, 1, (_, n) => n + 1);
                if (route.Behaviour == Behaviour.Serve && inm == etag)
                {
                    response.StatusCode = 304;
                    response.Close();
                    return;
                }
            }

            switch (route.Behaviour)
            {
                case Behaviour.NotFound:
                    response.StatusCode = 404;
                    response.Close();
                    return;
                case Behaviour.ServerError:
                    response.StatusCode = 500;
                    response.Close();
                    return;
                case Behaviour.Hang:
                    await Task.Delay(TimeSpan.FromSeconds(30), _stop.Token).ConfigureAwait(false);
                    response.Abort();
                    return;
                case Behaviour.HtmlPage or Behaviour.DisguisedHtml:
                    var html = "<!DOCTYPE html><html><head><title>503 Service Unavailable</title></head><body><h1>Maintenance</h1></body></html>"u8.ToArray();
                    response.StatusCode = 200;
                    response.ContentType = route.Behaviour == Behaviour.HtmlPage ? "text/html; charset=utf-8" : "application/octet-stream";
                    response.ContentLength64 = html.Length;
                    await response.OutputStream.WriteAsync(html).ConfigureAwait(false);
                    response.Close();
                    return;
                case Behaviour.Truncate:
                    response.StatusCode = 200;
                    response.ContentLength64 = route.Body.Length;
                    await response.OutputStream.WriteAsync(route.Body.AsMemory(0, route.Body.Length / 2)).ConfigureAwait(false);
                    await response.OutputStream.FlushAsync().ConfigureAwait(false);
                    response.Abort();
                    return;
                default:
                    response.StatusCode = 200;
                    response.ContentType = "application/octet-stream";
                    response.AddHeader("ETag", etag);
                    response.AddHeader("Last-Modified", "Tue, 01 Dec 2026 08:00:00 GMT");
                    response.ContentLength64 = route.Body.Length;
                    await response.OutputStream.WriteAsync(route.Body).ConfigureAwait(false);
                    response.Close();
                    return;
            }
        }
        catch (Exception e) when (e is HttpListenerException or IOException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
        {
            // The client went away or the server is stopping.
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }

        _stop.Dispose();
    }
}
