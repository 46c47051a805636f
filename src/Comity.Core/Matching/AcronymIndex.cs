using Comity.Core.Model;
using Comity.Core.Snapshots;

namespace Comity.Core.Matching;

/// <summary>Organisations by the acronym of their listed names (<c>irgc</c> → Islamic Revolutionary Guard Corps): the
/// first letters of a name's words that <see cref="NameAligner.Acronymable"/> accepts, for names of three to eight such
/// words. Retrieves the organisation for a one-word query that the token index cannot reach.</summary>
internal sealed class AcronymIndex
{
    /// <summary>An acronym shared by more organisations than this is not a clue to any one of them.</summary>
    private const int MaxEntitiesPerAcronym = 50;

    private readonly KeyedPostings _byAcronym;

    private AcronymIndex(KeyedPostings byAcronym) => _byAcronym = byAcronym;

    public int Count => _byAcronym.Count;

    public static AcronymIndex Build(Entity[] entities, NameTable names, Vocabulary vocabulary)
    {
        var map = new Dictionary<string, GrowableInts>(StringComparer.Ordinal);
        Span<char> letters = stackalloc char[8];
        for (var e = 0; e < entities.Length; e++)
        {
            if (entities[e].Schema is Schema.Person or Schema.Vessel or Schema.Airplane)
            {
                continue;
            }

            for (var k = names.FirstName(e); k < names.FirstName(e + 1); k++)
            {
                var n = 0;
                foreach (var id in names.Tokens(k))
                {
                    var tok = new Tok(id, vocabulary[id]);
                    if (!NameAligner.Acronymable(tok))
                    {
                        continue;
                    }

                    if (n == letters.Length)
                    {
                        n = -1;
                        break;
                    }

                    letters[n++] = tok.Info.Text[0];
                }

                if (n >= 3)
                {
                    var key = new string(letters[..n]);
                    if (!map.TryGetValue(key, out var list))
                    {
                        map[key] = list = new GrowableInts(2);
                    }

                    if (list.Count == 0 || list.AsSpan()[^1] != e)
                    {
                        list.Add(e);
                    }
                }
            }
        }

        return new AcronymIndex(KeyedPostings.Build(map.Where(kv => kv.Value.Count <= MaxEntitiesPerAcronym)));
    }

    /// <summary>Writes the postings as built (for a snapshot).</summary>
    internal void Write(SnapshotWriter writer) => _byAcronym.Write(writer);

    /// <summary>Postings written by <see cref="Write"/> over <paramref name="entityCount"/> entities.</summary>
    /// <exception cref="InvalidDataException">Damaged.</exception>
    internal static AcronymIndex Read(SnapshotReader reader, int entityCount) =>
        new(KeyedPostings.Read(reader, entityCount, "acronym index"));

    /// <summary>The name candidates followed by the organisations whose acronym is the query's one name word (each once).</summary>
    public int[] Merge(QueryContext ctx, int[] candidates)
    {
        if (ctx.Query.Schema is Schema.Person or Schema.Vessel or Schema.Airplane)
        {
            return candidates;
        }

        List<int>? extra = null;
        foreach (var name in ctx.Names)
        {
            Tok? word = null;
            var words = 0;
            foreach (var t in name.Tokens)
            {
                if (t.Info.IsContent)
                {
                    words++;
                    word = t;
                }
            }

            if (words == 1 && word is { } w && w.Info.Class == Text.TokenClass.Word && w.Info.Text.Length is >= 3 and <= 8
                && _byAcronym.TryGet(w.Info.Text, out var entities))
            {
                extra ??= [];
                extra.AddRange(entities);
            }
        }

        if (extra is null)
        {
            return candidates;
        }

        var seen = new HashSet<int>(candidates);
        var merged = new List<int>(candidates.Length + extra.Count);
        merged.AddRange(candidates);
        foreach (var e in extra)
        {
            if (seen.Add(e))
            {
                merged.Add(e);
            }
        }

        return [.. merged];
    }
}
