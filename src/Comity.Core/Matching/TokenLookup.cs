using Comity.Core.Snapshots;
using Comity.Core.Text;

namespace Comity.Core.Matching;

/// <summary>Finds vocabulary tokens similar to a query token: by character trigrams (edit distance), phonetic key
/// vowel-less skeleton, abjad key and romanisation key.</summary>
internal sealed class TokenLookup
{
    private const int Alphabet = 37;

    private readonly Postings _trigrams;
    private readonly KeyedPostings _byKey;
    private readonly KeyedPostings _bySkeleton;
    private readonly KeyedPostings _byAbjad;
    private readonly KeyedPostings _byRoman;
    private readonly KeyedPostings _byAnagram;
    private readonly KeyedPostings _byTranscription;

    private TokenLookup(Postings trigrams, KeyedPostings[] maps)
    {
        _trigrams = trigrams;
        (_byKey, _bySkeleton, _byAbjad, _byRoman, _byAnagram, _byTranscription) = (maps[0], maps[1], maps[2], maps[3], maps[4], maps[5]);
    }

    public TokenLookup(Vocabulary vocabulary)
    {
        var keys = new GrowableInts(vocabulary.Count * 8);
        var values = new GrowableInts(vocabulary.Count * 8);
        Span<int> grams = stackalloc int[64];
        var byKey = new Dictionary<string, GrowableInts>(StringComparer.Ordinal);
        var bySkeleton = new Dictionary<string, GrowableInts>(StringComparer.Ordinal);
        var byAbjad = new Dictionary<string, GrowableInts>(StringComparer.Ordinal);
        var byRoman = new Dictionary<string, GrowableInts>(StringComparer.Ordinal);
        var byAnagram = new Dictionary<string, GrowableInts>(StringComparer.Ordinal);
        var byTranscription = new Dictionary<string, GrowableInts>(StringComparer.Ordinal);
        for (var id = 0; id < vocabulary.Count; id++)
        {
            var info = vocabulary[id];
            if (info.Class is TokenClass.LegalForm or TokenClass.Stopword or TokenClass.Initial or TokenClass.Number)
            {
                continue;
            }

            var n = Trigrams(info.Text, grams);
            for (var g = 0; g < n; g++)
            {
                keys.Add(grams[g]);
                values.Add(id);
            }

            Add(byKey, info.Key, id);
            Add(bySkeleton, info.Skeleton, id);
            Add(byAbjad, info.Abjad, id);
            Add(byRoman, info.Roman, id);
            Add(byAnagram, info.Anagram, id);
            if (info.Transcription.Length >= 2)
            {
                Add(byTranscription, info.Transcription, id);
            }
        }

        _trigrams = Postings.Build(Alphabet * Alphabet * Alphabet, keys.AsSpan(), values.AsSpan());
        _byKey = KeyedPostings.Build(byKey);
        _bySkeleton = KeyedPostings.Build(bySkeleton);
        _byAbjad = KeyedPostings.Build(byAbjad);
        _byRoman = KeyedPostings.Build(byRoman);
        _byAnagram = KeyedPostings.Build(byAnagram);
        _byTranscription = KeyedPostings.Build(byTranscription);
    }

    /// <summary>Writes the lookup as built (for a snapshot): the trigram rows and the six key tables.</summary>
    internal void Write(SnapshotWriter writer)
    {
        var (offsets, values) = _trigrams.Arrays;
        writer.WriteInts(offsets);
        writer.WriteInts(values);
        foreach (var map in (KeyedPostings[])[_byKey, _bySkeleton, _byAbjad, _byRoman, _byAnagram, _byTranscription])
        {
            map.Write(writer);
        }
    }

    /// <summary>A lookup written by <see cref="Write"/> over a vocabulary of <paramref name="vocabularySize"/> tokens.</summary>
    /// <exception cref="InvalidDataException">Damaged.</exception>
    internal static TokenLookup Read(SnapshotReader reader, int vocabularySize)
    {
        var trigrams = Postings.FromArrays(reader.ReadInts(), reader.ReadInts(), vocabularySize);
        if (trigrams.KeyCount != Alphabet * Alphabet * Alphabet)
        {
            throw SnapshotReader.Corrupt("token lookup: trigram rows");
        }

        var maps = new KeyedPostings[6];
        for (var i = 0; i < maps.Length; i++)
        {
            maps[i] = KeyedPostings.Read(reader, vocabularySize, "token lookup");
        }

        return new TokenLookup(trigrams, maps);
    }

    /// <summary>Vocabulary tokens with the same <see cref="TokenInfo.Anagram"/> key (letters shuffled inside).</summary>
    public ReadOnlySpan<int> WithAnagram(string anagram) => _byAnagram[anagram];

    /// <summary>Vocabulary tokens with the same <see cref="TokenInfo.Transcription"/> key.</summary>
    public ReadOnlySpan<int> WithTranscription(string key) => _byTranscription[key];

    /// <summary>Every transcription key in the lookup (for one-class-off neighbours of a transcribed query word).</summary>
    public IEnumerable<string> TranscriptionKeys => _byTranscription.Keys;

    public ReadOnlySpan<int> WithKey(string key) => _byKey[key];

    public ReadOnlySpan<int> WithSkeleton(string skeleton) => _bySkeleton[skeleton];

    public ReadOnlySpan<int> WithAbjad(string abjad) => _byAbjad[abjad];

    public ReadOnlySpan<int> WithRoman(string roman) => _byRoman[roman];

    /// <summary>Vocabulary ids sharing at least <paramref name="minShared"/> distinct trigrams with the token.
    /// <paramref name="counts"/> (one slot per vocabulary token, all zero) is left all zero again.</summary>
    public void SharingTrigrams(string text, int minShared, int[] counts, List<int> touched, List<int> result)
    {
        touched.Clear();
        Span<int> grams = stackalloc int[64];
        var n = Trigrams(text, grams);
        grams = grams[..n];
        grams.Sort();
        var previous = -1;
        foreach (var g in grams)
        {
            if (g == previous)
            {
                continue;
            }

            previous = g;
            foreach (var id in _trigrams[g])
            {
                if (counts[id]++ == 0)
                {
                    touched.Add(id);
                }
            }
        }

        foreach (var id in touched)
        {
            if (counts[id] >= minShared)
            {
                result.Add(id);
            }

            counts[id] = 0;
        }
    }

    /// <summary>Trigrams of <c>#token#</c>, at most 64.</summary>
    public static int Trigrams(string text, Span<int> grams)
    {
        var len = Math.Min(text.Length, 62);
        var n = 0;
        for (var i = -1; i < len - 1; i++)
        {
            var a = i < 0 ? 0 : Code(text[i]);
            var b = Code(text[i + 1]);
            var c = i + 2 < len ? Code(text[i + 2]) : 0;
            grams[n++] = (((a * Alphabet) + b) * Alphabet) + c;
        }

        return n;
    }

    private static int Code(char c) => c switch
    {
        >= 'a' and <= 'z' => c - 'a' + 1,
        >= '0' and <= '9' => c - '0' + 27,
        _ => 0,
    };

    private static void Add(Dictionary<string, GrowableInts> map, string key, int id)
    {
        if (key.Length == 0)
        {
            return;
        }

        if (!map.TryGetValue(key, out var list))
        {
            list = new GrowableInts(2);
            map.Add(key, list);
        }

        list.Add(id);
    }
}
