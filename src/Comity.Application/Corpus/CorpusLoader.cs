using System.Collections.Immutable;
using System.Diagnostics;
using System.Runtime.ExceptionServices;
using Comity.Core.Matching;
using Comity.Core.Model;
using Comity.Sources.Abstractions;
using Comity.Sources.Registry;

namespace Comity.Application.Corpus;

/// <summary>Loads lists into a new <see cref="ScreeningCorpus"/>. Either every list loads and a complete corpus is
/// returned, or a <see cref="ListFormatException"/> names the failing file and nothing is returned: a corpus in force
/// elsewhere is never touched.</summary>
internal static class CorpusLoader
{
    /// <summary>Loads every path (files or folders, any supported format, any mix).</summary>
    /// <remarks>The publications (a folder may hold several lists) are read in parallel (each reader reads one file set
    /// and shares nothing), then taken in the order given: an entity id seen twice keeps its first listing, and when
    /// several lists fail, the first failing one in that order is reported, as a sequential load would. The cross-list links are computed beside the index.</remarks>
    public static ScreeningCorpus Load(IEnumerable<string> paths, TimeProvider? clock = null, MatcherOptions? options = null, CancellationToken cancellationToken = default)
    {
        // Each path is expanded into its publications first (a folder of lists is read whole, in order); a path that
        // cannot be expanded keeps its place, so its error is reported where a sequential load would meet it.
        var work = new List<(ListProbe? Probe, ExceptionDispatchInfo? Error)>();
        foreach (var path in paths)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                foreach (var probe in ListReaders.Publications(path))
                {
                    work.Add((probe, null));
                }
            }
            catch (Exception e)
            {
                work.Add((null, ExceptionDispatchInfo.Capture(e)));
            }
        }

        var results = new (string Format, LoadResult? Result, ExceptionDispatchInfo? Error)[work.Count];
        Parallel.For(0, work.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount), CancellationToken = cancellationToken }, i =>
        {
            if (work[i].Probe is not { } probe)
            {
                results[i] = (string.Empty, null, work[i].Error);
                return;
            }

            try
            {
                var reader = ListReaders.Detect(probe);
                results[i] = (reader.Format, reader.Read(probe, cancellationToken), null);
            }
            catch (Exception e)
            {
                results[i] = (string.Empty, null, ExceptionDispatchInfo.Capture(e));
            }
        });

        foreach (var r in results)
        {
            r.Error?.Throw();
        }

        var datasets = ImmutableArray.CreateBuilder<Dataset>();
        var entities = new List<Entity>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < work.Count; i++)
        {
            var (format, result, _) = results[i];
            datasets.AddRange(Dataset.Split(work[i].Probe!.Path, format, result!));
            foreach (var e in result!.Entities)
            {
                if (seen.Add(e.Id))
                {
                    entities.Add(e);
                }
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        ImmutableArray<Entity> all = [.. SupersedeCurated(entities)];
        var links = Task.Run(() => Linking.SubjectLinks.Build(all), cancellationToken);
        var index = MatchIndex.Build(all, options);
        return new ScreeningCorpus(datasets.ToImmutable(), all, index, (clock ?? TimeProvider.System).GetUtcNow(), links.GetAwaiter().GetResult());
    }

    /// <summary>Curated rows (property <c>curated</c> = <c>true</c>, e.g. the ICC EO 14203 designations) give way to the
    /// official list when it is loaded and names the same subject under the same programme.</summary>
    internal static List<Entity> SupersedeCurated(List<Entity> entities)
    {
        var curated = entities.Where(e => e.Property("curated") == "true").ToList();
        if (curated.Count == 0)
        {
            return entities;
        }

        var official = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in entities)
        {
            if (e.Property("curated") is null && e.Source.StartsWith("us-ofac", StringComparison.Ordinal))
            {
                foreach (var p in e.Programs)
                {
                    foreach (var n in e.Names)
                    {
                        official.Add(p + "|" + Linking.SubjectLinks.NameKey(n.Full));
                    }
                }
            }
        }

        var superseded = curated
            .Where(c => c.Programs.Any(p => c.Names.Any(n => official.Contains(p + "|" + Linking.SubjectLinks.NameKey(n.Full)))))
            .Select(c => c.Id)
            .ToHashSet(StringComparer.Ordinal);
        return superseded.Count == 0 ? entities : entities.Where(e => !superseded.Contains(e.Id)).ToList();
    }

    /// <summary>Loads the bundled default corpus described by <c>data/default-corpus.json</c>.</summary>
    public static ScreeningCorpus LoadDefault(TimeProvider? clock = null, MatcherOptions? options = null, CancellationToken cancellationToken = default) =>
        Load(DefaultCorpus.Paths(), clock, options, cancellationToken);

    /// <summary>Times a load, for benchmarks and logs.</summary>
    public static (ScreeningCorpus Corpus, TimeSpan Elapsed) LoadTimed(IEnumerable<string> paths, MatcherOptions? options = null)
    {
        var sw = Stopwatch.StartNew();
        var corpus = Load(paths, options: options);
        return (corpus, sw.Elapsed);
    }
}
