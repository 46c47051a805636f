using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;

namespace Comity.Application.Lists;

/// <summary>A download that did not produce a file; <see cref="Retryable"/> failures were retried first.</summary>
internal sealed class FetchException(string message, bool retryable, Exception? inner = null) : Exception(message, inner)
{
    public bool Retryable { get; } = retryable;
}

/// <summary>Downloads one file: a conditional GET (If-None-Match, If-Modified-Since from the previous version), a
/// time limit per attempt (headers and body), a size limit, and retries with exponential backoff on time-outs,
/// connection failures, 408, 429 and 5xx. The body is streamed to disk and hashed on the way.</summary>
internal sealed class ListFetcher(HttpClient http, FetchSettings settings, TimeProvider time)
{
    /// <summary>The HTTP client Comity fetches with: redirects followed (at most 5, never https → http),
    /// gzip/deflate/brotli accepted, no overall client time-out (each attempt has its own).</summary>
    public static HttpClient CreateClient()
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = true,
            MaxAutomaticRedirections = 5,
            AutomaticDecompression = DecompressionMethods.All,
            ConnectTimeout = TimeSpan.FromSeconds(30),
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
        var client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("Comity", "1.0"));
        client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("(+comity lists update)"));
        return client;
    }

    /// <summary>Fetches <paramref name="file"/> into <paramref name="target"/>. Returns the stored file, or null when
    /// the server answered 304 Not Modified to the validators of <paramref name="previous"/>.</summary>
    public async Task<StoredFile?> FetchAsync(SourceFile file, StoredFile? previous, string target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        var attempts = Math.Max(1, settings.Attempts);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await FetchOnceAsync(file, previous, target, cancellationToken).ConfigureAwait(false);
            }
            catch (FetchException e) when (e.Retryable && attempt < attempts)
            {
                var delay = settings.Backoff * Math.Pow(2, attempt - 1);
                await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
            }
            catch (FetchException e) when (e.Retryable)
            {
                throw new FetchException($"{e.Message} (after {attempts} attempt{(attempts == 1 ? string.Empty : "s")})", false, e);
            }
        }
    }

    private async Task<StoredFile?> FetchOnceAsync(SourceFile file, StoredFile? previous, string target, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.Timeout);
        var url = file.Url;
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        var conditional = previous is not null && string.Equals(previous.Url, url.AbsoluteUri, StringComparison.Ordinal);
        if (conditional && previous!.ETag is { } etag && EntityTagHeaderValue.TryParse(etag, out var tag))
        {
            request.Headers.IfNoneMatch.Add(tag);
        }

        if (conditional && previous!.LastModified is { } lm && DateTimeOffset.TryParse(lm, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var since))
        {
            request.Headers.IfModifiedSince = since;
        }

        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (response.StatusCode == HttpStatusCode.NotModified)
            {
                return conditional ? null : throw new FetchException($"{url}: 304 Not Modified to an unconditional request", false);
            }

            if (status is 408 or 429 || status >= 500)
            {
                throw new FetchException($"{url}: HTTP {status} {response.ReasonPhrase}", true);
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new FetchException($"{url}: HTTP {status} {response.ReasonPhrase}", false);
            }

            var contentType = response.Content.Headers.ContentType?.MediaType;
            if (contentType is "text/html" or "application/xhtml+xml")
            {
                throw new FetchException($"{url}: the server sent an HTML page ({contentType}), not a list", false);
            }

            var length = response.Content.Headers.ContentLength;
            if (length > settings.MaxBytes)
            {
                throw new FetchException($"{url}: {length:N0} bytes is more than the limit of {settings.MaxBytes:N0}", false);
            }

            var (sha, bytes) = await CopyAsync(response, target, timeout.Token).ConfigureAwait(false);
            if (length is { } expected && bytes != expected)
            {
                throw new FetchException($"{url}: truncated body ({bytes:N0} of {expected:N0} bytes)", true);
            }

            var lastModified = response.Content.Headers.LastModified?.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
            return new StoredFile(file.Name, url.AbsoluteUri, sha, bytes, response.Headers.ETag?.ToString(), lastModified, contentType);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new FetchException($"{url}: timed out after {settings.Timeout.TotalSeconds:0.#} s", true);
        }
        catch (HttpRequestException e)
        {
            throw new FetchException($"{url}: {e.Message}", true, e);
        }
        catch (IOException e)
        {
            throw new FetchException($"{url}: connection failed while reading the body ({e.Message})", true, e);
        }
    }

    private async Task<(string Sha256, long Bytes)> CopyAsync(HttpResponseMessage response, string target, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (body.ConfigureAwait(false))
        {
            var output = new FileStream(target, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
            await using (output.ConfigureAwait(false))
            {
                var buffer = new byte[1 << 16];
                long total = 0;
                int n;
                while ((n = await body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    total += n;
                    if (total > settings.MaxBytes)
                    {
                        throw new FetchException($"{response.RequestMessage?.RequestUri}: more than the limit of {settings.MaxBytes:N0} bytes", false);
                    }

                    hash.AppendData(buffer, 0, n);
                    await output.WriteAsync(buffer.AsMemory(0, n), cancellationToken).ConfigureAwait(false);
                }

                return (Convert.ToHexStringLower(hash.GetHashAndReset()), total);
            }
        }
    }
}
