using System.Text.RegularExpressions;
using Comity.Core.Text;

namespace Comity.Sources.Uk;

/// <summary>Splits OFSI "Other Information" text into its labelled sub-fields (<c>(UK Sanctions List Ref):RUS1122.
/// (UN Ref):TAe.010 (Gender):Male</c>) and finds the unlabelled UN reference of the 2018 layout
/// (<c>UN Ref QDe.004</c>).</summary>
internal static partial class OtherInformation
{
    /// <summary>Label → value pairs in order (labels as written, values cleaned and stripped of a trailing dot).</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Fields(string? text)
    {
        var result = new List<KeyValuePair<string, string>>();
        if (text is null)
        {
            return result;
        }

        var matches = Label().Matches(text);
        for (var i = 0; i < matches.Count; i++)
        {
            var start = matches[i].Index + matches[i].Length;
            var end = i + 1 < matches.Count ? matches[i + 1].Index : text.Length;
            var value = TextValue.Clean(text[start..end])?.TrimEnd('.').Trim();
            if (!string.IsNullOrEmpty(value))
            {
                result.Add(new(matches[i].Groups[1].Value.Trim(), value));
            }
        }

        return result;
    }

    /// <summary>The first token of a value (<c>RUS1122. Financial sanctions…</c> → <c>RUS1122</c>).</summary>
    public static string FirstToken(string value)
    {
        var end = value.IndexOfAny([' ', ';', ',']);
        return (end < 0 ? value : value[..end]).TrimEnd('.');
    }

    /// <summary>UN reference numbers written anywhere in the text (<c>UN Ref QDe.004</c>, <c>(UN Ref):TAe.010</c>).</summary>
    public static IEnumerable<string> UnReferences(string? text)
    {
        if (text is null)
        {
            yield break;
        }

        foreach (Match m in UnReference().Matches(text))
        {
            yield return m.Groups[1].Value;
        }
    }

    /// <summary>True for a UK Sanctions List id such as <c>RUS0296</c>.</summary>
    public static bool IsUkslReference(string value) => UkslId().IsMatch(value);

    [GeneratedRegex(@"^[A-Z]{3}\d{4}$", RegexOptions.CultureInvariant)]
    private static partial Regex UkslId();

    [GeneratedRegex(@"\(([A-Za-z][A-Za-z /\-]{1,40})\):", RegexOptions.CultureInvariant)]
    private static partial Regex Label();

    [GeneratedRegex(@"UN\s*Ref(?:erence)?(?:\s*No)?\s*[.:)]*\s*:?\s*([A-Z]{2}[ie]\.\d{1,4})\b", RegexOptions.CultureInvariant)]
    private static partial Regex UnReference();
}
