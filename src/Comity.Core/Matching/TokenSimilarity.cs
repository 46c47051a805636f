using Comity.Core.Text;

namespace Comity.Core.Matching;

/// <summary>How two tokens were found alike.</summary>
internal enum MatchKind : byte
{
    None,
    Exact,
    Variant,
    Fuzzy,
    Phonetic,
    Skeleton,
    Initial,
    LegalForm,
    LegalConflict,
    Glued,
}

/// <summary>Similarity of two normalised tokens in [0, 1] (0 below <see cref="Weights.MinTokenSimilarity"/>).</summary>
/// <remarks>Exact 1; mined variants 0.9 (0.85 with one supporting entity); edit distance within the length-aware
/// budget scores <c>1 - d / max length</c>, so tokens of three letters or fewer tolerate no edit; equal phonetic keys
/// for tokens of five letters or more 0.8; a vowel-less abjad transliteration with the same consonant skeleton 0.75;
/// an initial against a word it begins 0.8; numbers only exactly; legal forms by canonical form and family.</remarks>
internal static class TokenSimilarity
{
    public static (double Score, MatchKind Kind) Compare(TokenInfo q, int qid, TokenInfo c, int cid, VariantTable? variants)
    {
        if ((qid >= 0 && qid == cid) || string.Equals(q.Text, c.Text, StringComparison.Ordinal))
        {
            return q.Class == TokenClass.LegalForm || c.Class == TokenClass.LegalForm
                ? (q.Class == c.Class ? (1.0, MatchKind.Exact) : (0.0, MatchKind.None))
                : (1.0, MatchKind.Exact);
        }

        if (q.Class == TokenClass.LegalForm || c.Class == TokenClass.LegalForm)
        {
            if (q.Class != c.Class)
            {
                return (0.0, MatchKind.None);
            }

            var legal = LegalForms.Compare(q.AsToken, c.AsToken);
            return legal > 0 ? (legal, MatchKind.LegalForm) : legal < 0 ? (0.0, MatchKind.LegalConflict) : (0.0, MatchKind.None);
        }

        if (q.Class == TokenClass.Number || c.Class == TokenClass.Number)
        {
            return (0.0, MatchKind.None);
        }

        if (q.Class == TokenClass.Initial || c.Class == TokenClass.Initial)
        {
            return q.Class != c.Class && q.Text[0] == c.Text[0] ? (Weights.InitialSimilarity, MatchKind.Initial) : (0.0, MatchKind.None);
        }

        if (variants is not null && qid >= 0 && cid >= 0)
        {
            var support = variants.Support(qid, cid);
            if (support > 0)
            {
                return (support >= 2 ? Weights.VariantSimilarity : Weights.WeakVariantSimilarity, MatchKind.Variant);
            }
        }

        var score = 0.0;
        var kind = MatchKind.None;
        var minLen = Math.Min(q.Text.Length, c.Text.Length);
        var maxLen = Math.Max(q.Text.Length, c.Text.Length);
        var budget = EditDistance.Budget(minLen);
        if (budget > 0)
        {
            var d = EditDistance.Bounded(q.Text, c.Text, budget);
            if (d <= budget)
            {
                score = 1.0 - ((double)d / maxLen);
                kind = MatchKind.Fuzzy;
            }
        }

        if (score < Weights.PhoneticSimilarity && minLen >= 5 && string.Equals(q.Key, c.Key, StringComparison.Ordinal))
        {
            score = Weights.PhoneticSimilarity;
            kind = MatchKind.Phonetic;
        }

        if (score < Weights.SkeletonSimilarity && q.Vowelless != c.Vowelless && minLen >= 3 && q.Skeleton.Length >= 3
            && string.Equals(q.Skeleton, c.Skeleton, StringComparison.Ordinal))
        {
            score = Weights.SkeletonSimilarity;
            kind = MatchKind.Skeleton;
        }

        return score >= Weights.MinTokenSimilarity ? (score, kind) : (0.0, MatchKind.None);
    }

    /// <summary>Similarity of a token with the concatenation of several (glued or split names), by edit distance
    /// only: "ramimakhlouf" ~ "rami" + "makhlouf".</summary>
    public static double Glued(string whole, string joined)
    {
        if (string.Equals(whole, joined, StringComparison.Ordinal))
        {
            return Weights.GlueFactor;
        }

        var budget = EditDistance.Budget(Math.Min(whole.Length, joined.Length));
        var d = EditDistance.Bounded(whole, joined, budget);
        if (d > budget)
        {
            return 0.0;
        }

        var s = (1.0 - ((double)d / Math.Max(whole.Length, joined.Length))) * Weights.GlueFactor;
        return s >= Weights.MinTokenSimilarity ? s : 0.0;
    }
}
