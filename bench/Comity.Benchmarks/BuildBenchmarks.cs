using BenchmarkDotNet.Attributes;
using Comity.Core.Matching;
using Comity.Core.Model;

namespace Comity.Benchmarks;

/// <summary>Building the index (normalisation of every name, interning, postings, variant mining).</summary>
[MemoryDiagnoser]
public class BuildBenchmarks
{
    private Entity[] _entities = [];

    [Params(17_000)]
    public int Entities { get; set; }

    [GlobalSetup]
    public void Setup() => _entities = SyntheticCorpus.Generate(Entities);

    [Benchmark]
    public int Build() => MatchIndex.Build(_entities).Count;
}
