using BenchmarkDotNet.Attributes;
using Comity.Core.Matching;
using Comity.Core.Model;

namespace Comity.Benchmarks;

/// <summary>One screening query against a synthetic list of the bundled corpus's size: the candidate index
/// (<see cref="MatchIndex.Match"/>) against brute force (<see cref="MatchIndex.MatchExhaustive"/>, the baseline).
/// Each invocation runs the next of 64 fixed queries (typos, reorderings, partial names).</summary>
[MemoryDiagnoser]
public class MatchBenchmarks
{
    private MatchIndex _index = null!;
    private Query[] _queries = [];
    private int _next;

    [Params(17_000)]
    public int Entities { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var entities = SyntheticCorpus.Generate(Entities);
        _index = MatchIndex.Build(entities);
        var random = new Random(7);
        _queries = [.. Enumerable.Range(0, 64).Select(_ => SyntheticCorpus.QueryFor(entities[random.Next(entities.Length)], random))];
    }

    [Benchmark(Baseline = true)]
    public int Exhaustive() => _index.MatchExhaustive(_queries[_next++ & 63]).Count;

    [Benchmark]
    public int Indexed() => _index.Match(_queries[_next++ & 63]).Count;
}
