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

    private readonly ConcurrentBag<Buffers> _pool = [];
    private readonly AffixIndex _affixes = affixes;

    internal AffixIndex Affixes => _affixes;

    internal Postings TokenEntities => tokenEntities;

    private readonly record struct Evidence(double Weight, List<(int Token, double Similarity)> Tokens, bool Extra);

    /// <summary>Per-query work arrays (one slot per entity and per vocabulary token), reused across queries and
    /// returned all zero: no query data survives a query.</summary>
    private sealed class Buffers(int entities, int tokens)
    {
        public double[] Score { get; } = new double[entities];

        public int[] Stamp { get; } = new int[entities];

        public List<int> Entities { get; } = [];

        public int[] TrigramCounts { get; } = new int[tokens];

        public List<int> Touched { get; } = [];

        public void Reset()
        {
            foreach (var e in Entities)
            {
                Score[e] = 0;
                Stamp[e] = 0;
            }

            Entities.Clear();
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
                ctx.Work += e.Tokens.Count;
                var processed = total - remaining;
                var reachable = remaining <= 0 ? 0 : remaining / (remaining + (Weights.UnmatchedQuery * processed));
                var admit = e.Extra || reachable >= minScore * BoundMargin;
                remaining -= e.Extra ? 0 : e.Weight;
                stamp++;
                e.Tokens.Sort((a, b) => b.Similarity.CompareTo(a.Similarity));
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

        var all = new (int Entity, double Score)[touched.Count];
        for (var i = 0; i < all.Length; i++)
        {
            all[i] = (touched[i], score[touched[i]]);
        }

        Array.Sort(all, (x, y) => x.Score != y.Score ? y.Score.CompareTo(x.Score) : x.Entity.CompareTo(y.Entity));
        var take = Math.Min(budget, all.Length);
        var result = new int[take];
        for (var i = 0; i < take; i++)
        {
            result[i] = all[i].Entity;
        }

        return result;
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

            var hits = new List<(int, double)>();
            var seen = new HashSet<int>();
            void Consider(int id)
            {
                ctx.Work++;
                if (seen.Add(id))
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

                ctx.Work += AddSplits(text, hits, seen);

                // A listed initial ("AHMED, A.") aligns with any query word it begins.
                var initial = vocabulary.Find(new NameToken(text[..1], TokenClass.Initial));
                if (initial >= 0)
                {
                    Consider(initial);
                }
            }

            list.Add(new Evidence(q.Info.Weight, hits, Extra: false));
            if (i + 1 < toks.Length && q.Info.Class is TokenClass.Word && toks[i + 1].Info.Class is TokenClass.Word or TokenClass.Particle)
            {
                AddJoin(q, toks[i + 1], list, buffers, found);
            }
        }

        return list;
    }

    /// <summary>Adds the listed words a glued query word splits into; returns the characters it examined.</summary>
    /// <remarks>The listed prefixes and suffixes of the word come from <see cref="AffixIndex"/> in one pass each,
    /// so the cost is linear in the word's length (the old search looked up two substrings at every split point:
    /// quadratic, 35 minutes for a 1 MB word).</remarks>
    private int AddSplits(string text, List<(int, double)> hits, HashSet<int> seen)
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
            seen.Add(token);
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
            list.Add(new Evidence(a.Info.Weight + b.Info.Weight, hits, Extra: true));
        }
    }
}
