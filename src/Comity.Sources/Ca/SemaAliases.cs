using Comity.Core.Model;
using Comity.Core.Text;

namespace Comity.Sources.Ca;

/// <summary>Splits the free-text <c>Aliases</c> cell of the Canadian list: items separated by <c>;</c> and then
/// <c>,</c>, each optionally labelled with a language (<c>Russian: …</c>).</summary>
internal static class SemaAliases
{
    private static readonly Dictionary<string, string> Languages = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Russian"] = "ru",
        ["Belarusian"] = "be",
        ["Ukrainian"] = "uk",
        ["Chinese"] = "zh",
        ["Arabic"] = "ar",
        ["Persian"] = "fa",
        ["Farsi"] = "fa",
        ["Burmese"] = "my",
        ["Korean"] = "ko",
        ["Hebrew"] = "he",
        ["Georgian"] = "ka",
        ["Romanian"] = "ro",
        ["Spanish"] = "es",
        ["French"] = "fr",
    };

    /// <summary>The aliases of one cell. Where a comma split leaves one-word fragments (the cell may hold
    /// <c>FAMILY, Given</c> or <c>Sergei, Serhii SHERBAKOV</c>), the one-word fragments are not used on their own
    /// and the unsplit item is kept as an alias instead.</summary>
    public static IEnumerable<EntityName> Parse(string? cell)
    {
        var text = TextValue.Clean(cell);
        if (text is null)
        {
            yield break;
        }

        foreach (var item in text.Split(';'))
        {
            var (whole, wholeLanguage) = Label(item);
            if (whole is null)
            {
                continue;
            }

            var fragments = item.Split(',').Select(Label).Where(f => f.Name is not null).ToList();
            var broken = fragments.Count > 1 && fragments.Any(f => !f.Name!.Contains(' ', StringComparison.Ordinal));
            if (fragments.Count <= 1 || broken)
            {
                yield return new EntityName(whole, NameKind.Alias, null, wholeLanguage);
            }

            if (fragments.Count <= 1)
            {
                continue;
            }

            foreach (var (name, language) in fragments)
            {
                if (!broken || name!.Contains(' ', StringComparison.Ordinal))
                {
                    yield return new EntityName(name!, NameKind.Alias, null, language);
                }
            }
        }
    }

    private static (string? Name, string? Language) Label(string text)
    {
        var t = TextValue.Clean(text);
        if (t is null)
        {
            return (null, null);
        }

        var colon = t.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && colon < 20 && t[..colon].All(char.IsLetter))
        {
            var label = t[..colon];
            var rest = TextValue.Clean(t[(colon + 1)..]);
            return (rest, Languages.TryGetValue(label, out var code) ? code : label);
        }

        return (t, null);
    }
}
