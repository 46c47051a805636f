using Bogus;
using Bogus.Bson;

namespace Comity.Evaluation.Population;

/// <summary>Given and family names per locale from the Bogus package's locale data (MIT; faker.js name lists, many in
/// native script: Hangul, kanji, hanzi, Arabic, Persian, Greek, Cyrillic, Georgian). Read as raw arrays, never through
/// Bogus's own random generator, so that our seeded <see cref="Random"/> alone decides what is drawn.</summary>
internal static class BogusNames
{
    /// <summary>Given names (male or female; the locale's unisex list when it has no gendered one).</summary>
    public static string[] Given(string locale, bool female) =>
        First(locale, female ? "female_first_name" : "male_first_name", "first_name");

    /// <summary>Family names (the male form when the locale inflects them).</summary>
    public static string[] Family(string locale) => First(locale, "male_last_name", "last_name");

    /// <summary>Raw items of one <c>name.*</c> array: trimmed, invisible joiners removed, deduplicated, in the package's
    /// order (frequency order where the data has it: Chinese, Japanese, Korean and Russian surnames).</summary>
    public static string[] Array(string locale, string path)
    {
        if (!Database.HasKey("name", path, locale, null) || Database.Get("name", path, locale, null) is not BArray array)
        {
            return [];
        }

        var items = new List<string>(array.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < array.Count; i++)
        {
            var s = array[i].StringValue.Replace("\u200c", " ", StringComparison.Ordinal).Replace("\u200d", string.Empty, StringComparison.Ordinal).Trim();
            if (s.Length > 0 && !s.Contains('#', StringComparison.Ordinal) && seen.Add(s))
            {
                items.Add(s);
            }
        }

        return [.. items];
    }

    private static string[] First(string locale, params string[] paths)
    {
        foreach (var path in paths)
        {
            var items = Array(locale, path);
            if (items.Length > 0)
            {
                return items;
            }
        }

        return [];
    }
}
