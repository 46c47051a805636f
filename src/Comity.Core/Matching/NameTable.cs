namespace Comity.Core.Matching;

/// <summary>All analysed names of an index in flat arrays: entity → its names, name → its token ids and the
/// position of the name in <c>Entity.Names</c>.</summary>
internal sealed class NameTable
{
    private readonly int[] _entityFirstName;
    private readonly int[] _nameFirstToken;
    private readonly int[] _tokens;
    private readonly ushort[] _sourceIndex;

    public NameTable(int[] entityFirstName, int[] nameFirstToken, int[] tokens, ushort[] sourceIndex)
    {
        _entityFirstName = entityFirstName;
        _nameFirstToken = nameFirstToken;
        _tokens = tokens;
        _sourceIndex = sourceIndex;
    }

    public int NameCount => _sourceIndex.Length;

    public int FirstName(int entity) => _entityFirstName[entity];

    public int SourceIndex(int name) => _sourceIndex[name];

    public ReadOnlySpan<int> Tokens(int name) => _tokens.AsSpan(_nameFirstToken[name], _nameFirstToken[name + 1] - _nameFirstToken[name]);

    /// <summary>Token-id arrays of one entity's names (for variant mining at build time).</summary>
    public IEnumerable<int[]> NamesOf(int entity)
    {
        for (var k = _entityFirstName[entity]; k < _entityFirstName[entity + 1]; k++)
        {
            yield return Tokens(k).ToArray();
        }
    }
}
