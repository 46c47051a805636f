using System.Collections.Immutable;
using System.Diagnostics;
using Comity.Core.Matching;
using Comity.Core.Model;
using Comity.Sources.Abstractions;
using Comity.Sources.Registry;

namespace Comity.Application.Corpus;

/// <summary>Loads lists into a new <see cref="ScreeningCorpus"/>. Either every list loads and a complete corpus is
/// returned, or a <see cref="ListFormatException"/> names the failing file and nothing is returned: a corpus in force
/// elsewhere is never touched.</summary>
public static class CorpusLoader
{
    /// <summary>Loads every path (files or folders, any supported format, any mix).</summary>
    public static ScreeningCorpus Load(IEnumerable<string> paths, TimeProvider? clock = null, MatcherOptions? options = null, CancellationToken cancellationToken = default)
    {
        var datasets = ImmutableArray.CreateBuilder<Dataset>();
        var entities = new List<Entity>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var probe = ListProbe.Open(path);
            var reader = ListReaders.Detect(probe);
            var result = reader.Read(probe, cancellationToken);
            datasets.Add(Dataset.From(path, reader.Format, result));
            foreach (var e in result.Entities)
            {
                if (seen.Add(e.Id))
                {
                    entities.Add(e);
                }
            }
        }

        var index = MatchIndex.Build(entities, options);
        return new ScreeningCorpus(datasets.ToImmutable(), [.. entities], index, (clock ?? TimeProvider.System).GetUtcNow());
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
