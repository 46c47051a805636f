using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Comity.Server.Tests.Support;

namespace Comity.Server.Tests.Hosting;

/// <summary>How request and response bodies travel: compressed request bodies (Content-Encoding gzip or br) are answered
/// as the plain body would be and the size limit applies to the decompressed bytes; responses written into pooled
/// buffers stay whole under concurrency.</summary>
public sealed class ProtocolTests
{
    private const string Query = """{"queries": {"q": {"schema": "Person", "properties": {"name": ["Ibrahim Hassan Tali al-Asiri"]}}}}""";

    [Fact]
    public async Task A_gzip_or_brotli_body_is_answered_as_the_same_plain_body_would_be()
    {
        await using var server = await TestServer.StartAsync();
        using var plain = await server.PostJsonAsync("/match/default", Query);
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        var expected = await plain.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("\"results\"", expected, StringComparison.Ordinal);
        Assert.NotEmpty((await TestServer.JsonAsync(plain)).GetProperty("responses").GetProperty("q").GetProperty("results").EnumerateArray());

        foreach (var encoding in new[] { "gzip", "br" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/match/default") { Content = Compressed(Encoding.UTF8.GetBytes(Query), encoding) };
            using var response = await server.Client.SendAsync(request, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(expected, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }
    }

    [Fact]
    public async Task A_small_compressed_body_that_inflates_beyond_the_limit_is_refused_with_413()
    {
        await using var server = await TestServer.StartAsync(o => o with { MaxRequestBodyBytes = 2048 });
        var inflated = Encoding.UTF8.GetBytes("{\"queries\": {\"q\": {\"schema\": \"Person\", \"properties\": {\"name\": [\"" + new string('a', 200_000) + "\"]}}}}");
        using var content = Compressed(inflated, "gzip");
        Assert.True((await content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)).Length < 2048, "the compressed body itself is under the limit");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/match/default") { Content = content };
        using var response = await server.Client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);

        using var native = new HttpRequestMessage(HttpMethod.Post, "/v1/screen") { Content = Compressed(Encoding.UTF8.GetBytes("{\"subject\": {\"name\": \"" + new string('a', 200_000) + "\"}}"), "gzip") };
        using var nativeResponse = await server.Client.SendAsync(native, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, nativeResponse.StatusCode);
    }

    [Fact]
    public async Task Concurrent_responses_written_from_pooled_buffers_each_equal_the_sequential_answer()
    {
        await using var server = await TestServer.StartAsync();
        string[] names = ["Ibrahim Hassan Tali al-Asiri", "Korea Mining Development Trading Corporation", "Kim Jong Un", "Nobody Atall", "Viktor Bout", "Banco Nacional de Cuba"];
        var bodies = names.Select(n => "{\"queries\": {\"q\": {\"schema\": \"LegalEntity\", \"properties\": {\"name\": [" + System.Text.Json.JsonSerializer.Serialize(n) + "]}}}}").ToArray();
        var expected = new string[bodies.Length];
        for (var i = 0; i < bodies.Length; i++)
        {
            using var response = await server.PostJsonAsync("/match/default?threshold=0.5", bodies[i]);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            expected[i] = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        }

        Assert.Equal(bodies.Length, expected.Distinct(StringComparer.Ordinal).Count());
        var rounds = Enumerable.Range(0, 120).Select(async k =>
        {
            using var response = await server.PostJsonAsync("/match/default?threshold=0.5", bodies[k % bodies.Length]);
            return (k % bodies.Length, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        });
        foreach (var (i, body) in await Task.WhenAll(rounds))
        {
            Assert.Equal(expected[i], body);
        }
    }

    private static ByteArrayContent Compressed(byte[] body, string encoding)
    {
        using var buffer = new MemoryStream();
        using (Stream z = encoding == "br" ? new BrotliStream(buffer, CompressionLevel.Optimal, leaveOpen: true) : new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            z.Write(body);
        }

        var content = new ByteArrayContent(buffer.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Headers.ContentEncoding.Add(encoding);
        return content;
    }
}
