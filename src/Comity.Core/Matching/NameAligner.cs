using System.Globalization;
using System.Text;
using Comity.Core.Text;

namespace Comity.Core.Matching;

/// <summary>Aligns the tokens of a query name with a listed name and scores the alignment.</summary>
/// <remarks>
/// Pairs are taken greedily by similarity, one to one, order-free; ties prefer tokens in the same relative place.
/// Left-over tokens may align glued or split (<c>ramimakhlouf</c> ~ <c>rami</c> + <c>makhlouf</c>). The score is
/// a weighted mean: each aligned pair weighs the mean of its tokens' weights (rarity × class), an unmatched query
/// token costs <see cref="Weights.UnmatchedQuery"/> of its weight and an unmatched listed token
/// <see cref="Weights.UnmatchedCandidate"/>. Then: a modest order cost (persons: given/family swap; organisations:
/// per inversion), conflicting legal forms, no identity-bearing token matched, or too little matched information
/// scale the score down.
/// </remarks>
internal static class NameAligner
{
    /// <summary>Tokens aligned per side; later tokens of a longer name are not aligned (bounds the pair matrix).</summary>
    public const int MaxTokens = 24;

    public static NameScore Align(AnalyzedName query, ReadOnlySpan<Tok> candidate, bool person, SimilarityCache cache, bool detail) =>
        Align(query, candidate, person, cache, detail, default);

    /// <summary>As <see cref="Align(AnalyzedName, ReadOnlySpan{Tok}, bool, SimilarityCache, bool)"/>, and when
    /// <paramref name="features"/> is not empty, also writes the quantities the score was combined from
    /// (<see cref="NameFeatures"/>): the input of the learned-combination experiment, never used on the hot path.</summary>
    public static NameScore Align(AnalyzedName query, ReadOnlySpan<Tok> candidate, bool person, SimilarityCache cache, bool detail, Span<double> features)
    {
        var q = query.Tokens.AsSpan(0, Math.Min(query.Tokens.Length, MaxTokens));
        var c = candidate[..Math.Min(candidate.Length, MaxTokens)];
        var n = q.Length;
        var m = c.Length;
        if (n == 0 || m == 0)
        {
            return NameScore.Zero;
        }

        Span<double> sims = stackalloc double[n * m];
        Span<byte> kinds = stackalloc byte[n * m];
        Span<int> order = stackalloc int[n * m];
        var pairs = 0;
        var conflict = false;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < m; j++)
            {
                var (s, k) = cache.Compare(query.Slot, i, q[i], c[j]);
                sims[(i * m) + j] = s;
                kinds[(i * m) + j] = (byte)k;
                if (s > 0)
                {
                    order[pairs++] = (i * m) + j;
                }
                else if (k == MatchKind.LegalConflict)
                {
                    conflict = true;
                }
            }
        }

        SortPairs(order[..pairs], sims, n, m);
        Span<int> qMatch = stackalloc int[n];
        Span<int> cMatch = stackalloc int[m];
        Span<int> qGlue = stackalloc int[n];
        Span<int> cGlue = stackalloc int[m];
        qMatch.Fill(-1);
        cMatch.Fill(-1);
        qGlue.Fill(-1);
        cGlue.Fill(-1);
        foreach (var p in order[..pairs])
        {
            var i = p / m;
            var j = p % m;
            if (qMatch[i] < 0 && cMatch[j] < 0)
            {
                qMatch[i] = j;
                cMatch[j] = i;
            }
        }

        // Glued or split tokens among the left-overs.
        Span<double> glueScore = stackalloc double[n + m];
        GlueQuery(q, c, qMatch, cMatch, qGlue, cGlue, glueScore);

        // A person's initials written together ("A. I." → ai) against the listed words they begin.
        Span<int> qAcro = stackalloc int[n];
        qAcro.Fill(-1);
        if (person)
        {
            MatchInitials(q, c, qMatch, cMatch, qGlue, cGlue, qAcro);
        }

        if (person)
        {
            ReleaseAbsorbedWords(q, c, qMatch, cMatch, cGlue, kinds);
        }

        // An organisation queried by its acronym (IRGC ~ Islamic Revolutionary Guard Corps).
        Span<double> acronymWeight = stackalloc double[n];
        acronymWeight.Clear();
        if (!person)
        {
            MatchAcronym(q, c, qMatch, cMatch, qGlue, cGlue, acronymWeight);
        }

        // A query with a single identity-bearing word ("Ivanov", "Gazprom") is weak evidence against a longer listed
        // name: the listed words it leaves unmatched cost nearly as much as unmatched query words.
        var contentWords = 0;
        foreach (var t in q)
        {
            contentWords += t.Info.IsContent ? 1 : 0;
        }

        var candidateRate = contentWords != 1 ? Weights.UnmatchedCandidate
            : person && query.Titled && FamilyNameAligned(q, c, qMatch, sims) ? Weights.UnmatchedCandidateTitled
            : Weights.UnmatchedCandidateSingleWord;
        Span<double> qLeft = stackalloc double[n];
        Span<double> cLeft = stackalloc double[m];
        Span<int> qLeftAt = stackalloc int[n];
        Span<int> cLeftAt = stackalloc int[m];
        int qLeftCount = 0, cLeftCount = 0;
        bool queryPatronymicLeft = false, listedPatronymicLeft = false, queryInitialLeft = false;
        var matchedRarity = 0.0;
        var matchedContent = 0;
        double num = 0, den = 0, matchedWeight = 0;
        var content = false;
        var legalPositive = false;
        for (var i = 0; i < n; i++)
        {
            var wq = q[i].Info.Weight;
            if (qMatch[i] >= 0)
            {
                var j = qMatch[i];
                var s = sims[(i * m) + j];
                var wp = (wq + c[j].Info.Weight) / 2;
                num += s * wp;
                den += wp;
                matchedWeight += wp;
                var kind = (MatchKind)kinds[(i * m) + j];
                if (q[i].Info.IsContent)
                {
                    matchedRarity += q[i].Info.Rarity;
                    matchedContent++;
                }

                content |= kind != MatchKind.Initial && (q[i].Info.IsContent || c[j].Info.IsContent);
                legalPositive |= q[i].Info.Class == TokenClass.LegalForm;
            }
            else if (qAcro[i] >= 0)
            {
                // Query token i spells the initials of candidate tokens qAcro[i] .. qAcro[i] + length - 1.
                var wc = 0.0;
                for (var k = 0; k < q[i].Info.Text.Length; k++)
                {
                    wc += c[qAcro[i] + k].Info.Weight;
                }

                var wp = (wq + wc) / 2;
                num += Weights.InitialSimilarity * wp;
                den += wp;
                matchedWeight += wp;
            }
            else if (acronymWeight[i] > 0)
            {
                // Query token i is the acronym of the listed name's words.
                var wp = (wq + acronymWeight[i]) / 2;
                num += Weights.AcronymSimilarity(q[i].Info.Text.Length) * wp;
                den += wp;
                matchedWeight += wp;
                content = true;
            }
            else if (qGlue[i] >= 0)
            {
                // Query token i glued: it aligns with candidate tokens qGlue[i] and qGlue[i] + 1.
                var j = qGlue[i];
                var wp = (wq + ((c[j].Info.Weight + c[j + 1].Info.Weight) / 2)) / 2;
                num += glueScore[i] * wp * 2;
                den += wp * 2;
                matchedWeight += wp * 2;
                content = true;
            }
            else if (qGlue[i] == -2)
            {
                // Consumed as the second half of a split query pair (counted with its partner candidate token).
            }
            else if (person ? q[i].Info.IsContent : q[i].Info.Class is TokenClass.Word or TokenClass.Generic)
            {
                qLeftAt[qLeftCount] = i;
                qLeft[qLeftCount++] = wq;
                queryPatronymicLeft |= q[i].Info.Class == TokenClass.Patronymic;
            }
            else
            {
                den += Weights.UnmatchedQuery * wq;
                queryInitialLeft |= person && q[i].Info.Class == TokenClass.Initial && qGlue[i] == -1;
            }
        }

        for (var j = 0; j < m; j++)
        {
            if (cMatch[j] >= 0 || cGlue[j] == -2)
            {
                continue;
            }

            if (cGlue[j] >= 0)
            {
                var i = cGlue[j];
                var wp = (c[j].Info.Weight + ((q[i].Info.Weight + q[i + 1].Info.Weight) / 2)) / 2;
                num += glueScore[n + j] * wp * 2;
                den += wp * 2;
                matchedWeight += wp * 2;
                content = true;
                continue;
            }

            if ((c[j].Info.IsContent && (person || contentWords == 1)) || (!person && c[j].Info.Class is TokenClass.Word or TokenClass.Generic))
            {
                cLeftAt[cLeftCount] = j;
                cLeft[cLeftCount++] = c[j].Info.Weight;
                listedPatronymicLeft |= c[j].Info.Class == TokenClass.Patronymic;
            }
            else
            {
                den += (c[j].Info.Class == TokenClass.Generic ? candidateRate : Weights.UnmatchedCandidate) * c[j].Info.Weight;
            }
        }

        if (person && matchedContent > 0)
        {
            // A common name matched in full ("John Smith") says little about a listed name that carries more words
            // ("JOHN B. PRIDMORE-SMITH"): the fewer rare words the query matched, the more the listed extras cost.
            var common = 1 - (matchedRarity / matchedContent);
            candidateRate = Math.Max(candidateRate, Weights.UnmatchedCandidate + (Weights.CommonNameExtra * common));
        }

        // A Chinese or Korean name is a few syllables, each a whole name part: an extra query syllable left unmatched
        // ("wang jian guo" against "WANG Jian") is a different given name, not noise; so is a listed syllable the query
        // lacks ("Zhang Yi" against "RI CHANG HO": chang is half of the given name Chang-ho).
        var syllabic = person && AllSyllables(q) && AllSyllables(c);
        var queryRate = syllabic && qLeftCount > 0 ? Weights.UnmatchedSyllable : Weights.UnmatchedQuery;
        if (syllabic)
        {
            candidateRate = Math.Max(candidateRate, Weights.UnmatchedQuery);
        }

        // An organisation's word replaced by an unrelated one (Caspian Oil against Caspian Gas) is the distinguishing word
        // of another firm; one replaced by a near spelling the token comparison did not accept (a transliteration such as
        // Spakeon against Spaceon) is more likely the same word, and costs the ordinary substitution.
        var substitution = person ? Weights.Substitution
            : qLeftCount > 0 && cLeftCount > 0 && !AnyNear(q, c, qLeftAt[..qLeftCount], cLeftAt[..cLeftCount]) ? Weights.OrganisationDistinctSubstitution
            : Weights.OrganisationSubstitution;
        den += LeftoverCost(qLeft[..qLeftCount], cLeft[..cLeftCount], candidateRate, queryRate, substitution);
        var patronymicConflict = person && queryPatronymicLeft && listedPatronymicLeft;
        if (patronymicConflict)
        {
            // Ivan Petrovich against Ivan Sergeyevich: two fathers, two people. A patronymic weighs little while it is
            // missing on one side; when both sides name one and they differ, it costs as a given name would.
            den += Weights.PatronymicConflict;
        }

        var initialConflict = queryInitialLeft && InitialContradicts(q, c, qMatch, qGlue, cMatch, cGlue);
        if (initialConflict)
        {
            // "Ivan P. Sidorov" against "Ivan Sergeyevich Sidorov": an initial that names another middle name.
            den += Weights.InitialConflict;
        }

        var score = den > 0 ? num / den : 0;
        var mean = score;
        var unmatched = HasUnmatched(qMatch, qGlue) || HasUnmatched(cMatch, cGlue);
        if (!content && (unmatched || !AllExact(qMatch, kinds, m)))
        {
            // Only initials, legal forms or generic words aligned: "Diesel Co." is not "D Company".
            score *= Weights.NoContentFactor;
        }

        if (unmatched && matchedWeight < Weights.MinInformation)
        {
            score *= Math.Sqrt(matchedWeight / Weights.MinInformation);
        }

        var inversions = Inversions(qMatch);
        if (inversions > 0)
        {
            score *= 1 - (person ? Weights.PersonOrderPenalty : Weights.OrganizationOrderPenalty * Math.Min(inversions, 3));
        }

        var organisationWord = person && (OrganisationWordLeft(c, cMatch, cGlue) && !HasOrganisationWord(q) || OrganisationWordLeft(q, qMatch, qGlue) && !HasOrganisationWord(c));
        if (organisationWord)
        {
            // A person's name against a name that carries a legal form or business word the person's does not
            // ("Marta Müller" against "Mart Haller Incorporated"): an organisation, whatever its list calls it.
            score *= Weights.PersonOrganisationFactor;
        }

        conflict &= !legalPositive;
        if (conflict)
        {
            score *= Weights.LegalConflictFactor;
        }

        var numberMismatch = UnmatchedNumber(q, qMatch, qGlue) && UnmatchedNumber(c, cMatch, cGlue);
        var rarity = Math.Min(1.0, matchedWeight / 1.5);
        string? text = null;
        if (detail)
        {
            text = Describe(q, c, qMatch, cMatch, qGlue, cGlue, qAcro, sims, kinds, glueScore, inversions, conflict);
        }

        if (features.Length >= NameFeatures.Count)
        {
            double qTotal = 0, cTotal = 0, qLeftMass = 0, cLeftMass = 0, minSim = 1;
            int fuzzy = 0, initials = 0;
            foreach (var t in q)
            {
                qTotal += t.Info.Weight;
            }

            foreach (var t in c)
            {
                cTotal += t.Info.Weight;
            }

            foreach (var w in qLeft[..qLeftCount])
            {
                qLeftMass += w;
            }

            foreach (var w in cLeft[..cLeftCount])
            {
                cLeftMass += w;
            }

            for (var i = 0; i < n; i++)
            {
                if (qMatch[i] >= 0)
                {
                    var sim = sims[(i * m) + qMatch[i]];
                    minSim = Math.Min(minSim, sim);
                    fuzzy += sim < 1 ? 1 : 0;
                    initials += (MatchKind)kinds[(i * m) + qMatch[i]] == MatchKind.Initial ? 1 : 0;
                }
            }

            features[NameFeatures.Score] = Math.Clamp(score, 0, 1);
            features[NameFeatures.WeightedMean] = mean;
            features[NameFeatures.MatchedWeight] = matchedWeight;
            features[NameFeatures.QueryLeftShare] = qTotal > 0 ? qLeftMass / qTotal : 0;
            features[NameFeatures.ListedLeftShare] = cTotal > 0 ? cLeftMass / cTotal : 0;
            features[NameFeatures.QueryLeftWords] = qLeftCount;
            features[NameFeatures.ListedLeftWords] = cLeftCount;
            features[NameFeatures.MatchedContentWords] = matchedContent;
            features[NameFeatures.MatchedRarity] = matchedContent > 0 ? matchedRarity / matchedContent : 0;
            features[NameFeatures.QueryWords] = n;
            features[NameFeatures.ListedWords] = m;
            features[NameFeatures.Person] = person ? 1 : 0;
            features[NameFeatures.OrderDiffers] = inversions > 0 ? 1 : 0;
            features[NameFeatures.NoContent] = content ? 0 : 1;
            features[NameFeatures.PatronymicConflict] = patronymicConflict ? 1 : 0;
            features[NameFeatures.InitialConflict] = initialConflict ? 1 : 0;
            features[NameFeatures.Syllabic] = syllabic ? 1 : 0;
            features[NameFeatures.Titled] = query.Titled ? 1 : 0;
            features[NameFeatures.OrganisationWord] = organisationWord ? 1 : 0;
            features[NameFeatures.LegalConflict] = conflict ? 1 : 0;
            features[NameFeatures.FuzzyPairs] = fuzzy;
            features[NameFeatures.MinSimilarity] = minSim;
            features[NameFeatures.InitialPairs] = initials;
            features[NameFeatures.SingleContentWord] = contentWords == 1 ? 1 : 0;
            features[NameFeatures.NumberMismatch] = numberMismatch ? 1 : 0;
        }

        return new NameScore(Math.Clamp(score, 0, 1), rarity, numberMismatch, conflict, text);
    }

    /// <summary>A listed initial stands for a name the query spells out only when the listed name has no full word left
    /// over: with one left over, the query word is as likely that other name's rival ("David Lopez" against "DAVID L.
    /// MARICOLA": lopez is not l, it is a different surname than maricola). Such a pair is undone so that the two
    /// words meet as a substitution.</summary>
    private static void ReleaseAbsorbedWords(ReadOnlySpan<Tok> q, ReadOnlySpan<Tok> c, Span<int> qMatch, Span<int> cMatch, ReadOnlySpan<int> cGlue, ReadOnlySpan<byte> kinds)
    {
        var m = c.Length;
        var listedLeft = false;
        for (var j = 0; j < m && !listedLeft; j++)
        {
            listedLeft = cMatch[j] < 0 && cGlue[j] == -1 && c[j].Info.IsContent;
        }

        if (!listedLeft)
        {
            return;
        }

        for (var i = 0; i < q.Length; i++)
        {
            var j = qMatch[i];
            if (j >= 0 && (MatchKind)kinds[(i * m) + j] == MatchKind.Initial && q[i].Info.Class != TokenClass.Initial)
            {
                qMatch[i] = -1;
                cMatch[j] = -1;
            }
        }
    }

    /// <summary>Whether some left-over query word and left-over listed word are spelt nearly alike: at most two edits in
    /// five (at least one), or the same phonetic key.</summary>
    private static bool AnyNear(ReadOnlySpan<Tok> q, ReadOnlySpan<Tok> c, ReadOnlySpan<int> qLeft, ReadOnlySpan<int> cLeft)
    {
        foreach (var i in qLeft)
        {
            var a = q[i].Info;
            foreach (var j in cLeft)
            {
                var b = c[j].Info;
                var max = Math.Max(1, 2 * Math.Max(a.Text.Length, b.Text.Length) / 5);
                if (string.Equals(a.Key, b.Key, StringComparison.Ordinal) || EditDistance.Bounded(a.Text, b.Text, max) <= max)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Unmatched name words: where both sides have some left, they pair up as substitutions (a different given
    /// name or patronymic is evidence of a different person; Caspian Oil against Caspian Gas, Northern Star Shipping
    /// against Northern Star Mining: the distinguishing word of a firm) and cost <paramref name="substitution"/> of their
    /// mean weight; the rest cost as unmatched query or listed tokens.</summary>
    private static double LeftoverCost(Span<double> q, Span<double> c, double candidateRate, double queryRate, double substitution)
    {
        q.Sort();
        c.Sort();
        var pairs = Math.Min(q.Length, c.Length);
        var cost = 0.0;
        for (var k = 0; k < pairs; k++)
        {
            cost += substitution * (q[q.Length - 1 - k] + c[c.Length - 1 - k]) / 2;
        }

        for (var k = 0; k < q.Length - pairs; k++)
        {
            cost += queryRate * q[k];
        }

        for (var k = 0; k < c.Length - pairs; k++)
        {
            cost += candidateRate * c[k];
        }

        return cost;
    }

    private static void SortPairs(Span<int> order, ReadOnlySpan<double> sims, int n, int m)
    {
        // Insertion sort: a handful of pairs. Higher similarity first, then closer relative position, then index.
        for (var a = 1; a < order.Length; a++)
        {
            var x = order[a];
            var b = a - 1;
            while (b >= 0 && Before(x, order[b], sims, n, m))
            {
                order[b + 1] = order[b];
                b--;
            }

            order[b + 1] = x;
        }
    }

    private static bool Before(int x, int y, ReadOnlySpan<double> sims, int n, int m)
    {
        if (sims[x] != sims[y])
        {
            return sims[x] > sims[y];
        }

        var dx = Math.Abs(((x / m) * m) - ((x % m) * n));
        var dy = Math.Abs(((y / m) * m) - ((y % m) * n));
        return dx != dy ? dx < dy : x < y;
    }

    private static void GlueQuery(ReadOnlySpan<Tok> q, ReadOnlySpan<Tok> c, Span<int> qMatch, Span<int> cMatch, Span<int> qGlue, Span<int> cGlue, Span<double> glueScore)
    {
        var n = q.Length;
        for (var i = 0; i < n; i++)
        {
            if (qMatch[i] >= 0 || !Gluable(q[i]))
            {
                continue;
            }

            for (var j = 0; j + 1 < c.Length; j++)
            {
                if (cMatch[j] >= 0 || cMatch[j + 1] >= 0 || cGlue[j] != -1 || cGlue[j + 1] != -1 || !Gluable(c[j]) || !Gluable(c[j + 1]))
                {
                    continue;
                }

                var s = TokenSimilarity.Glued(q[i].Info, c[j].Info, c[j + 1].Info);
                if (s > 0)
                {
                    qGlue[i] = j;
                    cGlue[j] = -2;
                    cGlue[j + 1] = -2;
                    glueScore[i] = s;
                    break;
                }
            }
        }

        for (var j = 0; j < c.Length; j++)
        {
            if (cMatch[j] >= 0 || cGlue[j] != -1 || !Gluable(c[j]))
            {
                continue;
            }

            for (var i = 0; i + 1 < n; i++)
            {
                if (qMatch[i] >= 0 || qMatch[i + 1] >= 0 || qGlue[i] != -1 || qGlue[i + 1] != -1 || !Gluable(q[i]) || !Gluable(q[i + 1]))
                {
                    continue;
                }

                var s = TokenSimilarity.Glued(c[j].Info, q[i].Info, q[i + 1].Info);
                if (s > 0)
                {
                    cGlue[j] = i;
                    qGlue[i] = -2;
                    qGlue[i + 1] = -2;
                    glueScore[n + j] = s;
                    break;
                }
            }
        }
    }

    /// <summary>For a titled query with one name word (<c>President Putin</c>): that word aligned with the listed family
    /// name, the last name word (or the first, in a Chinese or Korean name).</summary>
    private static bool FamilyNameAligned(ReadOnlySpan<Tok> q, ReadOnlySpan<Tok> c, ReadOnlySpan<int> qMatch, ReadOnlySpan<double> sims)
    {
        int first = -1, last = -1;
        for (var j = 0; j < c.Length; j++)
        {
            if (c[j].Info.IsContent)
            {
                first = first < 0 ? j : first;
                last = j;
            }
        }

        for (var i = 0; i < q.Length; i++)
        {
            if (q[i].Info.IsContent && qMatch[i] >= 0)
            {
                // Only a surname spelt as listed (or a known variant of it): a title before a near miss is no evidence.
                return sims[(i * c.Length) + qMatch[i]] >= Weights.VariantSimilarity
                    && (qMatch[i] == last || (qMatch[i] == first && AllSyllables(c)));
            }
        }

        return false;
    }

    /// <summary>An unmatched query initial whose letter cannot begin any unmatched listed name word (letters that
    /// transliterations swap, e/y, i/y/j, h/k/g, j/z/d, c/k/s/t, f/p, v/w, count as compatible).</summary>
    private static bool InitialContradicts(ReadOnlySpan<Tok> q, ReadOnlySpan<Tok> c, ReadOnlySpan<int> qMatch, ReadOnlySpan<int> qGlue,
        ReadOnlySpan<int> cMatch, ReadOnlySpan<int> cGlue)
    {
        var listedLeft = false;
        for (var j = 0; j < c.Length; j++)
        {
            listedLeft |= cMatch[j] < 0 && cGlue[j] == -1 && c[j].Info.Class is TokenClass.Word or TokenClass.Patronymic;
        }

        if (!listedLeft)
        {
            return false;
        }

        for (var i = 0; i < q.Length; i++)
        {
            if (qMatch[i] >= 0 || qGlue[i] != -1 || q[i].Info.Class != TokenClass.Initial)
            {
                continue;
            }

            var letter = q[i].Info.Text[0];
            for (var j = 0; j < c.Length; j++)
            {
                if (cMatch[j] < 0 && cGlue[j] == -1 && c[j].Info.Class is TokenClass.Word or TokenClass.Patronymic
                    && !Compatible(letter, c[j].Info.Text[0]))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool Compatible(char a, char b) => a == b || (a, b) switch
    {
        ('e', 'y') or ('y', 'e') or ('i', 'y') or ('y', 'i') or ('j', 'y') or ('y', 'j') or ('i', 'j') or ('j', 'i') => true,
        ('h', 'k') or ('k', 'h') or ('g', 'h') or ('h', 'g') or ('j', 'z') or ('z', 'j') or ('d', 'j') or ('j', 'd') => true,
        ('c', 'k') or ('k', 'c') or ('c', 's') or ('s', 'c') or ('c', 't') or ('t', 'c') or ('f', 'p') or ('p', 'f') => true,
        ('v', 'w') or ('w', 'v') or ('a', 'e') or ('e', 'a') or ('o', 'u') or ('u', 'o') => true,
        _ => false,
    };

    /// <summary>An organisation's query word of three to eight letters that spells the first letters of every listed
    /// word (legal forms, function words and particles skipped): <c>irgc</c> ~ Islamic Revolutionary Guard Corps. The
    /// listed words are consumed; <paramref name="weight"/> gets their summed weight.</summary>
    private static void MatchAcronym(ReadOnlySpan<Tok> q, ReadOnlySpan<Tok> c, ReadOnlySpan<int> qMatch, ReadOnlySpan<int> cMatch,
        Span<int> qGlue, Span<int> cGlue, Span<double> weight)
    {
        for (var i = 0; i < q.Length; i++)
        {
            var t = q[i].Info.Text;
            if (qMatch[i] >= 0 || qGlue[i] != -1 || q[i].Info.Class != TokenClass.Word || t.Length is < 3 or > 8)
            {
                continue;
            }

            var k = 0;
            var w = 0.0;
            var ok = true;
            for (var j = 0; j < c.Length && ok; j++)
            {
                if (!Acronymable(c[j]))
                {
                    continue;
                }

                ok = k < t.Length && cMatch[j] < 0 && cGlue[j] == -1 && c[j].Info.Text[0] == t[k];
                k++;
                w += c[j].Info.Weight;
            }

            if (!ok || k != t.Length)
            {
                continue;
            }

            for (var j = 0; j < c.Length; j++)
            {
                if (Acronymable(c[j]))
                {
                    cGlue[j] = -2;
                }
            }

            qGlue[i] = -3;
            weight[i] = w;
            return;
        }
    }

    /// <summary>Words an acronym spells: name and generic words (not legal forms, function words, particles, numbers).</summary>
    public static bool Acronymable(in Tok t) => t.Info.Class is TokenClass.Word or TokenClass.Generic;

    /// <summary>Unmatched query words of two to five letters that spell the first letters of as many consecutive
    /// unmatched listed words (ai ~ ahmed ismail; bhba ~ ben habib ben al).</summary>
    private static void MatchInitials(ReadOnlySpan<Tok> q, ReadOnlySpan<Tok> c, ReadOnlySpan<int> qMatch, ReadOnlySpan<int> cMatch,
        Span<int> qGlue, Span<int> cGlue, Span<int> qAcro)
    {
        for (var i = 0; i < q.Length; i++)
        {
            var t = q[i].Info.Text;
            if (qMatch[i] >= 0 || qGlue[i] != -1 || q[i].Info.Class != TokenClass.Word || t.Length is < 2 or > 5)
            {
                continue;
            }

            for (var j = 0; j + t.Length <= c.Length; j++)
            {
                var k = 0;
                while (k < t.Length && cMatch[j + k] < 0 && cGlue[j + k] == -1 && Nameable(c[j + k]) && c[j + k].Info.Text[0] == t[k])
                {
                    k++;
                }

                if (k == t.Length)
                {
                    qAcro[i] = j;
                    qGlue[i] = -3;
                    cGlue.Slice(j, k).Fill(-2);
                    break;
                }
            }
        }
    }

    private static bool IsOrganisationWord(in Tok t) => t.Info.Class is TokenClass.LegalForm or TokenClass.Generic;

    private static bool HasOrganisationWord(ReadOnlySpan<Tok> tokens)
    {
        foreach (var t in tokens)
        {
            if (IsOrganisationWord(t))
            {
                return true;
            }
        }

        return false;
    }

    private static bool OrganisationWordLeft(ReadOnlySpan<Tok> tokens, ReadOnlySpan<int> match, ReadOnlySpan<int> glue)
    {
        for (var i = 0; i < tokens.Length; i++)
        {
            if (match[i] < 0 && glue[i] == -1 && IsOrganisationWord(tokens[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool AllSyllables(ReadOnlySpan<Tok> tokens)
    {
        var any = false;
        foreach (var t in tokens)
        {
            if (t.Info.IsContent && !t.Info.Syllable)
            {
                return false;
            }

            any |= t.Info.Syllable;
        }

        return any;
    }

    private static bool Nameable(in Tok t) => t.Info.Class is TokenClass.Word or TokenClass.Particle or TokenClass.Patronymic or TokenClass.Initial;

    private static bool Gluable(in Tok t) => t.Info.Class is TokenClass.Word or TokenClass.Particle or TokenClass.Patronymic or TokenClass.Generic;

    private static bool AllExact(ReadOnlySpan<int> qMatch, ReadOnlySpan<byte> kinds, int m)
    {
        for (var i = 0; i < qMatch.Length; i++)
        {
            if (qMatch[i] >= 0 && (MatchKind)kinds[(i * m) + qMatch[i]] != MatchKind.Exact)
            {
                return false;
            }
        }

        return true;
    }

    private static bool HasUnmatched(ReadOnlySpan<int> match, ReadOnlySpan<int> glue)
    {
        for (var i = 0; i < match.Length; i++)
        {
            if (match[i] < 0 && glue[i] == -1)
            {
                return true;
            }
        }

        return false;
    }

    private static bool UnmatchedNumber(ReadOnlySpan<Tok> t, ReadOnlySpan<int> match, ReadOnlySpan<int> glue)
    {
        for (var i = 0; i < t.Length; i++)
        {
            if (match[i] < 0 && glue[i] == -1 && t[i].Info.Class == TokenClass.Number)
            {
                return true;
            }
        }

        return false;
    }

    private static int Inversions(ReadOnlySpan<int> qMatch)
    {
        var count = 0;
        for (var a = 0; a < qMatch.Length; a++)
        {
            if (qMatch[a] < 0)
            {
                continue;
            }

            for (var b = a + 1; b < qMatch.Length; b++)
            {
                if (qMatch[b] >= 0 && qMatch[b] < qMatch[a])
                {
                    count++;
                }
            }
        }

        return count;
    }

    private static string Describe(ReadOnlySpan<Tok> q, ReadOnlySpan<Tok> c, ReadOnlySpan<int> qMatch, ReadOnlySpan<int> cMatch,
        ReadOnlySpan<int> qGlue, ReadOnlySpan<int> cGlue, ReadOnlySpan<int> qAcro, ReadOnlySpan<double> sims, ReadOnlySpan<byte> kinds,
        ReadOnlySpan<double> glueScore, int inversions, bool conflict)
    {
        var m = c.Length;
        var sb = new StringBuilder(64);
        void Sep()
        {
            if (sb.Length > 0)
            {
                sb.Append("; ");
            }
        }

        for (var i = 0; i < q.Length; i++)
        {
            if (qMatch[i] >= 0)
            {
                var j = qMatch[i];
                var kind = (MatchKind)kinds[(i * m) + j];
                Sep();
                sb.Append(q[i].Info.Text).Append(kind == MatchKind.Exact ? '=' : '~').Append(c[j].Info.Text).Append(' ')
                    .Append(sims[(i * m) + j].ToString("0.00", CultureInfo.InvariantCulture));
                if (kind is not (MatchKind.Exact or MatchKind.Fuzzy))
                {
                    sb.Append(' ').Append(KindName(kind));
                }
            }
            else if (qAcro[i] >= 0)
            {
                Sep();
                sb.Append(q[i].Info.Text).Append('~');
                for (var k = 0; k < q[i].Info.Text.Length; k++)
                {
                    sb.Append(k > 0 ? "+" : string.Empty).Append(c[qAcro[i] + k].Info.Text);
                }

                sb.Append(' ').Append(Weights.InitialSimilarity.ToString("0.00", CultureInfo.InvariantCulture)).Append(" initials");
            }
            else if (qGlue[i] >= 0)
            {
                var j = qGlue[i];
                Sep();
                sb.Append(q[i].Info.Text).Append('~').Append(c[j].Info.Text).Append('+').Append(c[j + 1].Info.Text).Append(' ')
                    .Append(glueScore[i].ToString("0.00", CultureInfo.InvariantCulture)).Append(" glued");
            }
            else if (qGlue[i] == -1)
            {
                Sep();
                sb.Append(q[i].Info.Text).Append(" unmatched");
            }
        }

        for (var j = 0; j < m; j++)
        {
            if (cGlue[j] >= 0)
            {
                var i = cGlue[j];
                Sep();
                sb.Append(q[i].Info.Text).Append('+').Append(q[i + 1].Info.Text).Append('~').Append(c[j].Info.Text).Append(' ')
                    .Append(glueScore[q.Length + j].ToString("0.00", CultureInfo.InvariantCulture)).Append(" glued");
            }
            else if (cMatch[j] < 0 && cGlue[j] == -1)
            {
                Sep();
                sb.Append('+').Append(c[j].Info.Text).Append(" listed only");
            }
        }

        if (inversions > 0)
        {
            Sep();
            sb.Append("order differs");
        }

        if (conflict)
        {
            Sep();
            sb.Append("legal form conflict");
        }

        return sb.ToString();
    }

    private static string KindName(MatchKind kind) => kind switch
    {
        MatchKind.Variant => "variant",
        MatchKind.Phonetic => "phonetic",
        MatchKind.Skeleton => "skeleton",
        MatchKind.Initial => "initial",
        MatchKind.LegalForm => "legal form",
        _ => "fuzzy",
    };
}
