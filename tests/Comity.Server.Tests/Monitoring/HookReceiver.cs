using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Comity.Server.Tests.Monitoring;

/// <summary>A real HTTP endpoint on 127.0.0.1 (free port) that records every request and answers 200; also serves
/// files by path (a list publication for scheduled updates), counting requests per path.</summary>
internal sealed class HookReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;

    public HookReceiver()
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

    public string BaseUrl { get; } = "";

    public ConcurrentDictionary<string, byte[]> Files { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, int> Hits { get; } = new(StringComparer.Ordinal);

    public ConcurrentQueue<(Dictionary<string, string> Headers, byte[] Body)> Posts { get; } = new();

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext ctx;
            try
            {
                ctx = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            var path = ctx.Request.Url!.AbsolutePath.TrimStart('/');
            Hits.AddOrUpdate(path, 1, (_, n) => n + 1);
            if (ctx.Request.HttpMethod == "POST")
            {
                using var ms = new MemoryStream();
                await ctx.Request.InputStream.CopyToAsync(ms);
                Posts.Enqueue((ctx.Request.Headers.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => ctx.Request.Headers[k]!, StringComparer.OrdinalIgnoreCase), ms.ToArray()));
                ctx.Response.StatusCode = 200;
                ctx.Response.Close();
                continue;
            }

            if (Files.TryGetValue(path, out var body))
            {
                ctx.Response.StatusCode = 200;
                ctx.Response.ContentType = "application/octet-stream";
                ctx.Response.ContentLength64 = body.Length;
                await ctx.Response.OutputStream.WriteAsync(body);
                ctx.Response.Close();
                continue;
            }

            ctx.Response.StatusCode = 404;
            ctx.Response.Close();
        }
    }

    public void Dispose()
    {
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }
    }
}
