using Comity.Core.Model;

namespace Comity.Core.Matching;

/// <summary>The analysed names of one candidate entity, from the index or analysed on the fly.</summary>
internal interface IEntityNames
{
    int Count { get; }

    NameKind Kind(int k);

    string Full(int k);

    ReadOnlySpan<Tok> Tokens(int k, QueryContext ctx);
}

/// <summary>Names of an entity that is not in the index, analysed against the index's vocabulary.</summary>
internal readonly struct AdHocNames : IEntityNames
{
    private readonly Entity _entity;
    private readonly AnalyzedName[] _names;
    private readonly int[] _source;

    public AdHocNames(Entity entity, Vocabulary vocabulary)
    {
        _entity = entity;
        var names = new List<AnalyzedName>();
        var source = new List<int>();
        for (var k = 0; k < entity.Names.Length; k++)
        {
            var a = AnalyzedName.Analyze(entity.Names[k].Full, vocabulary, 0);
            if (a.Tokens.Length > 0)
            {
                names.Add(a);
                source.Add(k);
            }
        }

        _names = [.. names];
        _source = [.. source];
    }

    public int Count => _names.Length;

    public NameKind Kind(int k) => _entity.Names[_source[k]].Kind;

    public string Full(int k) => _entity.Names[_source[k]].Full;

    public ReadOnlySpan<Tok> Tokens(int k, QueryContext ctx) => _names[k].Tokens;
}
