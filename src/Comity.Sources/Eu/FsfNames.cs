using System.Text.RegularExpressions;
using System.Xml.Linq;
using Comity.Core.Model;
using Comity.Core.Text;
using Comity.Sources.Common;

namespace Comity.Sources.Eu;

/// <summary>Names of an EU FSF entity: alias quality from the free-text remark and a heuristic primary name
/// (the EU marks none, and document order is not reliable; LIST-FORMATS §4.1).</summary>
internal static partial class FsfNames
{
    /// <summary>Alias quality stated in a nameAlias remark.</summary>
    internal enum Quality
    {
        None,
        Good,
        Low,
    }

    /// <summary>Reads the quality from a remark such as <c>good quality alias</c>, <c>Low quality aliias</c>.</summary>
    public static Quality QualityOf(string? remark)
    {
        if (remark is null)
        {
            return Quality.None;
        }

        var m = QualityPattern().Match(remark);
        if (!m.Success)
        {
            return Quality.None;
        }

        return m.Groups[1].Value.Equals("low", StringComparison.OrdinalIgnoreCase) ? Quality.Low : Quality.Good;
    }

    /// <summary>Index of the alias to treat as primary: not low quality, English or language-less, ranked by
    /// carrying a function or title (the main name does in the EU data), having name parts, and not being labelled
    /// as an alias; ties go to document order. Falls back to the first alias.</summary>
    public static int ChoosePrimary(IReadOnlyList<XElement> aliases)
    {
        var best = -1;
        var bestScore = -1;
        for (var i = 0; i < aliases.Count; i++)
        {
            var a = aliases[i];
            var quality = QualityOf(Remark(a));
            var language = a.Attr("nameLanguage");
            if (quality == Quality.Low || (language is not null && !language.Equals("EN", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var score = 0;
            if (a.Attr("function") is not null || a.Attr("title") is not null)
            {
                score += 4;
            }

            if (a.Attr("firstName") is not null || a.Attr("lastName") is not null)
            {
                score += 2;
            }

            if (quality == Quality.None)
            {
                score += 1;
            }

            if (score > bestScore)
            {
                best = i;
                bestScore = score;
            }
        }

        return best < 0 ? 0 : best;
    }

    /// <summary>Builds the name of one nameAlias element.</summary>
    public static EntityName? ToName(XElement alias, bool primary)
    {
        var full = alias.Attr("wholeName");
        var given = alias.Attr("firstName");
        var middle = alias.Attr("middleName");
        var family = alias.Attr("lastName");
        full ??= TextValue.Clean(string.Join(' ', new[] { given, middle, family }.Where(p => p is not null)));
        if (full is null)
        {
            return null;
        }

        var kind = primary
            ? NameKind.Primary
            : QualityOf(Remark(alias)) == Quality.Low ? NameKind.WeakAlias : NameKind.Alias;
        var parts = given is null && middle is null && family is null
            ? null
            : new NameParts(given, middle, family, Title: alias.Attr("title"));
        var language = alias.Attr("nameLanguage")?.ToLowerInvariant();
        return new EntityName(full, kind, parts, language);
    }

    /// <summary>The cleaned text of the element's <c>remark</c> children, or null.</summary>
    public static string? Remark(XElement element)
    {
        var remarks = element.Els("remark").Select(r => TextValue.Clean(r.Value)).OfType<string>().ToList();
        return remarks.Count == 0 ? null : string.Join(" ", remarks);
    }

    [GeneratedRegex(@"\b(good|low)\s+quality\s+al+i+as\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex QualityPattern();
}
