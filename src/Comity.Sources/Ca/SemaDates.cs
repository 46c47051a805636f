using System.Globalization;
using System.Text.RegularExpressions;
using Comity.Core.Model;
using Comity.Core.Text;

namespace Comity.Sources.Ca;

/// <summary>Date forms of the Canadian list beyond <see cref="DateText"/>: <c>born in the early 1970s</c> and the
/// spreadsheet-mangled <c>Sep-99</c>.</summary>
internal static partial class SemaDates
{
    /// <summary>Alternatives in one cell; unparseable parts are returned in <paramref name="failed"/>.</summary>
    public static IReadOnlyList<FuzzyDate> Parse(string? raw, out IReadOnlyList<string> failed)
    {
        var text = TextValue.Clean(raw);
        failed = [];
        if (text is null)
        {
            return [];
        }

        var decade = Decade().Match(text);
        if (decade.Success)
        {
            var start = int.Parse(decade.Groups[2].Value, NumberStyles.None, CultureInfo.InvariantCulture);
            var (from, to) = decade.Groups[1].Value.ToLowerInvariant() switch
            {
                "early" => (start, start + 3),
                "mid" => (start + 3, start + 6),
                "late" => (start + 6, start + 9),
                _ => (start, start + 9),
            };
            return [new FuzzyDate(new PartialDate(from), new PartialDate(to), true, CalendarKind.Gregorian, text)];
        }

        var monthYear = MonthTwoDigitYear().Match(text);
        if (monthYear.Success && DateText.Single("1 " + monthYear.Groups[1].Value + " 2000") is { } m)
        {
            var yy = int.Parse(monthYear.Groups[2].Value, NumberStyles.None, CultureInfo.InvariantCulture);

            // Two-digit years of birth: 00-29 are read as 2000s, the rest as 1900s.
            var year = yy < 30 ? 2000 + yy : 1900 + yy;
            return [new FuzzyDate(new PartialDate(year, m.Month), null, false, CalendarKind.Gregorian, text)];
        }

        return DateText.ParseAlternatives(text, out failed);
    }

    [GeneratedRegex(@"^(?:born\s+in\s+)?(?:the\s+)?(early|mid|late)?-?\s*(\d{3}0)'?s$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Decade();

    [GeneratedRegex(@"^([A-Za-z]{3})-(\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex MonthTwoDigitYear();
}
