using System.Text.Encodings.Web;
using System.Text.Json;

namespace Comity.Server.Yente;

/// <summary>Writes JSON responses with <see cref="Utf8JsonWriter"/> into a pooled buffer (no reflection, no per-request
/// serializer metadata, the buffer returned once sent): the hot path of <c>/match</c>.</summary>
internal static class WireJson
{
    public static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IResult Ok(Action<Utf8JsonWriter> write, int status = StatusCodes.Status200OK, string contentType = "application/json")
    {
        var buffer = new PooledBufferWriter();
        try
        {
            using (var w = new Utf8JsonWriter(buffer, Options))
            {
                write(w);
            }

            return new JsonBytesResult(buffer, status, contentType);
        }
        catch
        {
            buffer.Dispose();
            throw;
        }
    }

    /// <summary>Reads the request body as JSON whatever its Content-Type (yente does); 422 when it is not JSON.</summary>
    public static async Task<JsonDocument> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            var doc = await JsonDocument.ParseAsync(request.Body, default, cancellationToken).ConfigureAwait(false);
            if (Native.JsonText.FirstInvalid(doc.RootElement) is { } path)
            {
                doc.Dispose();
                throw new YenteException(StatusCodes.Status400BadRequest, Native.JsonText.Detail(path));
            }

            return doc;
        }
        catch (JsonException e)
        {
            throw YenteException.Invalid("json_invalid", "JSON decode error", e.Message, "body", (int)(e.BytePositionInLine ?? 0));
        }
    }
}
