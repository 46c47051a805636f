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

    /// <summary>The tokens in id order with their document frequencies (for a snapshot).</summary>
    internal (NameToken[] Tokens, int[] DocumentFrequencies) Export()
    {
        var tokens = new NameToken[_infos.Length];
        var df = new int[_infos.Length];
        for (var i = 0; i < tokens.Length; i++)
        {
            tokens[i] = _infos[i].AsToken;
            df[i] = _infos[i].Entities;
        }

        return (tokens, df);
    }

    /// <summary>The vocabulary of <see cref="Export"/> (read from a snapshot): token infos are computed by the same code
    /// as at build time, never stored; <paramref name="abjad"/> says which tokens some listed name written in an abjad
    /// holds (recomputed from the names by the reader, as <see cref="Builder.Intern"/> does).</summary>
    internal static Vocabulary FromTokens(NameToken[] tokens, int[] documentFrequencies, bool[] abjad, int entityCount)
    {
        if (tokens.Length != documentFrequencies.Length || tokens.Length != abjad.Length)
        {
            throw new InvalidDataException("vocabulary: tokens and frequencies differ in length");
        }

        var ids = new Dictionary<string, int>(tokens.Length, StringComparer.Ordinal);
        for (var i = 0; i < tokens.Length; i++)
        {
            if (!ids.TryAdd(InternKey(tokens[i]), i))
            {
                throw new InvalidDataException("vocabulary: a token is listed twice");
            }
        }

        return new Vocabulary(ids, Infos(tokens, documentFrequencies, abjad, entityCount), entityCount);
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
