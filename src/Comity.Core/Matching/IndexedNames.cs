using Comity.Core.Model;

namespace Comity.Core.Matching;

/// <summary>The names of one indexed entity, read from the index's flat arrays.</summary>
internal readonly struct IndexedNames : IEntityNames
{
    private readonly NameTable _table;
    private readonly Vocabulary _vocabulary;
    private readonly Entity _entity;
    private readonly int _first;

    public IndexedNames(NameTable table, Vocabulary vocabulary, Entity entity, int entityIndex)
    {
        _table = table;
        _vocabulary = vocabulary;
        _entity = entity;
        _first = table.FirstName(entityIndex);
        Count = table.FirstName(entityIndex + 1) - _first;
    }

    public int Count { get; }

    public NameKind Kind(int k) => _entity.Names[_table.SourceIndex(_first + k)].Kind;

    public string Full(int k) => _entity.Names[_table.SourceIndex(_first + k)].Full;

    public ReadOnlySpan<Tok> Tokens(int k, QueryContext ctx)
    {
        var ids = _table.Tokens(_first + k);
        if (ctx.Scratch.Length < ids.Length)
        {
            ctx.Scratch = new Tok[ids.Length * 2];
        }

        var buffer = ctx.Scratch;
        for (var i = 0; i < ids.Length; i++)
        {
            buffer[i] = new Tok(ids[i], _vocabulary[ids[i]]);
        }

        return buffer.AsSpan(0, ids.Length);
    }
}
