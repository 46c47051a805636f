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

    /// <summary>A table from the arrays of <see cref="Arrays"/> (read from a snapshot), checked for consistency.</summary>
    internal static NameTable FromArrays(int[] entityFirstName, int[] nameFirstToken, int[] tokens, ushort[] sourceIndex, int entityCount, int vocabularySize)
    {
        if (entityFirstName.Length != entityCount + 1 || entityFirstName[0] != 0 || entityFirstName[^1] != sourceIndex.Length
            || nameFirstToken.Length != sourceIndex.Length + 1 || nameFirstToken[0] != 0 || nameFirstToken[^1] != tokens.Length)
        {
            throw new InvalidDataException("name table: arrays do not fit together");
        }

        for (var i = 1; i < entityFirstName.Length; i++)
        {
            if (entityFirstName[i] < entityFirstName[i - 1])
            {
                throw new InvalidDataException("name table: entity offsets decrease");
            }
        }

        for (var i = 1; i < nameFirstToken.Length; i++)
        {
            if (nameFirstToken[i] < nameFirstToken[i - 1])
            {
                throw new InvalidDataException("name table: name offsets decrease");
            }
        }

        foreach (var t in tokens)
        {
            if ((uint)t >= (uint)vocabularySize)
            {
                throw new InvalidDataException("name table: token out of range");
            }
        }

        return new NameTable(entityFirstName, nameFirstToken, tokens, sourceIndex);
    }

    /// <summary>The four arrays (for a snapshot).</summary>
    internal (int[] EntityFirstName, int[] NameFirstToken, int[] Tokens, ushort[] SourceIndex) Arrays =>
        (_entityFirstName, _nameFirstToken, _tokens, _sourceIndex);

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
