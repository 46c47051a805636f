using Comity.Application.Corpus;
using Comity.Application.Linking;
using Comity.Core.Model;

namespace Comity.Application.Screening;

/// <summary>Screens queries against one corpus. Thread-safe; shared by the CLI and the server.</summary>
public sealed class Screener(ScreeningCorpus corpus, ScreeningOptions options)
{
    public ScreeningCorpus Corpus { get; } = corpus;

    public ScreeningOptions Options { get; } = options;

    /// <summary>Screens one query.</summary>
    public ScreeningResult Screen(Query query)
    {
        // Several listings of one subject may score; ask for more and keep the best listing of each subject.
        var scored = Corpus.Index.Match(query, Options.Limit * 3, Options.MinScore);
        var hits = new List<Hit>(Math.Min(scored.Count, Options.Limit));
        var seen = new HashSet<int>();
        foreach (var s in scored)
        {
            var subject = Corpus.Links.SubjectOf(s.Entity.Id);
            if (subject is not null && !seen.Add(subject.Id))
            {
                continue;
            }

            var listings = subject is null
                ? [new SubjectListing(s.Entity.Source, s.Entity.SourceId, s.Entity.Id, s.Entity.Programs, s.Entity.ListedOn, "self")]
                : subject.ListingsFor(s.Entity, Corpus.Links.LinkReasons);
            hits.Add(new Hit(s, s.Score >= Options.Threshold, listings));
            if (hits.Count == Options.Limit)
            {
                break;
            }
        }

        return new ScreeningResult(query, hits);
    }

    /// <summary>Screens a stream of items in parallel, yielding results in input order. Memory stays bounded by
    /// <paramref name="blockSize"/>.</summary>
    public IEnumerable<(T Item, ScreeningResult? Result)> ScreenMany<T>(IEnumerable<T> items, Func<T, Query?> query, int blockSize = 2048, CancellationToken cancellationToken = default)
    {
        var block = new List<T>(blockSize);
        foreach (var item in items)
        {
            block.Add(item);
            if (block.Count == blockSize)
            {
                foreach (var r in Run(block, query, cancellationToken))
                {
                    yield return r;
                }

                block.Clear();
            }
        }

        foreach (var r in Run(block, query, cancellationToken))
        {
            yield return r;
        }
    }

    private (T, ScreeningResult?)[] Run<T>(List<T> block, Func<T, Query?> query, CancellationToken cancellationToken)
    {
        var results = new (T, ScreeningResult?)[block.Count];
        Parallel.For(0, block.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            var q = query(block[i]);
            results[i] = (block[i], q is null ? null : Screen(q));
        });
        return results;
    }
}
