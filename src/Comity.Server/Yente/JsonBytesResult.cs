namespace Comity.Server.Yente;

/// <summary>A pre-serialised body with a status code and content type. The body is either plain memory or a pooled
/// buffer, which goes back to the pool once the response is written.</summary>
internal sealed class JsonBytesResult : IResult
{
    private readonly ReadOnlyMemory<byte> _body;
    private readonly PooledBufferWriter? _pooled;
    private readonly string _contentType;

    public JsonBytesResult(ReadOnlyMemory<byte> body, int status, string contentType)
    {
        _body = body;
        Status = status;
        _contentType = contentType;
    }

    public JsonBytesResult(PooledBufferWriter pooled, int status, string contentType)
        : this(pooled.WrittenMemory, status, contentType) => _pooled = pooled;

    public int Status { get; }

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        try
        {
            var response = httpContext.Response;
            response.StatusCode = Status;
            response.ContentType = _contentType;
            response.ContentLength = _body.Length;
            await response.Body.WriteAsync(_body, httpContext.RequestAborted).ConfigureAwait(false);
        }
        finally
        {
            _pooled?.Dispose();
        }
    }
}
