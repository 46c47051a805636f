using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Comity.Application.Tests.Monitoring;

/// <summary>A real webhook receiver: an HttpListener on 127.0.0.1 (free port) that records every request (headers and
/// body) and answers each with the next status of a script (then the last one forever).</summary>
internal sealed class WebhookReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<int> _script;
    private readonly int _last;
    private readonly Task _loop;

    public WebhookReceiver(params int[] statuses)
    {
        _script = new ConcurrentQueue<int>(statuses);
        _last = statuses[^1];
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
                Url = $"http://127.0.0.1:{port}/hook";
                break;
            }
            catch (HttpListenerException) when (attempt < 5)
            {
            }
        }

        _loop = Task.Run(LoopAsync);
    }

    public string Url { get; } = "";

    public ConcurrentQueue<(Dictionary<string, string> Headers, byte[] Body, int Answered)> Received { get; } = new();

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

            using var ms = new MemoryStream();
            await ctx.Request.InputStream.CopyToAsync(ms);
            var headers = ctx.Request.Headers.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => ctx.Request.Headers[k]!, StringComparer.OrdinalIgnoreCase);
            var status = _script.TryDequeue(out var s) ? s : _last;
            Received.Enqueue((headers, ms.ToArray(), status));
            ctx.Response.StatusCode = status;
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
