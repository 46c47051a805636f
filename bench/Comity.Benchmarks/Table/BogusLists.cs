using Bogus;
using Bogus.Bson;

namespace Comity.Benchmarks.Table;

/// <summary>Name arrays of the Bogus package's locale data (faker.js lists, many in native script), read raw: Bogus's
/// own random generator is never used, so the benchmark's seeded <see cref="Random"/> alone decides what is drawn.</summary>
internal static class BogusLists
{
    /// <summary>The first non-empty array among <paramref name="paths"/> (<c>name.*</c>), trimmed, joiners removed.</summary>
    public static string[] Names(string locale, params string[] paths)
    {
        foreach (var path in paths)
        {
            if (Database.HasKey("name", path, locale, null) && Database.Get("name", path, locale, null) is BArray array)
            {
                var items = new List<string>(array.Count);
                for (var i = 0; i < array.Count; i++)
                {
                    var s = array[i].StringValue.Replace("\u200c", " ", StringComparison.Ordinal).Replace("\u200d", string.Empty, StringComparison.Ordinal).Trim();
                    if (s.Length > 0 && !s.Contains('#', StringComparison.Ordinal) && !s.Contains('"', StringComparison.Ordinal))
                    {
                        items.Add(s);
                    }
                }

                if (items.Count > 0)
                {
                    return [.. items];
                }
            }
        }

        return [];
    }
}
