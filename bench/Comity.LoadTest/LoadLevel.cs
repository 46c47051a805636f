using System.Diagnostics;
using System.Net.Http.Headers;

namespace Comity.LoadTest;

/// <summary>One closed-loop load level: <c>clients</c> concurrent callers each send the next body as soon as their last
/// answer arrived, until a time or request bound. Every request's start and end are kept, so that the requests that
/// overlapped an event (a corpus swap) can be picked out.</summary>
internal static class LoadLevel
{
    public static async Task<LevelResult> RunAsync(HttpClient client, IReadOnlyList<byte[]> bodies, int clients, int maxRequests, double seconds,
        string path = "/match/default", Version? version = null)
    {
        var starts = new long[maxRequests];
        var ends = new long[maxRequests];
        var next = -1;
        var errors = 0;
        var deadline = Stopwatch.GetTimestamp() + (long)(seconds * Stopwatch.Frequency);
        var sw = Stopwatch.StartNew();
        var uri = new Uri(path, UriKind.Relative);
        var workers = Enumerable.Range(0, clients).Select(async w =>
        {
            while (Stopwatch.GetTimestamp() < deadline)
            {
                var i = Interlocked.Increment(ref next);
                if (i >= maxRequests)
                {
                    return;
                }

                using var content = new ByteArrayContent(bodies[i % bodies.Count]);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = content };
                if (version is not null)
                {
                    request.Version = version;
                    request.VersionPolicy = HttpVersionPolicy.RequestVersionExact;
                }

                starts[i] = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await client.SendAsync(request).ConfigureAwait(false);
                    await response.Content.LoadIntoBufferAsync().ConfigureAwait(false);
                    if (!response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref errors);
                }

                ends[i] = Stopwatch.GetTimestamp();
            }
        }).ToArray();
        await Task.WhenAll(workers).ConfigureAwait(false);
        sw.Stop();
        var count = Math.Min(maxRequests, next + 1);
        var done = new List<(long Start, long End)>(count);
        for (var i = 0; i < count; i++)
        {
            if (ends[i] > 0)
            {
                done.Add((starts[i], ends[i]));
            }
        }

        return new LevelResult([.. done], errors, sw.Elapsed);
    }
}

/// <summary>The requests of one level (start and end timestamps), its errors and duration.</summary>
internal sealed class LevelResult
{
    private readonly double[] _sorted;

    public LevelResult((long Start, long End)[] requests, int errors, TimeSpan elapsed)
    {
        Requests = requests;
        Errors = errors;
        Elapsed = elapsed;
        _sorted = [.. requests.Select(r => Ms(r.End - r.Start))];
        Array.Sort(_sorted);
    }

    public (long Start, long End)[] Requests { get; }

    public int Errors { get; }

    public TimeSpan Elapsed { get; }

    public int Count => _sorted.Length;

    public double PerSecond => Count / Math.Max(Elapsed.TotalSeconds, 1e-9);

    /// <summary>The latency percentile in ms (100: the slowest request).</summary>
    public double P(double percentile) => _sorted.Length == 0
        ? 0
        : _sorted[Math.Clamp((int)Math.Ceiling(percentile / 100 * _sorted.Length) - 1, 0, _sorted.Length - 1)];

    /// <summary>The requests that were in flight at any time between two timestamps: how many, and the slowest (ms).</summary>
    public (int Count, double MaxMs) Overlapping(long from, long to)
    {
        var n = 0;
        var max = 0.0;
        foreach (var (s, e) in Requests)
        {
            if (e >= from && s <= to)
            {
                n++;
                max = Math.Max(max, Ms(e - s));
            }
        }

        return (n, max);
    }

    private static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
