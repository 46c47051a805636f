namespace Comity.Evaluation.Pairs;

/// <summary>The <c>kind</c> column of pairs.csv.</summary>
internal static class PairKinds
{
    public const string Alias = "alias";
    public const string Former = "former";
    public const string TranslitCyrillic = "translit_cyrillic";
    public const string TranslitArabic = "translit_arabic";
    public const string Romanisation = "romanisation";
    public const string Reorder = "reorder";
    public const string MiddleMissing = "middle_missing";
    public const string MiddleExtra = "middle_extra";
    public const string Initials = "initials";
    public const string Typo1 = "typo1";
    public const string Typo2 = "typo2";
    public const string LegalForm = "legal_form";
    public const string Punctuation = "punctuation";
    public const string Glued = "glued";
    public const string SimilarOther = "similar_other";
    public const string OneNameDiffers = "one_name_differs";
    public const string Nickname = "nickname";
    public const string Numeral = "numeral";
    public const string DigitLetter = "digit_letter";
    public const string Acronym = "acronym";
    public const string Title = "title";
    public const string Shuffled = "shuffled";
    public const string TranslitOther = "translit_other";
    public const string Katakana = "katakana";
    public const string CrossScript = "cross_script";
    public const string CompanyOneWord = "company_one_word";
    public const string CompanySibling = "company_sibling";
    public const string BrandOneLetter = "brand_one_letter";
    public const string PersonSameGiven = "person_same_given";
    public const string MiddleConflict = "middle_conflict";

    /// <summary>Generated variants of a listed name (the recall target applies to these).</summary>
    public static readonly string[] Variants =
    [
        TranslitCyrillic, TranslitArabic, Romanisation, Reorder, MiddleMissing, MiddleExtra, Initials, Typo1, Typo2,
        LegalForm, Punctuation, Glued,
    ];

    /// <summary>The variant classes issue 9 names as misses, generated since (reported apart from <see cref="Variants"/>
    /// so that the older figure stays comparable).</summary>
    public static readonly string[] IssueNineVariants =
    [
        Nickname, Numeral, DigitLetter, Acronym, Title, Shuffled, TranslitOther, Katakana, "hanzi_foreign", "katakana_press", "khmer",
    ];
}
