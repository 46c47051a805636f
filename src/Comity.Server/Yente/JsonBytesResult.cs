namespace Comity.Server.Yente;

/// <summary>A pre-serialised body with a status code and content type.</summary>
internal sealed class JsonBytesResult(ReadOnlyMemory<byte> body, int status, string contentType) : IResult
{
    public int Status => status;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = status;
        response.ContentType = contentType;
        response.ContentLength = body.Length;
        return response.Body.WriteAsync(body).AsTask();
    }
}
