namespace Comity.Application.Tests.Accuracy;

/// <summary>Floors on the held-out split at the default threshold (0.65), on the default corpus, set just under the
/// figures measured on 2026-12-02 (`comity calibrate --pairs data/eval/pairs.csv --split test --population
/// data/eval/population.csv`, no --list: the default corpus): variant recall 0.9545, precision 0.9656, hard negatives
/// matched 0.0432, population false alerts 0.0098 (persons and companies together), short-name matches 1.07 per query.
/// The issue's targets (variant recall ≥ 0.98, false alerts ≤ 0.5 %) are not met: these floors stop regressions, they
/// are not the targets. The short-name ceiling is new data (the population now has 176 short rows in 40 locales, the
/// corpus 49,297 entities): 0.41 per query was measured on OFAC + UN with 26 locales.</summary>
internal static class AccuracyFloors
{
    public const double VariantRecall = 0.95;
    public const double Precision = 0.96;
    public const double HardNegativeMatchRate = 0.045;
    public const double PopulationFalseAlertRate = 0.0090;
    public const double ShortQueryMeanMatches = 1.2;

    public static readonly (string Kind, double Floor)[] RecallByKind =
    [
        ("translit_arabic", 0.92),
        ("translit_cyrillic", 0.93),
        ("romanisation", 0.98),
        ("reorder", 0.99),
        ("middle_missing", 0.98),
        ("middle_extra", 0.99),
        ("initials", 0.87),
        ("typo1", 0.96),
        ("typo2", 0.82),
        ("legal_form", 0.99),
        ("punctuation", 0.99),
        ("glued", 0.92),
    ];

    /// <summary>Recall floors of the issue-9 classes (held out, default threshold), measured 2026-12-07 after the fixes
    /// (before them: nickname 16 %, numeral 44 %, digit_letter 8 %, acronym 0 %, title 4 %, shuffled 29 %,
    /// translit_other 42 %, katakana 0 %, cross_script 61 %, hanzi_foreign 0 %, katakana_press 0 %). The hand-typed
    /// renderings are a dozen pairs each: their floors guard against losing the class, not its second decimal.</summary>
    public static readonly (string Kind, double Floor)[] IssueNineRecall =
    [
        ("nickname", 0.99),
        ("numeral", 0.90),
        ("digit_letter", 0.94),
        ("acronym", 0.39),
        ("title", 0.46),
        ("shuffled", 0.95),
        ("translit_other", 0.56),
        ("katakana", 0.39),
        ("cross_script", 0.60),
        ("hanzi_foreign", 0.25),
        ("katakana_press", 0.54),
    ];

    /// <summary>Ceilings on the match rate of the issue-9 hard negatives (held out, default threshold), measured
    /// 2026-12-07 (before the fixes: middle_conflict 23.8 %, company_one_word 17.7 %; the others unchanged within a pair
    /// or two). company_one_word fell to 8.0 % when a firm's word replaced by an unrelated one began to cost more than
    /// one replaced by a near spelling (stop 20).</summary>
    public static readonly (string Kind, double Ceiling)[] IssueNineFalseMatch =
    [
        ("company_one_word", 0.09),
        ("company_sibling", 0.02),
        ("brand_one_letter", 0.34),
        ("person_same_given", 0.01),
        ("middle_conflict", 0.15),
    ];
}
