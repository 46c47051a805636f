using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Comity.Server.Metrics;

/// <summary>Counters and a latency histogram rendered as Prometheus text (<c>GET /metrics</c>). Lock-free on the
/// request path (one interlocked add per counter).</summary>
internal sealed class ServerMetrics(TimeProvider clock)
{
    private static readonly double[] Buckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly ConcurrentDictionary<(string Route, string Method, int Status), StrongBox<long>> _requests = new();
    private readonly ConcurrentDictionary<string, Histogram> _latency = new(StringComparer.Ordinal);
    private long _reloads;
    private long _reloadFailures;
    private long _lastReloadOk = -1;
    private long _alertsCreated;
    private long _screenedSubjects;
    private long _idempotencyConflicts;
    private long _budgetExceeded;
    private long _clientsGone;
    private volatile CorpusSnapshot? _corpus;
    private double _lastLoadSeconds;

    public void Request(string route, string method, int status, double seconds)
    {
        Interlocked.Increment(ref _requests.GetOrAdd((route, method, status), _ => new StrongBox<long>()).Value);
        _latency.GetOrAdd(route, _ => new Histogram()).Observe(seconds);
    }

    public void CorpusSwapped(CorpusSnapshot snapshot, TimeSpan took)
    {
        _corpus = snapshot;
        Volatile.Write(ref _lastLoadSeconds, took.TotalSeconds);
        Interlocked.Increment(ref _reloads);
        Interlocked.Exchange(ref _lastReloadOk, 1);
    }

    public void ReloadFailed()
    {
        Interlocked.Increment(ref _reloadFailures);
        Interlocked.Exchange(ref _lastReloadOk, 0);
    }

    public void AlertsCreated(int n) => Interlocked.Add(ref _alertsCreated, n);

    public void Screened(int n) => Interlocked.Add(ref _screenedSubjects, n);

    /// <summary>A request refused because its idempotency key was used with another body.</summary>
    public void IdempotencyConflict() => Interlocked.Increment(ref _idempotencyConflicts);

    /// <summary>A request stopped because its time budget ran out.</summary>
    public void BudgetExceeded() => Interlocked.Increment(ref _budgetExceeded);

    /// <summary>A request whose work stopped because the client disconnected.</summary>
    public void ClientGone() => Interlocked.Increment(ref _clientsGone);

    public long ClientsGoneTotal => Interlocked.Read(ref _clientsGone);

    public long AlertsCreatedTotal => Interlocked.Read(ref _alertsCreated);

    public string Render()
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder(4096);
        sb.Append("# HELP comity_http_requests_total HTTP requests by route, method and status.\n# TYPE comity_http_requests_total counter\n");
        foreach (var ((route, method, status), count) in _requests.OrderBy(k => k.Key.Route, StringComparer.Ordinal).ThenBy(k => k.Key.Method, StringComparer.Ordinal).ThenBy(k => k.Key.Status))
        {
            sb.Append(inv, $"comity_http_requests_total{{route=\"{Escape(route)}\",method=\"{method}\",status=\"{status}\"}} {Interlocked.Read(ref count.Value)}\n");
        }

        sb.Append("# HELP comity_http_request_duration_seconds Request latency by route.\n# TYPE comity_http_request_duration_seconds histogram\n");
        foreach (var (route, h) in _latency.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            h.Render(sb, Escape(route));
        }

        var c = _corpus;
        sb.Append("# HELP comity_corpus_info The corpus in force.\n# TYPE comity_corpus_info gauge\n");
        if (c is not null)
        {
            sb.Append(inv, $"comity_corpus_info{{version=\"{c.Corpus.Version}\"}} 1\n");
        }

        var lists = c is null ? [] : Application.Lists.ListStatuses.Of(c.Corpus).Where(s => s.Loaded).ToList();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        sb.Append("# HELP comity_list_stale 1 when a loaded list is older than its maximum age (data/sources.json) or undated.\n# TYPE comity_list_stale gauge\n");
        foreach (var st in lists)
        {
            sb.Append(inv, $"comity_list_stale{{source=\"{Escape(st.Source)}\"}} {(st.StaleOn(today) ? 1 : 0)}\n");
        }

        sb.Append("# HELP comity_list_incomplete 1 when a loaded list holds fewer entities than a full publication (a sample).\n# TYPE comity_list_incomplete gauge\n");
        foreach (var st in lists)
        {
            sb.Append(inv, $"comity_list_incomplete{{source=\"{Escape(st.Source)}\"}} {(st.Complete ? 0 : 1)}\n");
        }

        sb.Append(inv, $"# HELP comity_corpus_entities Entities in the corpus in force.\n# TYPE comity_corpus_entities gauge\ncomity_corpus_entities {c?.Corpus.Entities.Length ?? 0}\n");
        sb.Append(inv, $"# HELP comity_corpus_datasets Lists in the corpus in force.\n# TYPE comity_corpus_datasets gauge\ncomity_corpus_datasets {c?.Corpus.Datasets.Length ?? 0}\n");
        sb.Append(inv, $"# HELP comity_corpus_loaded_timestamp_seconds When the corpus in force was loaded.\n# TYPE comity_corpus_loaded_timestamp_seconds gauge\ncomity_corpus_loaded_timestamp_seconds {c?.Corpus.LoadedAt.ToUnixTimeSeconds() ?? 0}\n");
        sb.Append(inv, $"# HELP comity_corpus_load_seconds Duration of the last successful load.\n# TYPE comity_corpus_load_seconds gauge\ncomity_corpus_load_seconds {Volatile.Read(ref _lastLoadSeconds).ToString("0.###", inv)}\n");
        sb.Append(inv, $"# HELP comity_corpus_reloads_total Successful corpus loads.\n# TYPE comity_corpus_reloads_total counter\ncomity_corpus_reloads_total {Interlocked.Read(ref _reloads)}\n");
        sb.Append(inv, $"# HELP comity_idempotency_conflicts_total Requests refused (422) because their Idempotency-Key was used with a different body.\n# TYPE comity_idempotency_conflicts_total counter\ncomity_idempotency_conflicts_total {Interlocked.Read(ref _idempotencyConflicts)}\n");
        sb.Append(inv, $"# HELP comity_request_budget_exceeded_total Requests stopped (503) when their time budget ran out.\n# TYPE comity_request_budget_exceeded_total counter\ncomity_request_budget_exceeded_total {Interlocked.Read(ref _budgetExceeded)}\n");
        sb.Append(inv, $"# HELP comity_requests_abandoned_total Requests whose work stopped because the client disconnected.\n# TYPE comity_requests_abandoned_total counter\ncomity_requests_abandoned_total {Interlocked.Read(ref _clientsGone)}\n");
        sb.Append(inv, $"# HELP comity_corpus_reload_failures_total Failed corpus loads (the previous corpus stayed in force).\n# TYPE comity_corpus_reload_failures_total counter\ncomity_corpus_reload_failures_total {Interlocked.Read(ref _reloadFailures)}\n");
        sb.Append(inv, $"# HELP comity_corpus_last_reload_succeeded Outcome of the last load attempt: 1 ok, 0 failed, -1 none yet.\n# TYPE comity_corpus_last_reload_succeeded gauge\ncomity_corpus_last_reload_succeeded {Interlocked.Read(ref _lastReloadOk)}\n");
        sb.Append(inv, $"# HELP comity_alerts_created_total Alerts created by this process.\n# TYPE comity_alerts_created_total counter\ncomity_alerts_created_total {Interlocked.Read(ref _alertsCreated)}\n");
        sb.Append(inv, $"# HELP comity_screened_subjects_total Subjects screened through /v1/screen.\n# TYPE comity_screened_subjects_total counter\ncomity_screened_subjects_total {Interlocked.Read(ref _screenedSubjects)}\n");
        using var process = Process.GetCurrentProcess();
        sb.Append(inv, $"# HELP process_resident_memory_bytes Resident memory.\n# TYPE process_resident_memory_bytes gauge\nprocess_resident_memory_bytes {process.WorkingSet64}\n");
        sb.Append(inv, $"# HELP dotnet_gc_heap_bytes Managed heap size.\n# TYPE dotnet_gc_heap_bytes gauge\ndotnet_gc_heap_bytes {GC.GetTotalMemory(false)}\n");
        sb.Append(inv, $"# HELP process_cpu_seconds_total CPU time.\n# TYPE process_cpu_seconds_total counter\nprocess_cpu_seconds_total {process.TotalProcessorTime.TotalSeconds.ToString("0.###", inv)}\n");
        return sb.ToString();
    }

    private static string Escape(string s) => s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);

    private sealed class Histogram
    {
        private readonly long[] _counts = new long[Buckets.Length + 1];
        private long _sumMicros;

        public void Observe(double seconds)
        {
            var i = 0;
            while (i < Buckets.Length && seconds > Buckets[i])
            {
                i++;
            }

            Interlocked.Increment(ref _counts[i]);
            Interlocked.Add(ref _sumMicros, (long)(seconds * 1e6));
        }

        public void Render(StringBuilder sb, string route)
        {
            var inv = CultureInfo.InvariantCulture;
            long cumulative = 0;
            for (var i = 0; i < Buckets.Length; i++)
            {
                cumulative += Interlocked.Read(ref _counts[i]);
                sb.Append(inv, $"comity_http_request_duration_seconds_bucket{{route=\"{route}\",le=\"{Buckets[i].ToString(inv)}\"}} {cumulative}\n");
            }

            cumulative += Interlocked.Read(ref _counts[^1]);
            sb.Append(inv, $"comity_http_request_duration_seconds_bucket{{route=\"{route}\",le=\"+Inf\"}} {cumulative}\n");
            sb.Append(inv, $"comity_http_request_duration_seconds_sum{{route=\"{route}\"}} {(Interlocked.Read(ref _sumMicros) / 1e6).ToString("0.######", inv)}\n");
            sb.Append(inv, $"comity_http_request_duration_seconds_count{{route=\"{route}\"}} {cumulative}\n");
        }
    }
}
