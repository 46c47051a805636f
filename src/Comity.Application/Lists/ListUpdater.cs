using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Comity.Sources.Abstractions;
using Comity.Sources.Registry;

namespace Comity.Application.Lists;

/// <summary>What one update run does: which sources (empty: all), whether a shrink beyond the guard is accepted,
/// how many versions to keep (null: the sources file's).</summary>
internal sealed record UpdateOptions
{
    public IReadOnlyList<string> Only { get; init; } = [];

    public bool AcceptShrink { get; init; }

    public int? Keep { get; init; }
}

/// <summary>The outcome of one source in an update run.</summary>
internal enum UpdateOutcome
{
    /// <summary>A new version was checked, stored and made current.</summary>
    Updated,

    /// <summary>304 Not Modified, or the same content as the current version.</summary>
    Unchanged,

    /// <summary>Download or checks failed: the previous version stays current.</summary>
    Failed,
}

/// <summary>One source's result: the outcome, a one-line message, and the version now current (new or previous).</summary>
internal sealed record SourceUpdate(string Source, UpdateOutcome Outcome, string Message, ListVersion? Current, ListVersion? Previous);

/// <summary>Every source's result, in the sources file's order.</summary>
internal sealed record UpdateReport(IReadOnlyList<SourceUpdate> Sources)
{
    public bool AnyFailed => Sources.Any(s => s.Outcome == UpdateOutcome.Failed);

    public bool AnyUpdated => Sources.Any(s => s.Outcome == UpdateOutcome.Updated);
}

/// <summary><c>comity lists update</c>: fetches each source's official files, parses them completely with the list
/// readers and checks them (the expected format and dataset, no HTML page, at least the minimum entity count, no drop
/// beyond the source's guard) before storing them content-addressed and switching the current set in one atomic
/// rename. A failed source keeps its previous version; the others still update.</summary>
internal sealed class ListUpdater(ListStore store, SourcesConfig config, HttpClient http, TimeProvider time)
{
    /// <summary>Raised with one line per step (for a progress display).</summary>
    public event Action<string>? Progress;

    public async Task<UpdateReport> UpdateAsync(UpdateOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var name in options.Only)
        {
            if (config.Find(name) is null)
            {
                throw new SourcesFileException($"--source {name}: not in {config.Path}; known: {string.Join(", ", config.Sources.Select(s => s.Name))}");
            }
        }

        var selected = options.Only.Count == 0 ? config.Sources : [.. config.Sources.Where(s => options.Only.Contains(s.Name, StringComparer.Ordinal))];
        using var held = store.Lock();
        store.CleanStaging();
        var before = store.CurrentVersions();
        var fetcher = new ListFetcher(http, config.Fetch, time);
        var results = new List<SourceUpdate>();
        foreach (var def in selected)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var previous = before.GetValueOrDefault(def.Name);
            Progress?.Invoke($"{def.Name}: fetching {string.Join(", ", def.Files.Select(f => f.Url.AbsoluteUri))}");
            var staged = store.Stage();
            try
            {
                var r = await UpdateOneAsync(fetcher, def, previous, staged, options, cancellationToken).ConfigureAwait(false);
                results.Add(r);
                Progress?.Invoke($"{def.Name}: {r.Message}");
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                results.Add(new SourceUpdate(def.Name, UpdateOutcome.Failed, Describe(e), previous, previous));
                Progress?.Invoke($"{def.Name}: failed: {Describe(e)}");
            }
            finally
            {
                if (Directory.Exists(staged))
                {
                    Directory.Delete(staged, recursive: true);
                }
            }
        }

        if (results.Any(r => r.Outcome == UpdateOutcome.Updated))
        {
            var current = store.Current().ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
            foreach (var r in results.Where(r => r.Outcome == UpdateOutcome.Updated))
            {
                current[r.Source] = r.Current!.Id;
            }

            store.SetCurrent(current, time.GetUtcNow());
            foreach (var r in results.Where(r => r.Outcome == UpdateOutcome.Updated))
            {
                store.Prune(r.Source, options.Keep ?? config.Fetch.Keep);
            }
        }

        return new UpdateReport(results);
    }

    private async Task<SourceUpdate> UpdateOneAsync(ListFetcher fetcher, SourceDefinition def, ListVersion? previous, string staged, UpdateOptions options, CancellationToken ct)
    {
        var files = new List<StoredFile>();
        var notModified = 0;
        foreach (var file in def.Files)
        {
            var target = Path.Combine(staged, file.Name);
            var prior = previous?.Files.FirstOrDefault(f => f.Name == file.Name);
            var got = await fetcher.FetchAsync(file, prior, target, ct).ConfigureAwait(false);
            if (got is null)
            {
                // 304: the previous version's file is still the publication.
                notModified++;
                File.Copy(Path.Combine(store.ObjectFolder(previous!.Id), file.Name), target);
                files.Add(prior!);
            }
            else
            {
                files.Add(got);
            }
        }

        if (notModified == def.Files.Count)
        {
            return new SourceUpdate(def.Name, UpdateOutcome.Unchanged, $"not modified (HTTP 304); current {previous!.ShortId}", previous, previous);
        }

        var id = ListStore.ContentId(files);
        if (previous is not null && previous.Id == id)
        {
            return new SourceUpdate(def.Name, UpdateOutcome.Unchanged, $"unchanged content (sha256 {previous.ShortId})", previous, previous);
        }

        var loadPath = def.IsFolder ? staged : Path.Combine(staged, def.Files[0].Name);
        var (format, result) = Check(def, loadPath, previous, options);
        var published = result.Provenance.Published;
        var date = ListStatuses.ParseDate(published);
        var from = date is null ? null : "file";
        if (date is null && files.Select(f => f.LastModified).Where(l => l is not null).Max(StringComparer.Ordinal) is not null)
        {
            var newest = files.Select(f => DateTimeOffset.TryParse(f.LastModified, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var lm) ? lm : (DateTimeOffset?)null)
                .Where(d => d is not null).Max();
            if (newest is { } n)
            {
                date = DateOnly.FromDateTime(n.UtcDateTime);
                from = "last-modified";
            }
        }

        var count = result.Entities.Count(e => e.Source == def.Name);
        var version = new ListVersion(id, def.Name, time.GetUtcNow(), format, published, date, from, count, [.. files]);
        store.Add(staged, version);
        var change = previous is null ? "first version" : $"was {previous.ShortId} ({previous.Entities:N0} entities)";
        return new SourceUpdate(def.Name, UpdateOutcome.Updated,
            $"updated to {version.ShortId}: {count:N0} entities, data date {(date is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "unknown")} ({change})",
            version, previous);
    }

    /// <summary>Parses the staged download completely and checks it; throws <see cref="ListCheckException"/> naming
    /// what is wrong.</summary>
    private static (string Format, LoadResult Result) Check(SourceDefinition def, string loadPath, ListVersion? previous, UpdateOptions options)
    {
        foreach (var file in def.IsFolder ? Directory.GetFiles(loadPath) : [loadPath])
        {
            if (LooksLikeHtml(file))
            {
                throw new ListCheckException($"{Path.GetFileName(file)}: the server sent an HTML page, not a list");
            }
        }

        var probe = ListProbe.Open(loadPath);
        var reader = ListReaders.Detect(probe);
        if (!def.Formats.Contains(reader.Format, StringComparer.Ordinal))
        {
            throw new ListCheckException($"wrong format: the download is {reader.Format}, expected {string.Join(" or ", def.Formats)}");
        }

        var result = reader.Read(probe);
        var sources = result.Entities.Select(e => e.Source).Distinct(StringComparer.Ordinal).ToList();
        if (!sources.Contains(def.Name, StringComparer.Ordinal))
        {
            throw new ListCheckException($"wrong dataset: the download holds {(sources.Count == 0 ? "no entities" : string.Join(", ", sources))}, expected {def.Name}");
        }

        var count = result.Entities.Count(e => e.Source == def.Name);
        if (count < def.MinEntities)
        {
            throw new ListCheckException($"{count:N0} entities, fewer than the minimum of {def.MinEntities:N0} for a full publication (a sample, an excerpt or a broken file)");
        }

        if (previous is not null && !options.AcceptShrink && count < previous.Entities * (1 - def.MaxShrink))
        {
            var drop = 1 - ((double)count / previous.Entities);
            throw new ListCheckException(
                $"{count:N0} entities, down {drop:P0} from {previous.Entities:N0} in the current version {previous.ShortId} (guard: at most {def.MaxShrink:P0}); --accept-shrink accepts it");
        }

        return (reader.Format, result);
    }

    private static bool LooksLikeHtml(string file)
    {
        var head = Encoding.Latin1.GetString(ListProbe.Head(file)).TrimStart('\uFEFF', 'ï', '»', '¿', ' ', '\t', '\r', '\n');
        return head.StartsWith("<!DOCTYPE html", StringComparison.OrdinalIgnoreCase) || head.StartsWith("<html", StringComparison.OrdinalIgnoreCase);
    }

    private static string Describe(Exception e) => e switch
    {
        FetchException or ListCheckException => e.Message,
        ListFormatException => $"not a readable list: {e.Message}",
        OperationCanceledException => "cancelled",
        _ => $"{e.GetType().Name}: {e.Message}",
    };
}

/// <summary>A download that was read but refused by the checks (format, dataset, size, shrink).</summary>
internal sealed class ListCheckException : Exception
{
    public ListCheckException()
    {
    }

    public ListCheckException(string message)
        : base(message)
    {
    }

    public ListCheckException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
