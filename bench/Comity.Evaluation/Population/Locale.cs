namespace Comity.Evaluation.Population;

/// <summary>Name material of one locale. Word lists are space-separated in the source (underscore joins a multi-word
/// item). Person templates use <c>{G}</c> given, <c>{M}</c> middle (see <see cref="MiddleMale"/>), <c>{P}</c>
/// patronymic, <c>{F}</c> family; company templates <c>{F}</c> family, <c>{W}</c>, <c>{T}</c> words, <c>{C}</c>
/// place, <c>{L}</c> legal form.</summary>
internal sealed record Locale(
    string Code,
    string Country,
    string[] GivenMale,
    string[] GivenFemale,
    string[] Family,
    string[] PersonTemplates,
    string[] CompanyTemplates,
    string[] Words,
    string[] Types,
    string[] Places,
    string[] LegalForms)
{
    /// <summary>Middle names for <c>{M}</c> (male); empty means "another male given name" (a father's name).</summary>
    public string[] MiddleMale { get; init; } = [];

    public string[] MiddleFemale { get; init; } = [];

    /// <summary>Surname inflection for women (Russian -ova, Polish -ska); identity when null.</summary>
    public Func<string, string>? FemaleFamily { get; init; }

    /// <summary>Patronymic from a father's given name and the child's sex (true = female); null when none is formed.</summary>
    public Func<string, bool, string?>? Patronymic { get; init; }

    /// <summary>Transliterates the generated text into another script (Russian Cyrillic to Latin); identity when null.</summary>
    public Func<string, string>? Render { get; init; }

    public static string[] L(string spaced) =>
        spaced.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(s => s.Replace('_', ' ')).ToArray();
}
