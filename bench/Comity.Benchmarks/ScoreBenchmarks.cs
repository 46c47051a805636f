using BenchmarkDotNet.Attributes;
using Comity.Core.Matching;
using Comity.Core.Model;
using Comity.Core.Text;

namespace Comity.Benchmarks;

/// <summary>Per-comparison costs: normalising a name, and scoring one query against one entity (with explanation),
/// the figure Watchman and yente report per candidate.</summary>
[MemoryDiagnoser]
public class ScoreBenchmarks
{
    private MatchIndex _index = null!;
    private Entity _person = null!;
    private Entity _company = null!;
    private Query _personQuery = null!;
    private Query _companyQuery = null!;
    private readonly string _rawName = "MADURO MOROS, Nicolás Sr. OOO «Ромашка» Co., Ltd.";

    [GlobalSetup]
    public void Setup()
    {
        var entities = SyntheticCorpus.Generate(17_000);
        _index = MatchIndex.Build(entities);
        _person = entities.First(e => e.Schema == Schema.Person && e.Names.Length > 1);
        _company = entities.First(e => e.Schema == Schema.Company);
        _personQuery = new Query { Names = ["Nicolas Maduro Moros"], Schema = Schema.Person };
        _companyQuery = new Query { Names = [_company.Names[0].Full + " Trading"], Schema = Schema.Company };
    }

    [Benchmark]
    public int Normalize() => NameNormalizer.Normalize(_rawName).Length;

    [Benchmark]
    public double ScorePerson() => _index.Score(_personQuery, _person).Score;

    [Benchmark]
    public double ScoreCompany() => _index.Score(_companyQuery, _company).Score;
}
