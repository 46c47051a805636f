using System.Runtime.CompilerServices;
using Comity.Core.Snapshots;
using Comity.Core.Text;

namespace Comity.Core.Matching;

/// <summary>The distinct tokens of an index, interned to ints, with their rarity and precomputed keys.</summary>
internal sealed class Vocabulary
{
    private readonly Dictionary<string, int> _ids;
    private readonly TokenInfo[] _infos;

    private Vocabulary(Dictionary<string, int> ids, TokenInfo[] infos, int entityCount)
    {
        _ids = ids;
        _infos = infos;
        EntityCount = entityCount;
    }

    public int Count => _infos.Length;

    public int EntityCount { get; }

    public TokenInfo this[int id] => _infos[id];

    /// <summary>The id of a token, or -1 when the lists never use it.</summary>
    public int Find(in NameToken token) => _ids.TryGetValue(InternKey(token), out var id) ? id : -1;

    /// <summary>The info of a token: the index's when known, else a fresh one with rarity 1 (unseen tokens are rare).</summary>
    public TokenInfo Describe(in NameToken token, out int id)
    {
        id = Find(token);
        return id >= 0 ? _infos[id] : new TokenInfo(token, 1.0);
    }

    /// <summary>Legal forms live apart from words of the same spelling (<c>sa</c> the form, <c>Sa</c> the surname).</summary>
    public static string InternKey(in NameToken token) => token.Class == TokenClass.LegalForm ? "\u0001" + token.Text : token.Text;

    /// <summary>Rarity from document frequency: normalised IDF in [0, 1].</summary>
    public static double Rarity(int documentFrequency, int entityCount)
    {
        var n = Math.Max(entityCount, 1) + 1.0;
        var r = Math.Log(n / (documentFrequency + 0.5)) / Math.Log(n + 1.0);
        return Math.Clamp(r, 0.0, 1.0);
    }

    /// <summary>Interns tokens while entities stream in, counting in how many entities each token occurs.</summary>
    internal sealed class Builder
    {
        private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
        private readonly List<NameToken> _tokens = [];
        private readonly List<int> _df = [];
        private readonly List<int> _lastEntity = [];
        private readonly List<bool> _abjad = [];

        /// <summary>Interns <paramref name="token"/> of a name of <paramref name="entity"/>; <paramref name="abjadName"/>
        /// says the name is written in an abjad (<see cref="AnalyzedName.WrittenInAbjad"/>): a vowel-less token is a
        /// consonant skeleton only when some listed name so written holds it.</summary>
        public int Intern(in NameToken token, int entity, bool abjadName, out bool firstInEntity)
        {
            var key = InternKey(token);
            if (!_ids.TryGetValue(key, out var id))
            {
                id = _tokens.Count;
                _ids.Add(key, id);
                _tokens.Add(token);
                _df.Add(0);
                _lastEntity.Add(-1);
                _abjad.Add(false);
            }

            _abjad[id] |= abjadName;

            firstInEntity = _lastEntity[id] != entity;
            if (firstInEntity)
            {
                _lastEntity[id] = entity;
                _df[id]++;
            }

            return id;
        }

        public Vocabulary Build(int entityCount) => new(_ids, Infos([.. _tokens], [.. _df], [.. _abjad], entityCount), entityCount);
    }

    /// <summary>Writes every token info as computed at build time (for a snapshot): the fixed-size fields as columns
    /// (class, legal family, flags, rarity and weight bits, entity count), then each token's text and keys as pooled
    /// strings (a key equal to the text or to another token's key is written once).</summary>
    internal void Write(SnapshotWriter writer)
    {
        var n = _infos.Length;
        var classes = new byte[n];
        var families = new byte[n];
        var flags = new byte[n];
        var rarity = new long[n];
        var weight = new long[n];
        var entities = new int[n];
        for (var i = 0; i < n; i++)
        {
            var info = _infos[i];
            classes[i] = (byte)info.Class;
            families[i] = info.LegalFamily;
            flags[i] = (byte)((info.Vowelless ? 1 : 0) | (info.Syllable ? 2 : 0));
            rarity[i] = BitConverter.DoubleToInt64Bits(info.Rarity);
            weight[i] = BitConverter.DoubleToInt64Bits(info.Weight);
            entities[i] = info.Entities;
        }

        writer.WriteCount(EntityCount);
        writer.WriteBytes(classes);
        writer.WriteBytes(families);
        writer.WriteBytes(flags);
        writer.WriteInt64s(rarity);
        writer.WriteInt64s(weight);
        writer.WriteInts(entities);
        foreach (var info in _infos)
        {
            writer.WritePooled(info.Text);
            writer.WritePooled(info.Key);
            writer.WritePooled(info.Skeleton);
            writer.WritePooled(info.Abjad);
            writer.WritePooled(info.Roman);
            writer.WritePooled(info.Anagram);
            writer.WritePooled(info.Transcription);
        }
    }

    /// <summary>Reads a vocabulary written by <see cref="Write"/>: the token infos are read, not recomputed.</summary>
    /// <exception cref="InvalidDataException">Damaged: columns of different lengths, a bad class, a token listed twice.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static Vocabulary Read(SnapshotReader reader, int entityCount)
    {
        if (reader.ReadCount() != entityCount)
        {
            throw SnapshotReader.Corrupt("vocabulary: entity count differs");
        }

        var classes = reader.ReadBytes();
        var families = reader.ReadBytes();
        var flags = reader.ReadBytes();
        var rarity = reader.ReadInt64s();
        var weight = reader.ReadInt64s();
        var entities = reader.ReadInts();
        var n = classes.Length;
        if (families.Length != n || flags.Length != n || rarity.Length != n || weight.Length != n || entities.Length != n)
        {
            throw SnapshotReader.Corrupt("vocabulary: columns differ in length");
        }

        var infos = new TokenInfo[n];
        var ids = new Dictionary<string, int>(n, StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            var cls = (TokenClass)classes[i];
            if (!Enum.IsDefined(cls) || flags[i] > 3)
            {
                throw SnapshotReader.Corrupt("vocabulary: bad token class or flags");
            }

            var text = reader.ReadRequiredString();
            var info = new TokenInfo(text, cls, families[i], reader.ReadRequiredString(), reader.ReadRequiredString(), reader.ReadRequiredString(),
                reader.ReadRequiredString(), reader.ReadRequiredString(), reader.ReadRequiredString(), (flags[i] & 1) != 0, (flags[i] & 2) != 0,
                BitConverter.Int64BitsToDouble(rarity[i]), BitConverter.Int64BitsToDouble(weight[i]), entities[i]);
            if (!ids.TryAdd(InternKey(info.AsToken), i))
            {
                throw SnapshotReader.Corrupt("vocabulary: a token is listed twice");
            }

            infos[i] = info;
        }

        return new Vocabulary(ids, infos, entityCount);
    }

    /// <summary>The token infos; a vowel-less token is a consonant skeleton only when some listed name written in an
    /// abjad holds it (<paramref name="abjad"/>).</summary>
    private static TokenInfo[] Infos(NameToken[] tokens, int[] df, bool[] abjad, int entityCount)
    {
        var infos = new TokenInfo[tokens.Length];
        Parallel.For(0, infos.Length, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount) }, i =>
        {
            var rarity = Rarity(df[i], entityCount);
            var info = new TokenInfo(tokens[i], rarity) { Entities = df[i] };
            if (info.Vowelless && !abjad[i])
            {
                info = new TokenInfo(tokens[i], rarity) { Entities = df[i], Vowelless = false };
            }

            infos[i] = info;
        });
        return infos;
    }
}
