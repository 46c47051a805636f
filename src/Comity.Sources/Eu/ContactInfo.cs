using System.Text.RegularExpressions;
using Comity.Core.Text;

namespace Comity.Sources.Eu;

/// <summary>Splits the CSV <c>Address_ContactInfo</c> cell into key/value pairs. The layout of this cell is not
/// documented; the reader accepts <c>KEY:value</c> items for the XML's keys (WEB, EMAIL, PHONE, FAX), where a value
/// may itself hold several numbers separated by <c>; </c>.</summary>
internal static partial class ContactInfo
{
    public static IEnumerable<(string Key, string Value)> Parse(string? text)
    {
        if (text is null)
        {
            yield break;
        }

        var matches = Key().Matches(text);
        for (var i = 0; i < matches.Count; i++)
        {
            var start = matches[i].Index + matches[i].Length;
            var end = i + 1 < matches.Count ? matches[i + 1].Index : text.Length;
            var value = TextValue.Clean(text[start..end])?.Trim(';', ' ');
            if (!string.IsNullOrEmpty(value))
            {
                yield return (matches[i].Groups[1].Value.ToUpperInvariant(), value);
            }
        }
    }

    [GeneratedRegex(@"\b(WEB|EMAIL|PHONE|FAX)\s*:\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Key();
}
