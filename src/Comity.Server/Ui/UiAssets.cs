using System.Collections.Frozen;
using System.Security.Cryptography;

namespace Comity.Server.Ui;

/// <summary>The UI's static files (stylesheet, script, map data), embedded in the assembly so that the UI works from
/// any folder and with no network: <c>GET /ui/assets/{name}</c> with a strong ETag and a content type; nothing else
/// is served from disk.</summary>
internal static class UiAssets
{
    private const string Prefix = "ui/";

    /// <summary>Files a browser may load (the map geometry is read by the server only).</summary>
    private static readonly FrozenDictionary<string, string> Served = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["site.css"] = "text/css; charset=utf-8",
        ["site.js"] = "text/javascript; charset=utf-8",
        ["favicon.svg"] = "image/svg+xml",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly Lazy<FrozenDictionary<string, (byte[] Bytes, string ETag)>> Cache = new(() =>
        Served.Keys.ToFrozenDictionary(k => k, k =>
        {
            using var s = Open(k) ?? throw new InvalidOperationException($"asset {k} is not embedded");
            using var ms = new MemoryStream();
            s.CopyTo(ms);
            var bytes = ms.ToArray();
            return (bytes, "\"" + Convert.ToHexStringLower(SHA256.HashData(bytes))[..16] + "\"");
        }, StringComparer.Ordinal));

    /// <summary>An embedded file by its path under <c>Ui/Assets</c>, or null.</summary>
    public static Stream? Open(string name) => typeof(UiAssets).Assembly.GetManifestResourceStream(Prefix + name);

    /// <summary>The cache-busting version of an asset (part of its ETag), for <c>?v=</c> in links.</summary>
    public static string Version(string name) => Cache.Value.TryGetValue(name, out var a) ? a.ETag.Trim('"') : "0";

    public static IResult Serve(HttpContext context, string name)
    {
        if (!Served.TryGetValue(name, out var type) || !Cache.Value.TryGetValue(name, out var asset))
        {
            return Results.NotFound();
        }

        var headers = context.Response.Headers;
        headers.ETag = asset.ETag;
        headers.CacheControl = "public, max-age=3600";
        if (context.Request.Headers.IfNoneMatch.ToString() == asset.ETag)
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        return Results.Bytes(asset.Bytes, type);
    }
}
