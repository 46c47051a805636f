using System.Net;
using Comity.Server.Security;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Comity.Server.Hosting;

/// <summary>Without API keys authentication is off, so Comity must serve loopback only — however the addresses were
/// configured (<c>--urls</c>, <c>ASPNETCORE_URLS</c>, <c>Kestrel__Endpoints__*__Url</c> or its <c>ASPNETCORE_</c>
/// form, a config file). Rewriting <c>--urls</c> is not enough: Kestrel's endpoint configuration overrides it. So
/// after start the guard reads the addresses the server really bound, and refuses to serve (stops, start-up fails)
/// when any is not loopback. Until it has checked, every request is answered 503.</summary>
internal sealed partial class BindingGuard(ApiKeyRing ring, ILogger<BindingGuard> log)
{
    private volatile bool _verified;

    /// <summary>True once the bound addresses were checked and found acceptable.</summary>
    public bool Verified => _verified;

    /// <summary>Checks the bound addresses; logs them; throws <see cref="InvalidOperationException"/> when
    /// authentication is off and one of them is reachable from other hosts.</summary>
    public IReadOnlyList<string> Verify(IServer server)
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses.ToArray() ?? [];
        var open = addresses.Where(a => !IsLoopback(a)).ToArray();
        var openText = string.Join(", ", open);
        var boundText = string.Join(", ", addresses);
        if (!ring.Enabled && open.Length > 0)
        {
            LogRefused(log, openText);
            throw new InvalidOperationException(
                $"refusing to serve: no API keys are configured (authentication is off) but the server is bound to the non-loopback address(es) {openText}, "
                + "set through the server's configuration (e.g. Kestrel__Endpoints__*__Url or ASPNETCORE_URLS). "
                + "Bind to 127.0.0.1 / [::1] / localhost only, or configure API keys with --keys FILE or COMITY_API_KEYS.");
        }

        if (ring.Enabled)
        {
            LogBoundWithKeys(log, ring.Count, boundText);
        }
        else
        {
            LogBoundWithoutKeys(log, boundText);
        }

        _verified = true;
        return addresses;
    }

    /// <summary>Serves a request only once the bound addresses were verified.</summary>
    public async Task GateAsync(HttpContext context, RequestDelegate next)
    {
        if (!_verified)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = "1";
            return;
        }

        await next(context).ConfigureAwait(false);
    }

    /// <summary>True for a bound address only this host can reach: <c>localhost</c> or a loopback IP literal.</summary>
    internal static bool IsLoopback(string address)
    {
        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri))
        {
            return false;
        }

        var host = uri.Host.Trim('[', ']');
        return string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "no API keys configured and bound to non-loopback {Addresses}: refusing to serve")]
    private static partial void LogRefused(ILogger log, string addresses);

    [LoggerMessage(Level = LogLevel.Warning, Message = "no API keys configured: authentication is off; bound to {Addresses} (loopback only, verified after start). Configure keys with --keys FILE or COMITY_API_KEYS to serve other hosts.")]
    private static partial void LogBoundWithoutKeys(ILogger log, string addresses);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} API keys configured (held as SHA-256 hashes); bound to {Addresses}")]
    private static partial void LogBoundWithKeys(ILogger log, int count, string addresses);
}
