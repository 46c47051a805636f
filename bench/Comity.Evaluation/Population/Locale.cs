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

    /// <summary>The Bogus locale whose (long, unordered) name lists are the tail of this locale's pools; null for none.
    /// The hand lists above are the head, most common first.</summary>
    public string? BogusLocale { get; init; }

    public static string[] L(string spaced) =>
        spaced.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(s => s.Replace('_', ' ')).ToArray();
}

/// <summary>Parallel name material: items written <c>native=latin</c> (underscore joins words), giving the native
/// list and a renderer that romanises generated text item by item (the spelling people use, not a letter map).</summary>
internal sealed class ParallelNames
{
    private readonly List<(string[] Native, string Latin)> phrases = [];

    public string[] Add(string spaced)
    {
        var native = new List<string>();
        foreach (var item in spaced.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = item.IndexOf('=', StringComparison.Ordinal);
            var n = item[..eq].Replace('_', ' ');
            native.Add(n);
            phrases.Add((n.Split(' '), item[(eq + 1)..].Replace('_', ' ')));
        }

        phrases.Sort((a, b) => b.Native.Length.CompareTo(a.Native.Length));
        return [.. native];
    }

    /// <summary>Romanises space-separated text: longest known phrase first, unknown tokens kept.</summary>
    public string Romanise(string text)
    {
        var tokens = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var output = new List<string>();
        for (var i = 0; i < tokens.Length;)
        {
            var done = false;
            foreach (var (native, latin) in phrases)
            {
                if (i + native.Length <= tokens.Length && native.AsSpan().SequenceEqual(tokens.AsSpan(i, native.Length)))
                {
                    if (!string.IsNullOrWhiteSpace(latin))
                    {
                        output.Add(latin);
                    }

                    i += native.Length;
                    done = true;
                    break;
                }
            }

            if (!done)
            {
                output.Add(tokens[i++]);
            }
        }

        return string.Join(' ', output);
    }
}
