using Comity.Core.Text;

namespace Comity.Core.Matching;

/// <summary>The scorer's constants, in one place. Feature penalties follow yente's logic-v2 where semantics match.</summary>
internal static class Weights
{
    /// <summary>Cost of an unmatched query token relative to a matched one.</summary>
    public const double UnmatchedQuery = 0.75;

    /// <summary>Cost of an unmatched listed token (cheaper: lists carry extra names).</summary>
    public const double UnmatchedCandidate = 0.25;

    /// <summary>Cost of an unmatched query syllable when both names are romanised Chinese or Korean syllables.</summary>
    public const double UnmatchedSyllable = 1.5;

    /// <summary>Cost of a person's name word replaced by a different one (both sides left with a word), relative to
    /// the pair's mean weight.</summary>
    public const double Substitution = 1.5;

    /// <summary>Cost of an organisation's word (content or generic) replaced by a different one, relative to the pair's
    /// mean weight: the distinguishing word outweighs the shared generic ones.</summary>
    public const double OrganisationSubstitution = 2.0;

    /// <summary>Cost of an organisation's word replaced by one spelt unlike it (no left-over pair within a few edits or
    /// sharing a phonetic key), relative to the pair's mean weight: Caspian Oil against Caspian Gas.</summary>
    public const double OrganisationDistinctSubstitution = 3.0;

    /// <summary>Extra cost (absolute weight) when a query initial names another middle name than the listed one.</summary>
    public const double InitialConflict = 0.8;

    /// <summary>Similarity of an acronym to the words it spells, by its length: three letters are a weak clue (any three
    /// words share initials with many names), five or more a strong one.</summary>
    public static double AcronymSimilarity(int letters) => letters switch
    {
        <= 3 => 0.62,
        4 => 0.72,
        _ => 0.8,
    };

    /// <summary>Extra cost (absolute weight) when both names carry a patronymic and they differ.</summary>
    public const double PatronymicConflict = 0.5;

    /// <summary>Added to the cost of an unmatched listed word of a person, times the commonness (1 − mean rarity) of
    /// the query words that matched.</summary>
    public const double CommonNameExtra = 0.75;

    /// <summary>Cost of an unmatched listed word when the query is an office and a family name (<c>President Putin</c>):
    /// the office says the word is a family name, so the listed given names are expected, not evidence against.</summary>
    public const double UnmatchedCandidateTitled = 0.4;

    /// <summary>Cost of an unmatched listed word when the query name has a single identity-bearing word.</summary>
    public const double UnmatchedCandidateSingleWord = 0.8;

    /// <summary>Lowest token similarity that counts as aligned.</summary>
    public const double MinTokenSimilarity = 0.6;

    /// <summary>Listed entities a token must occur in to count as attested: two attested words are compared by
    /// spelling folds and mined variants only, never by edit distance or phonetic key.</summary>
    public const int AttestedEntities = 2;

    public const double InitialSimilarity = 0.8;
    public const double PhoneticSimilarity = 0.8;
    public const double SkeletonSimilarity = 0.75;
    public const double AbjadSimilarity = 0.9;
    public const double RomanSimilarity = 0.9;
    public const double VariantSimilarity = 0.9;
    public const double WeakVariantSimilarity = 0.85;
    public const double GlueFactor = 0.97;

    /// <summary>A nickname or short form and the given name it stands for (Bill / William).</summary>
    public const double NicknameSimilarity = 0.85;

    /// <summary>A word with its inner letters shuffled or written backwards (five letters or more, not two attested words).</summary>
    public const double ShuffledSimilarity = 0.8;

    /// <summary>A katakana or Chinese-character transcription whose consonant-class key equals the Latin word's.</summary>
    public const double TranscriptionSimilarity = 0.85;

    public const double PersonOrderPenalty = 0.04;
    public const double OrganizationOrderPenalty = 0.02;
    public const double LegalConflictFactor = 0.7;

    /// <summary>A person's name against a name left with a legal form or business word (or the other way round).</summary>
    public const double PersonOrganisationFactor = 0.6;
    public const double NoContentFactor = 0.5;
    public const double NumberMismatchFactor = 0.8;

    /// <summary>Matched weight below which a partly matched name is weak evidence.</summary>
    public const double MinInformation = 0.6;

    public const double DobYearDisjoint = -0.15;
    public const double DobDayDisjoint = -0.25;

    /// <summary>Same day and month, the year 1 or 10 off: a slip, lightly penalised.</summary>
    public const double DobYearSlip = -0.1;

    /// <summary>Years apart by at most <see cref="DateComparison.NearYears"/>: counter-evidence, but an exact name
    /// stays over the threshold (0.999 − 0.3).</summary>
    public const double DobYearNear = -0.3;
    public const double DobDayMatch = 0.02;
    public const double DobYearMatch = 0.005;
    public const double CountryMismatch = -0.2;
    public const double CountryMatch = 0.005;
    public const double GenderMismatch = -0.2;
    public const double IdentifierConflict = -0.2;

    /// <summary>Least score of a candidate sharing a decisive identifier (IMO, LEI, BIC, crypto address) with the query,
    /// whatever the name: yente's logic-v2 weighs these 0.95 as well.</summary>
    public const double DecisiveIdentifier = 0.95;

    /// <summary>Share of the remaining distance to 1 that a matching identifier closes.</summary>
    public const double IdentifierLift = 0.9;

    /// <summary>A name alone never reaches 1.0: corroboration (birth date, identifier) decides the top.</summary>
    public const double NameCeiling = 0.999;

    /// <summary>Share of the top score reserved for name rarity: an exact common name scores 0.99, an exact rare
    /// one 0.999 (breaks the 1.0 plateau).</summary>
    public const double RarityShare = 0.009;

    public static double TokenWeight(TokenClass cls, double rarity)
    {
        var w = 0.2 + (0.8 * rarity);
        return cls switch
        {
            TokenClass.LegalForm => 0.3 * w,
            TokenClass.Particle => 0.3 * w,
            TokenClass.Stopword => 0.2 * w,
            TokenClass.Initial => 0.5 * w,
            TokenClass.Generic => 0.5 * w,
            TokenClass.Patronymic => 0.6 * w,
            TokenClass.Number => Math.Min(1.2, 1.2 * w),
            _ => w,
        };
    }
}
