namespace Comity.Core.Matching;

/// <summary>Positions of the quantities <see cref="NameAligner"/> combines into a name score, written on request for
/// the learned-combination experiment (<c>bench/Comity.Evaluation learn</c>). The product's score does not read them.</summary>
internal static class NameFeatures
{
    public const int Score = 0;
    public const int WeightedMean = 1;
    public const int MatchedWeight = 2;
    public const int QueryLeftShare = 3;
    public const int ListedLeftShare = 4;
    public const int QueryLeftWords = 5;
    public const int ListedLeftWords = 6;
    public const int MatchedContentWords = 7;
    public const int MatchedRarity = 8;
    public const int QueryWords = 9;
    public const int ListedWords = 10;
    public const int Person = 11;
    public const int OrderDiffers = 12;
    public const int NoContent = 13;
    public const int PatronymicConflict = 14;
    public const int InitialConflict = 15;
    public const int Syllabic = 16;
    public const int Titled = 17;
    public const int OrganisationWord = 18;
    public const int LegalConflict = 19;
    public const int FuzzyPairs = 20;
    public const int MinSimilarity = 21;
    public const int InitialPairs = 22;
    public const int SingleContentWord = 23;
    public const int NumberMismatch = 24;

    /// <summary>Entity level: the final score (dates, countries, identifiers applied), whether the best name is a weak
    /// alias, and the birth-date and country evidence.</summary>
    public const int EntityScore = 25;
    public const int WeakAlias = 26;
    public const int DateEvidence = 27;
    public const int CountryMismatch = 28;

    public const int Count = 25;
    public const int EntityCount = 29;

    public static readonly string[] Names =
    [
        "score", "weighted_mean", "matched_weight", "query_left_share", "listed_left_share", "query_left_words",
        "listed_left_words", "matched_content_words", "matched_rarity", "query_words", "listed_words", "person",
        "order_differs", "no_content", "patronymic_conflict", "initial_conflict", "syllabic", "titled", "organisation_word",
        "legal_conflict", "fuzzy_pairs", "min_similarity", "initial_pairs", "single_content_word", "number_mismatch",
        "entity_score", "weak_alias", "date_evidence", "country_mismatch",
    ];
}
