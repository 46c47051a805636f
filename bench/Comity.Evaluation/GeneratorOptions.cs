namespace Comity.Evaluation;

/// <summary>Settings of one generation run; the defaults here are the ones data/eval was built with.</summary>
internal sealed record GeneratorOptions
{
    public const int DefaultSeed = 20261127;

    public int Seed { get; init; } = DefaultSeed;

    /// <summary>Positive pairs wanted per kind, per schema group (Person, Organization, Vessel, Airplane).</summary>
    public IReadOnlyDictionary<string, int[]> PositiveQuotas { get; init; } = new Dictionary<string, int[]>(StringComparer.Ordinal)
    {
        ["alias"] = [700, 500, 60, 20],
        ["former"] = [100, 250, 80, 20],
        ["translit_cyrillic"] = [400, 200, 60, 20],
        ["translit_arabic"] = [400, 150, 40, 10],
        ["romanisation"] = [450, 150, 40, 10],
        ["reorder"] = [450, 200, 0, 0],
        ["middle_missing"] = [400, 0, 0, 0],
        ["middle_extra"] = [300, 0, 0, 0],
        ["initials"] = [400, 0, 0, 0],
        ["typo1"] = [400, 300, 80, 20],
        ["typo2"] = [300, 200, 60, 20],
        ["legal_form"] = [0, 500, 0, 0],
        ["punctuation"] = [300, 300, 60, 20],
        ["glued"] = [300, 200, 40, 10],
        ["nickname"] = [500, 0, 0, 0],
        ["numeral"] = [0, 300, 300, 40],
        ["digit_letter"] = [300, 200, 60, 20],
        ["acronym"] = [0, 400, 0, 0],
        ["title"] = [400, 0, 0, 0],
        ["shuffled"] = [300, 200, 60, 20],
        ["translit_other"] = [500, 200, 40, 10],
        ["katakana"] = [400, 150, 40, 10],
        ["cross_script"] = [700, 300, 20, 0],
    };

    /// <summary>Generated hard negatives per kind (issue 9): a company name with its distinguishing word replaced, listed
    /// sibling companies, listed brands one letter apart, listed persons sharing a given name, and a person name with a
    /// conflicting middle name or patronymic.</summary>
    public IReadOnlyDictionary<string, int> HardNegativeQuotas { get; init; } = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["company_one_word"] = 700,
        ["company_sibling"] = 700,
        ["brand_one_letter"] = 400,
        ["person_same_given"] = 700,
        ["middle_conflict"] = 700,
    };

    /// <summary>Hard negatives of kind <c>similar_other</c> per schema group.</summary>
    public int[] SimilarOtherQuota { get; init; } = [2300, 2100, 500, 100];

    /// <summary>Hard negatives of kind <c>one_name_differs</c> (persons only).</summary>
    public int OneNameDiffersQuota { get; init; } = 1200;

    /// <summary>Share of variants made from a strong alias instead of the primary name.</summary>
    public double AliasVariantShare { get; init; } = 0.2;

    public int Persons { get; init; } = 16_000;

    public int Companies { get; init; } = 4_000;
}
