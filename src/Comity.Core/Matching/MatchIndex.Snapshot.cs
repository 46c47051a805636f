using Comity.Core.Model;
using Comity.Core.Snapshots;
using Comity.Core.Text;

namespace Comity.Core.Matching;

/// <summary>The index in a corpus snapshot: what is costly to compute is stored (the interned names, the postings,
/// the mined variants, the sorted affix arrays); what is cheap and depends on scoring code is recomputed by the build
/// code itself on reading, so a snapshot can never hold stale scoring data: the token infos (rarity; phonetic,
/// nickname, anagram and transcription keys; whether a vowel-less token reads as a consonant skeleton, which depends on
/// a listed name written in an abjad holding it), the token lookup with its anagram and transcription tables, the
/// identifier postings and the organisation acronym index.</summary>
public sealed partial class MatchIndex
{
    private const int SnapshotLayout = 1;

    /// <summary>Writes the index (not its entities: the caller writes those, in the same order, before).</summary>
    public void WriteSnapshot(SnapshotWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteCount(SnapshotLayout);
        writer.WriteCount(_entities.Length);
        var (tokens, df) = _vocabulary.Export();
        writer.WriteCount(tokens.Length);
        foreach (var t in tokens)
        {
            writer.WriteString(t.Text);
            writer.WriteByte((byte)t.Class);
            writer.WriteByte(t.LegalFamily);
        }

        writer.WriteInts(df);
        var (entityFirstName, nameFirstToken, pool, sourceIndex) = _names.Arrays;
        writer.WriteInts(entityFirstName);
        writer.WriteInts(nameFirstToken);
        writer.WriteInts(pool);
        writer.WriteUInt16s(sourceIndex);
        var (offsets, values) = _retriever.TokenEntities.Arrays;
        writer.WriteInts(offsets);
        writer.WriteInts(values);
        var (pairs, support) = _variants.Export();
        writer.WriteInt64s(pairs);
        writer.WriteInts(support);
        var (forward, backward) = _retriever.Affixes.Arrays;
        writer.WriteInts(forward);
        writer.WriteInts(backward);
    }

    /// <summary>Reads an index written by <see cref="WriteSnapshot"/> over the same entities, in the same order.</summary>
    /// <exception cref="InvalidDataException">The snapshot does not read back (damaged, or of another layout).</exception>
    public static MatchIndex ReadSnapshot(SnapshotReader reader, IReadOnlyList<Entity> entities, MatcherOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(entities);
        options ??= new MatcherOptions();
        if (reader.ReadCount() != SnapshotLayout)
        {
            throw SnapshotReader.Corrupt("index layout differs");
        }

        var all = entities.ToArray();
        if (reader.ReadCount() != all.Length)
        {
            throw SnapshotReader.Corrupt("index entity count differs");
        }

        var n = reader.ReadLength();
        var tokens = new NameToken[n];
        for (var i = 0; i < n; i++)
        {
            var text = reader.ReadRequiredString();
            var cls = (TokenClass)reader.ReadByte();
            if (!Enum.IsDefined(cls))
            {
                throw SnapshotReader.Corrupt("bad token class");
            }

            tokens[i] = new NameToken(text, cls, reader.ReadByte());
        }

        var df = reader.ReadInts();
        var entityFirstName = reader.ReadInts();
        var nameFirstToken = reader.ReadInts();
        var pool = reader.ReadInts();
        var sourceIndex = reader.ReadUInt16s();
        var table = NameTable.FromArrays(entityFirstName, nameFirstToken, pool, sourceIndex, all.Length, tokens.Length);

        // Which tokens a listed name written in an abjad holds: recomputed from the names, as the build interns them.
        var abjad = new bool[tokens.Length];
        for (var e = 0; e < all.Length; e++)
        {
            var names = all[e].Names;
            for (var k = entityFirstName[e]; k < entityFirstName[e + 1]; k++)
            {
                if (names.IsDefault || sourceIndex[k] >= names.Length)
                {
                    throw SnapshotReader.Corrupt("a name of the index is not a name of its entity");
                }

                if (AnalyzedName.WrittenInAbjad(names[sourceIndex[k]].Full))
                {
                    foreach (var id in table.Tokens(k))
                    {
                        abjad[id] = true;
                    }
                }
            }
        }

        var vocabulary = Vocabulary.FromTokens(tokens, df, abjad, all.Length);

        var tokenEntities = Postings.FromArrays(reader.ReadInts(), reader.ReadInts(), all.Length);
        if (tokenEntities.KeyCount != vocabulary.Count)
        {
            throw SnapshotReader.Corrupt("postings do not match the vocabulary");
        }

        var pairs = reader.ReadInt64s();
        var support = reader.ReadInts();
        if (pairs.Length != support.Length)
        {
            throw SnapshotReader.Corrupt("variant pairs and support differ in length");
        }

        var mined = new Dictionary<long, int>(pairs.Length);
        for (var i = 0; i < pairs.Length; i++)
        {
            var (a, b) = ((int)(pairs[i] >> 32), (int)(pairs[i] & 0xFFFFFFFF));
            if ((uint)a >= (uint)vocabulary.Count || (uint)b >= (uint)vocabulary.Count || !mined.TryAdd(pairs[i], support[i]))
            {
                throw SnapshotReader.Corrupt("bad variant pair");
            }
        }

        var variants = new VariantTable(mined, vocabulary.Count);
        var affixes = new AffixIndex(vocabulary, reader.ReadInts(), reader.ReadInts());
        var lookup = new TokenLookup(vocabulary);
        var retriever = new CandidateRetriever(vocabulary, lookup, variants, tokenEntities, affixes);
        return new MatchIndex(all, vocabulary, table, variants, retriever, IdentifierIndex.Build(all), AcronymIndex.Build(all, table, vocabulary), options);
    }
}
