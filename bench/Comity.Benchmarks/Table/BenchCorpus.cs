using Comity.Application.Corpus;

namespace Comity.Benchmarks.Table;

/// <summary>The corpus source the in-process benchmarks load through: the one the CLI and the server use.</summary>
internal static class BenchCorpus
{
    public static CachedCorpusSource Source() => new CachedCorpusSource(CorpusCache.FromEnvironment());
}
