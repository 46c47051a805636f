using System.Collections.Frozen;
using System.Text;

namespace Comity.Core.Text;

/// <summary>Resolves country names, ISO alpha-2 and alpha-3 codes to lowercase ISO 3166 alpha-2.</summary>
/// <remarks>Names are compared after folding case, diacritics and punctuation, so <c>IRAN (ISLAMIC REPUBLIC OF)</c>,
/// <c>Iran</c> and <c>IRN</c> all resolve to <c>ir</c>. Data: <c>countries.tsv</c> (ISO 3166-1 plus common list
/// spellings) and <c>countries.localized.tsv</c> (German, French, Spanish, Italian and Dutch names, e.g. <c>Russland</c>,
/// <c>Allemagne</c>, <c>Rusia</c>; an English name or code always wins over a localised one).</remarks>
public static class Countries
{
    private static readonly FrozenDictionary<string, string> ByKey = Load(out CodesToNames);

    private static readonly FrozenDictionary<string, string> CodesToNames;

    /// <summary>Resolves a name or code; false when it is not a country (e.g. <c>UNKNOWN</c>, <c>00</c>).</summary>
    public static bool TryResolve(ReadOnlySpan<char> text, out string iso2)
    {
        iso2 = string.Empty;
        var key = Key(text);
        if (key.Length == 0)
        {
            return false;
        }

        if (ByKey.TryGetValue(key, out var found))
        {
            iso2 = found;
            return true;
        }

        return false;
    }

    /// <summary>Resolves or returns null.</summary>
    public static string? Resolve(ReadOnlySpan<char> text) => TryResolve(text, out var iso2) ? iso2 : null;

    /// <summary>The English short name of an alpha-2 code, or the code itself.</summary>
    public static string NameOf(string iso2) => CodesToNames.TryGetValue(iso2.ToLowerInvariant(), out var n) ? n : iso2;

    /// <summary>Every known alpha-2 code.</summary>
    public static IEnumerable<string> Codes => CodesToNames.Keys;

    private static string Key(ReadOnlySpan<char> text)
    {
        var folded = text.Trim().ToString().Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
            else if (char.IsLetter(c))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
        }

        var k = sb.ToString();
        if (k.StartsWith("the", StringComparison.Ordinal) && k.Length > 6 && !ByKeyContains(k))
        {
            k = k[3..];
        }

        return k;
    }

    private static bool ByKeyContains(string k) => ByKey is not null && ByKey.ContainsKey(k);

    private static FrozenDictionary<string, string> Load(out FrozenDictionary<string, string> codesToNames)
    {
        using var stream = typeof(Countries).Assembly.GetManifestResourceStream("Comity.Core.countries.tsv")
            ?? throw new InvalidOperationException("countries.tsv resource missing");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var cols = line.Split('\t');
            var iso2 = cols[0];
            var all = cols[2].Split('|');
            names.TryAdd(iso2, all[0]);
            map.TryAdd(iso2, iso2);
            map.TryAdd(cols[1].ToLowerInvariant(), iso2);
            foreach (var n in all)
            {
                var k = RawKey(n);
                if (k.Length > 0)
                {
                    map.TryAdd(k, iso2);
                }
            }
        }

        AddLocalized(map);
        codesToNames = names.ToFrozenDictionary(StringComparer.Ordinal);
        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Adds the localised names (iso2, language, names); added after every English name and code, so they
    /// never displace one.</summary>
    private static void AddLocalized(Dictionary<string, string> map)
    {
        using var stream = typeof(Countries).Assembly.GetManifestResourceStream("Comity.Core.countries.localized.tsv")
            ?? throw new InvalidOperationException("countries.localized.tsv resource missing");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var cols = line.Split('\t');
            foreach (var n in cols[2].Split('|'))
            {
                var k = RawKey(n);
                if (k.Length > 0)
                {
                    map.TryAdd(k, cols[0]);
                }
            }
        }
    }

    private static string RawKey(string text)
    {
        var folded = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (char.IsLetterOrDigit(c) && (char.IsAscii(c) || char.IsLetter(c)))
            {
                if (char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)
                {
                    sb.Append(char.ToLowerInvariant(c));
                }
            }
        }

        return sb.ToString();
    }
}
