using System.Collections.Concurrent;
using Comity.Core.Text;

namespace Comity.Core.Matching;

/// <summary>Retrieves candidate entities for a query from the token index: exact tokens, mined variants, fuzzy
/// neighbours (trigram filter, verified with the scorer's own token similarity), phonetic keys, consonant skeletons,
/// and glued or split tokens. Each query token's evidence is weighted by its rarity.</summary>
/// <remarks>Tokens are visited rarest first. Once the tokens still to visit weigh too little for an entity that
/// matched none of the earlier ones to reach the minimum score, later tokens only add to candidates already found:
/// common words (<c>Mohammed</c>, <c>Company</c>) never flood the candidate set.</remarks>
internal sealed class CandidateRetriever(Vocabulary vocabulary, TokenLookup lookup, VariantTable variants, Postings tokenEntities, AffixIndex affixes)
{
    private const double BoundMargin = 0.75;

    /// <summary>Most (token, similarity) pairs the neighbour memo holds; beyond it, new listed tokens are not memoised.</summary>
    internal const int MemoCapacity = 2_000_000;

    private static readonly Comparison<(int Token, double Similarity)> BySimilarity = static (a, b) => b.Similarity.CompareTo(a.Similarity);

    private readonly ConcurrentBag<Buffers> _pool = [];

    /// <summary>The neighbours of each listed token, computed the first time a query uses that token (the fuzzy,
    /// phonetic, variant and split lookups of <see cref="Collect"/> depend on the token alone): index data only (listed
    /// tokens and their listed neighbours), never a query's own text. Bounded by <see cref="MemoCapacity"/>.</summary>
    private readonly Neighbours?[] _memo = new Neighbours?[vocabulary.Count];
    private long _memoPairs;
    private readonly AffixIndex _affixes = affixes;

    internal AffixIndex Affixes => _affixes;

    internal Postings TokenEntities => tokenEntities;

    internal TokenLookup Lookup => lookup;

    /// <summary>One query token's (or glued pair's) matching listed tokens, by similarity descending (sorted once, when
    /// collected, by the one comparison every path uses: ties keep one order whichever path built them).</summary>
    private readonly record struct Evidence(double Weight, (int Token, double Similarity)[] Tokens, bool Extra);

    /// <summary>A listed token's neighbours as <see cref="Collect"/> finds them, and the work count finding them costs
    /// (added again when the memo answers, so the deterministic work count does not depend on the memo).</summary>
    private sealed record Neighbours((int Token, double Similarity)[] Hits, long Work);

    /// <summary>Turns the neighbour memo off (for the test that compares results with and without it).</summary>
    internal bool MemoDisabled { get; set; }

    /// <summary>Per-query work arrays (one slot per entity and per vocabulary token), reused across queries and
    /// returned all zero: no query data survives a query.</summary>
    private sealed class Buffers(int entities, int tokens)
    {
        public double[] Score { get; } = new double[entities];

        public int[] Stamp { get; } = new int[entities];

        public List<int> Entities { get; } = [];

        public int[] TrigramCounts { get; } = new int[tokens];

        public List<int> Touched { get; } = [];

        /// <summary>Vocabulary tokens already considered for the query token being looked up: the token's stamp
        /// (<see cref="SeenStamp"/>) marks it.</summary>
        public int[] Seen { get; } = new int[tokens];

        public List<int> SeenTokens { get; } = [];

        public int SeenStamp { get; set; }

        /// <summary>The matches of the query token being looked up, before they are sorted and copied out.</summary>
        public List<(int, double)> Hits { get; } = [];

        /// <summary>Marks <paramref name="id"/> seen for the current stamp; false when it already was.</summary>
        public bool See(int id)
        {
            if (Seen[id] == SeenStamp)
            {
                return false;
            }

            if (Seen[id] == 0)
            {
                SeenTokens.Add(id);
            }

            Seen[id] = SeenStamp;
            return true;
        }

        public void Reset()
        {
            foreach (var e in Entities)
            {
                Score[e] = 0;
                Stamp[e] = 0;
            }

            Entities.Clear();
            foreach (var t in SeenTokens)
            {
                Seen[t] = 0;
            }

            SeenTokens.Clear();
            SeenStamp = 0;
        }
    }

    public int[] Retrieve(QueryContext ctx, double minScore, int budget)
    {
        if (!_pool.TryTake(out var buffers))
        {
            buffers = new Buffers(vocabulary.EntityCount, vocabulary.Count);
        }

        try
        {
            return Retrieve(ctx, minScore, budget, buffers);
        }
        finally
        {
            buffers.Reset();
            _pool.Add(buffers);
        }
    }

    private int[] Retrieve(QueryContext ctx, double minScore, int budget, Buffers buffers)
    {
        var score = buffers.Score;
        var stamps = buffers.Stamp;
        var touched = buffers.Entities;
        var stamp = 0;
        var found = new List<int>();
        foreach (var name in ctx.Names)
        {
            var evidence = Collect(ctx, name, buffers, found);
            evidence.Sort((a, b) => b.Weight.CompareTo(a.Weight));
            var total = 0.0;
            foreach (var e in evidence)
            {
                total += e.Extra ? 0 : e.Weight;
            }

            var remaining = total;
            foreach (var e in evidence)
            {
                ctx.Cancellation.ThrowIfCancellationRequested();
                ctx.Work += e.Tokens.Length;
                var processed = total - remaining;
                var reachable = remaining <= 0 ? 0 : remaining / (remaining + (Weights.UnmatchedQuery * processed));
                var admit = e.Extra || reachable >= minScore * BoundMargin;
                remaining -= e.Extra ? 0 : e.Weight;
                stamp++;
                foreach (var (token, similarity) in e.Tokens)
                {
                    var credit = similarity * (e.Weight + vocabulary[token].Weight) / 2;
                    foreach (var entity in tokenEntities[token])
                    {
                        if (stamps[entity] == stamp)
                        {
                            continue;
                        }

                        if (stamps[entity] != 0)
                        {
                            score[entity] += credit;
                            stamps[entity] = stamp;
                        }
                        else if (admit)
                        {
                            score[entity] = credit;
                            stamps[entity] = stamp;
                            touched.Add(entity);
                        }
                    }
                }
            }
        }

        return Best(touched, score, budget);
    }

    /// <summary>The <paramref name="budget"/> best of the touched entities by score descending, then entity ascending
    /// (a total order, so the result is the first <paramref name="budget"/> of the fully sorted list), in that order.
    /// A common word can touch a large share of a big corpus: a bounded heap keeps the selection O(n log budget) where
    /// sorting every touched entity cost O(n log n) and an array of them.</summary>
    internal static int[] Best(List<int> touched, double[] score, int budget)
    {
        var take = Math.Min(budget, touched.Count);
        if (take <= 0)
        {
            return [];
        }

        // A heap of the best seen so far with the worst of them at the root.
        var heap = System.Buffers.ArrayPool<(int Entity, double Score)>.Shared.Rent(take);
        try
        {
            var size = 0;
            foreach (var e in touched)
            {
                var item = (e, score[e]);
                if (size < take)
                {
                    heap[size] = item;
                    SiftUp(heap, size++);
                }
                else if (Before(item, heap[0]))
                {
                    heap[0] = item;
                    SiftDown(heap, 0, size);
                }
            }

            var best = heap.AsSpan(0, size);
            best.Sort(static (x, y) => x.Score != y.Score ? y.Score.CompareTo(x.Score) : x.Entity.CompareTo(y.Entity));
            var result = new int[size];
            for (var i = 0; i < size; i++)
            {
                result[i] = best[i].Entity;
            }

            return result;
        }
        finally
        {
            System.Buffers.ArrayPool<(int Entity, double Score)>.Shared.Return(heap);
        }

        static bool Before((int Entity, double Score) x, (int Entity, double Score) y) =>
            x.Score > y.Score || (x.Score == y.Score && x.Entity < y.Entity);

        static void SiftUp((int Entity, double Score)[] h, int i)
        {
            while (i > 0)
            {
                var parent = (i - 1) / 2;
                if (!Before(h[parent], h[i]))
                {
                    return;
                }

                (h[parent], h[i]) = (h[i], h[parent]);
                i = parent;
            }
        }

        static void SiftDown((int Entity, double Score)[] h, int i, int size)
        {
            while (true)
            {
                var worst = i;
                var l = (2 * i) + 1;
                var r = l + 1;
                if (l < size && Before(h[worst], h[l]))
                {
                    worst = l;
                }

                if (r < size && Before(h[worst], h[r]))
                {
                    worst = r;
                }

                if (worst == i)
                {
                    return;
                }

                (h[worst], h[i]) = (h[i], h[worst]);
                i = worst;
            }
        }
    }

    private List<Evidence> Collect(QueryContext ctx, AnalyzedName name, Buffers buffers, List<int> found)
    {
        var list = new List<Evidence>(name.Tokens.Length + 2);
        var toks = name.Tokens;
        for (var i = 0; i < toks.Length; i++)
        {
            var q = toks[i];
            if (q.Info.Class is TokenClass.LegalForm or TokenClass.Stopword or TokenClass.Initial or TokenClass.Particle)
            {
                continue;
            }

            // A listed token read as the lists read it has the same neighbours in every query: the memo answers.
            var memoisable = q.Id >= 0 && !MemoDisabled && ReferenceEquals(q.Info, vocabulary[q.Id]);
            if (memoisable && Volatile.Read(ref _memo[q.Id]) is { } known)
            {
                ctx.Work += known.Work;
                list.Add(new Evidence(q.Info.Weight, known.Hits, Extra: false));
            }
            else
            {
                var work = ctx.Work;
                var neighbours = Find(ctx, name, i, q, buffers, found);
                if (memoisable && Interlocked.Add(ref _memoPairs, neighbours.Length) <= MemoCapacity)
                {
                    Volatile.Write(ref _memo[q.Id], new Neighbours(neighbours, ctx.Work - work));
                }

                list.Add(new Evidence(q.Info.Weight, neighbours, Extra: false));
            }

            if (i + 1 < toks.Length && q.Info.Class is TokenClass.Word && toks[i + 1].Info.Class is TokenClass.Word or TokenClass.Particle)
            {
                AddJoin(q, toks[i + 1], list, buffers, found);
            }
        }

        return list;
    }

    /// <summary>The listed tokens like query token <paramref name="i"/> of <paramref name="name"/>: itself, its mined
    /// variants, fuzzy neighbours (trigrams, verified), phonetic, skeleton, abjad and romanisation keys, the words it
    /// splits into, its nicknames, anagrams and reversal, transcription-key neighbours (a query word read from katakana
    /// or Chinese characters, never memoised: its info is the query's own), the initial it begins with; by similarity
    /// descending.</summary>
    private (int Token, double Similarity)[] Find(QueryContext ctx, AnalyzedName name, int i, Tok q, Buffers buffers, List<int> found)
    {
        var hits = buffers.Hits;
        hits.Clear();
        buffers.SeenStamp++;
        void Consider(int id)
        {
            ctx.Work++;
            if (buffers.See(id))
            {
                var (s, _) = ctx.Cache.Compare(name.Slot, i, q, new Tok(id, vocabulary[id]));
                if (s > 0)
                {
                    hits.Add((id, s));
                }
            }
        }

        if (q.Id >= 0)
        {
            Consider(q.Id);
            foreach (var v in variants.Partners(q.Id))
            {
                Consider(v);
            }
        }

        var text = q.Info.Text;
        if (q.Info.Class != TokenClass.Number)
        {
            if (text.Length >= 4)
            {
                found.Clear();
                var minShared = Math.Max(1, text.Length - (3 * EditDistance.Budget(text.Length)));
                lookup.SharingTrigrams(text, minShared, buffers.TrigramCounts, buffers.Touched, found);
                foreach (var id in found)
                {
                    if (Math.Abs(vocabulary[id].Text.Length - text.Length) <= EditDistance.Budget(text.Length))
                    {
                        Consider(id);
                    }
                }
            }

            if (text.Length >= 5)
            {
                foreach (var id in lookup.WithKey(q.Info.Key))
                {
                    Consider(id);
                }
            }

            if (q.Info.Skeleton.Length >= 2 && q.Info.Text.Length >= 3)
            {
                foreach (var id in lookup.WithSkeleton(q.Info.Skeleton))
                {
                    Consider(id);
                }
            }

            if (q.Info.Abjad.Length >= 2 && text.Length >= 2)
            {
                foreach (var id in lookup.WithAbjad(q.Info.Abjad))
                {
                    Consider(id);
                }
            }

            if (text.Length >= 2)
            {
                foreach (var id in lookup.WithRoman(q.Info.Roman))
                {
                    Consider(id);
                }
            }

            ctx.Work += AddSplits(text, hits, buffers);

            // Nicknames (Bill → William), letters shuffled or reversed, and transcriptions from katakana or Chinese
            // characters (by consonant-class key, one class off for keys of four or more).
            if (q.Info.Nick is not null)
            {
                foreach (var partner in Nicknames.Partners(text))
                {
                    var id = vocabulary.Find(new NameToken(partner, TokenClass.Word));
                    if (id >= 0)
                    {
                        Consider(id);
                    }
                }
            }

            if (q.Info.Anagram.Length > 0)
            {
                foreach (var id in lookup.WithAnagram(q.Info.Anagram))
                {
                    Consider(id);
                }

                var reversed = vocabulary.Find(new NameToken(string.Create(text.Length, text, (span, t) =>
                {
                    t.AsSpan().CopyTo(span);
                    span.Reverse();
                }), TokenClass.Word));
                if (reversed >= 0)
                {
                    Consider(reversed);
                }
            }

            if (q.Info.Rendering == Rendering.Transcribed && q.Info.Transcription.Length >= 2)
            {
                foreach (var id in lookup.WithTranscription(q.Info.Transcription))
                {
                    Consider(id);
                }

                if (q.Info.Transcription.Length >= 5)
                {
                    foreach (var key in lookup.TranscriptionKeys)
                    {
                        if (Math.Abs(key.Length - q.Info.Transcription.Length) <= 1 && EditDistance.Bounded(key, q.Info.Transcription, 1) == 1)
                        {
                            foreach (var id in lookup.WithTranscription(key))
                            {
                                Consider(id);
                            }
                        }
                    }
                }
            }

            // A listed initial ("AHMED, A.") aligns with any query word it begins.
            var initial = vocabulary.Find(new NameToken(text[..1], TokenClass.Initial));
            if (initial >= 0)
            {
                Consider(initial);
            }
        }

        hits.Sort(BySimilarity);
        return [.. hits];
    }

    /// <summary>Adds the listed words a glued query word splits into; returns the characters it examined.</summary>
    /// <remarks>The listed prefixes and suffixes of the word come from <see cref="AffixIndex"/> in one pass each,
    /// so the cost is linear in the word's length (the old search looked up two substrings at every split point:
    /// quadratic, 35 minutes for a 1 MB word).</remarks>
    private int AddSplits(string text, List<(int, double)> hits, Buffers buffers)
    {
        // "ramimakhlouf" → "rami" + "makhlouf": the rarer half finds the entity. When only one half is a listed
        // word ("mehranshipping" → "shipping"), that half is weak evidence for a fuzzily glued name.
        if (text.Length < 4)
        {
            return 0;
        }

        var rented = System.Buffers.ArrayPool<int>.Shared.Rent(2 * (text.Length + 1));
        try
        {
            var prefixes = rented.AsSpan(0, text.Length + 1);
            var suffixes = rented.AsSpan(text.Length + 1, text.Length + 1);
            var work = _affixes.Prefixes(text, prefixes) + _affixes.Suffixes(text, suffixes);
            for (var p = 2; p <= text.Length - 2; p++)
            {
                var left = prefixes[p];
                var right = suffixes[p];
                if (left >= 0 && right >= 0)
                {
                    var leftRarer = tokenEntities.LengthOf(left) <= tokenEntities.LengthOf(right);
                    Add(leftRarer ? left : right, Weights.GlueFactor);
                    Add(leftRarer ? right : left, Weights.MinTokenSimilarity);
                }
                else if (left >= 0 && p >= 5 && text.Length - p >= 3)
                {
                    Add(left, Weights.MinTokenSimilarity);
                }
                else if (right >= 0 && text.Length - p >= 5 && p >= 3)
                {
                    Add(right, Weights.MinTokenSimilarity);
                }
            }

            return work + text.Length;
        }
        finally
        {
            System.Buffers.ArrayPool<int>.Shared.Return(rented);
        }

        void Add(int token, double similarity)
        {
            buffers.See(token);
            var at = hits.FindIndex(h => h.Item1 == token);
            if (at < 0)
            {
                hits.Add((token, similarity));
            }
            else if (hits[at].Item2 < similarity)
            {
                hits[at] = (token, similarity);
            }
        }
    }

    private void AddJoin(in Tok a, in Tok b, List<Evidence> list, Buffers buffers, List<int> found)
    {
        // "rami makhlouf" → "ramimakhlouf"; "gholam hossein" ~ "gholamhosein" (one edit, verified like the scorer).
        var joinedText = a.Info.Text + b.Info.Text;
        var hits = new List<(int, double)>();
        var joined = vocabulary.Find(new NameToken(joinedText, TokenClass.Word));
        if (joined >= 0)
        {
            hits.Add((joined, Weights.GlueFactor));
        }
        else if (joinedText.Length >= 6)
        {
            found.Clear();
            lookup.SharingTrigrams(joinedText, Math.Max(1, joinedText.Length - 3), buffers.TrigramCounts, buffers.Touched, found);
            foreach (var id in found)
            {
                var s = TokenSimilarity.Glued(vocabulary[id], a.Info, b.Info);
                if (s > 0)
                {
                    hits.Add((id, s));
                }
            }
        }

        if (hits.Count > 0)
        {
            hits.Sort(BySimilarity);
            list.Add(new Evidence(a.Info.Weight + b.Info.Weight, [.. hits], Extra: true));
        }
    }
}
