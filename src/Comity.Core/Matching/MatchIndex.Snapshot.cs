using Comity.Core.Model;
using Comity.Core.Snapshots;

namespace Comity.Core.Matching;

/// <summary>The index in a corpus snapshot: every structure the build computes is stored as it was built and read back
/// without recomputing anything — the token infos (rarity, weight; phonetic, skeleton, abjad, romanisation, anagram and
/// transcription keys; whether a vowel-less token reads as a consonant skeleton), the interned names, the postings, the
/// mined variants, the sorted affix arrays, the token lookup with its trigram rows and key tables, the identifier
/// postings and the organisation acronym index. Arrays of ints are copied in one block; strings are pooled (a key equal
/// to a token's text is stored once). A snapshot can hold no stale scoring data: it is read only by the build of the
/// code that wrote it (the engine version covers this assembly).</summary>
public sealed partial class MatchIndex
{
    private const int SnapshotLayout = 2;

    /// <summary>Writes the index (not its entities: the caller writes those, in the same order, before).</summary>
    public void WriteSnapshot(SnapshotWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteCount(SnapshotLayout);
        writer.WriteCount(_entities.Length);
        _vocabulary.Write(writer);
        var (entityFirstName, nameFirstToken, pool, sourceIndex) = _names.Arrays;
        writer.WriteInts(entityFirstName);
        writer.WriteInts(nameFirstToken);
        writer.WriteInts(pool);
        writer.WriteUInt16s(sourceIndex);
        var (offsets, values) = _retriever.TokenEntities.Arrays;
        writer.WriteInts(offsets);
        writer.WriteInts(values);
        var (partnerOffsets, partners, support) = _variants.Arrays;
        writer.WriteInts(partnerOffsets);
        writer.WriteInts(partners);
        writer.WriteInts(support);
        var (forward, backward) = _retriever.Affixes.Arrays;
        writer.WriteInts(forward);
        writer.WriteInts(backward);
        _retriever.Lookup.Write(writer);
        _identifiers.Write(writer);
        _acronyms.Write(writer);
    }

    /// <summary>Reads an index written by <see cref="WriteSnapshot"/> over the same entities, in the same order;
    /// <paramref name="mark"/>, when given, is called after each part (for a start-up profile).</summary>
    /// <exception cref="InvalidDataException">The snapshot does not read back (damaged, or of another layout).</exception>
    public static MatchIndex ReadSnapshot(SnapshotReader reader, IReadOnlyList<Entity> entities, MatcherOptions? options = null, Action<string>? mark = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(entities);
        options ??= new MatcherOptions();
        if (reader.ReadCount() != SnapshotLayout)
        {
            throw SnapshotReader.Corrupt("index layout differs");
        }

        var all = entities as Entity[] ?? [.. entities];
        if (reader.ReadCount() != all.Length)
        {
            throw SnapshotReader.Corrupt("index entity count differs");
        }

        var vocabulary = Vocabulary.Read(reader, all.Length);
        mark?.Invoke("index: vocabulary (token infos)");
        var entityFirstName = reader.ReadInts();
        var nameFirstToken = reader.ReadInts();
        var pool = reader.ReadInts();
        var sourceIndex = reader.ReadUInt16s();
        var table = NameTable.FromArrays(entityFirstName, nameFirstToken, pool, sourceIndex, all.Length, vocabulary.Count);
        for (var e = 0; e < all.Length; e++)
        {
            var names = all[e].Names;
            var count = names.IsDefault ? 0 : names.Length;
            for (var k = entityFirstName[e]; k < entityFirstName[e + 1]; k++)
            {
                if (sourceIndex[k] >= count)
                {
                    throw SnapshotReader.Corrupt("a name of the index is not a name of its entity");
                }
            }
        }

        var tokenEntities = Postings.FromArrays(reader.ReadInts(), reader.ReadInts(), all.Length);
        if (tokenEntities.KeyCount != vocabulary.Count)
        {
            throw SnapshotReader.Corrupt("postings do not match the vocabulary");
        }

        var variants = VariantTable.FromArrays(reader.ReadInts(), reader.ReadInts(), reader.ReadInts(), vocabulary.Count);
        var affixes = new AffixIndex(vocabulary, reader.ReadInts(), reader.ReadInts());
        mark?.Invoke("index: names, postings, variants, affixes");
        var lookup = TokenLookup.Read(reader, vocabulary.Count);
        mark?.Invoke("index: token lookup");
        var identifiers = IdentifierIndex.Read(reader, all.Length);
        var acronyms = AcronymIndex.Read(reader, all.Length);
        mark?.Invoke("index: identifiers, acronyms");
        var retriever = new CandidateRetriever(vocabulary, lookup, variants, tokenEntities, affixes);
        return new MatchIndex(all, vocabulary, table, variants, retriever, identifiers, acronyms, options);
    }
}
