using System.Text.RegularExpressions;
using Comity.Core.Model;
using Comity.Core.Text;
using Comity.Sources.Building;

namespace Comity.Sources.Ofac;

/// <summary>Parses the free-text Remarks of the OFAC legacy CSV (LIST-FORMATS §1.1 "Remarks grammar") into structured
/// facts on an <see cref="EntityDraft"/>. Remarks are <c>;</c>-separated items, alternatives are prefixed
/// <c>alt.</c>, and weak aliases are quoted (<c>a.k.a. 'NAME'</c>, ending at <c>';</c> or <c>'.</c> because the names
/// themselves may contain apostrophes). Unknown items stay in the remarks text only.</summary>
internal static partial class OfacRemarks
{
    /// <summary>Splits remarks into items; a quoted alias item is returned whole (with its quotes).</summary>
    public static List<string> Items(string remarks)
    {
        var items = new List<string>();
        var i = 0;
        var text = remarks;
        while (i < text.Length)
        {
            while (i < text.Length && text[i] == ' ')
            {
                i++;
            }

            if (i >= text.Length)
            {
                break;
            }

            var quote = AliasQuoteStart(text, i);
            int end;
            if (quote >= 0)
            {
                end = AliasEnd(text, quote + 1);
                items.Add(text[i..Math.Min(end + 1, text.Length)].Trim());
                i = end + 2;
                continue;
            }

            end = text.IndexOf(';', i);
            if (end < 0)
            {
                end = text.Length;
            }

            var item = text[i..end].Trim();
            if (end == text.Length && item.EndsWith('.'))
            {
                item = item[..^1].TrimEnd();
            }

            if (item.Length > 0)
            {
                items.Add(item);
            }

            i = end + 1;
        }

        return items;
    }

    /// <summary>Applies every recognised item of <paramref name="remarks"/> to <paramref name="draft"/>. Dates that
    /// cannot be read are passed to <paramref name="badDate"/> (item text).</summary>
    public static void Apply(EntityDraft draft, string remarks, Action<string>? badDate = null)
    {
        foreach (var raw in Items(remarks))
        {
            var item = AltPrefix().Replace(raw, string.Empty);
            ApplyItem(draft, item, badDate);
        }
    }

    private static void ApplyItem(EntityDraft d, string item, Action<string>? badDate)
    {
        if (WeakAlias().Match(item) is { Success: true } alias)
        {
            var name = TextValue.Clean(alias.Groups[2].Value);
            if (name is not null)
            {
                var kind = alias.Groups[1].Value is "f" or "F" ? NameKind.Former : NameKind.WeakAlias;
                d.AddName(new EntityName(name, kind));
            }

            return;
        }

        if (Labelled(item, "DOB", out var dob))
        {
            var dates = DateText.ParseAlternatives(dob, out var failed);
            d.AddBirthDates(dates);
            if (failed.Count > 0)
            {
                badDate?.Invoke(item);
            }

            return;
        }

        if (Labelled(item, "POB", out var pob))
        {
            var last = pob.LastIndexOf(',');
            var country = Countries.Resolve(last >= 0 ? pob[(last + 1)..] : pob);
            d.AddBirthPlace(new Place(pob, country));
            return;
        }

        if (Labelled(item, "nationality", out var nationality))
        {
            AddCountry(d, d.AddNationality, nationality, "nationalityText");
            return;
        }

        if (Labelled(item, "citizen", out var citizen))
        {
            AddCountry(d, d.AddCitizenship, citizen, "citizenshipText");
            return;
        }

        if (OfacLabels.Match(item, out var rest) is { } label)
        {
            ApplyLabel(d, label, rest, badDate);
        }
    }

    /// <summary>Applies a labelled value (a Remarks item or a classic XML <c>id</c>): identifiers, properties, dates.
    /// <paramref name="country"/> overrides the country given in brackets after the number.</summary>
    public static void ApplyLabel(EntityDraft d, OfacLabel label, string value, Action<string>? badDate, string? country = null)
    {
        if (value.Length == 0)
        {
            return;
        }

        switch (label.Kind)
        {
            case OfacLabelKind.Identifier:
                AddIdentifier(d, label, value, country);
                break;
            case OfacLabelKind.Imo:
                var imo = ImoNumber().Match(value);
                if (imo.Success)
                {
                    d.AddIdentifier(new Identifier(IdentifierType.Imo, imo.Groups[1].Value));
                    d.AddCrossReference("IMO", imo.Groups[1].Value);
                }
                else
                {
                    // A national vessel registration number without the IMO prefix.
                    AddIdentifier(d, label with { Type = IdentifierType.Registration }, value, country);
                }

                break;
            case OfacLabelKind.Crypto:
                var space = value.IndexOf(' ', StringComparison.Ordinal);
                if (space > 0)
                {
                    d.AddIdentifier(new Identifier(IdentifierType.CryptoAddress, value[(space + 1)..].Trim(), Note: value[..space]));
                }

                break;
            case OfacLabelKind.Gender:
                d.Gender = value.StartsWith("Female", StringComparison.OrdinalIgnoreCase) ? Gender.Female
                    : value.StartsWith("Male", StringComparison.OrdinalIgnoreCase) ? Gender.Male
                    : d.Gender;
                break;
            case OfacLabelKind.ListingDate:
                var dateText = Qualifier().Replace(value, string.Empty);
                if (DateText.Parse(dateText) is { } listed)
                {
                    if (d.ListedOn is null || listed.From < d.ListedOn.Value)
                    {
                        d.ListedOn = listed.From;
                    }

                    d.AddProperty("listingDate", value);
                }
                else
                {
                    badDate?.Invoke($"{label.Text} {value}");
                }

                break;
            case OfacLabelKind.DateProperty:
                d.AddProperty(label.Property!, DateText.Parse(value)?.ToString() ?? value);
                break;
            default:
                d.AddProperty(label.Property!, value);
                break;
        }
    }

    private static void AddIdentifier(EntityDraft d, OfacLabel label, string value, string? country)
    {
        var (number, countryInBrackets, issued, expires) = SplitDocument(value);
        var countryText = country ?? countryInBrackets;
        var iso = countryText is null ? null : Countries.Resolve(countryText);
        var notes = new List<string> { label.Text };
        if (countryText is not null && iso is null)
        {
            notes.Add(countryText);
        }

        if (issued is not null)
        {
            notes.Add("issued " + issued);
        }

        if (expires is not null)
        {
            notes.Add("expires " + expires);
        }

        if (number.Length > 0)
        {
            d.AddIdentifier(new Identifier(label.Type, number, iso, string.Join("; ", notes)));
        }
    }

    /// <summary>Splits <c>NUMBER (Country) issued DATE expires DATE</c>; every part after the number is optional.</summary>
    internal static (string Number, string? Country, string? Issued, string? Expires) SplitDocument(string value)
    {
        var rest = value.Trim();
        string? expires = null;
        string? issued = null;
        string? country = null;
        var at = rest.LastIndexOf(" expires ", StringComparison.Ordinal);
        if (at > 0)
        {
            expires = rest[(at + 9)..].Trim();
            rest = rest[..at].TrimEnd();
        }

        at = rest.LastIndexOf(" issued ", StringComparison.Ordinal);
        if (at > 0)
        {
            issued = rest[(at + 8)..].Trim();
            rest = rest[..at].TrimEnd();
        }

        if (rest.EndsWith(')'))
        {
            var open = rest.LastIndexOf(" (", StringComparison.Ordinal);
            if (open > 0)
            {
                country = rest[(open + 2)..^1].Trim();
                rest = rest[..open].TrimEnd();
            }
        }

        return (rest, country, issued, expires);
    }

    private static void AddCountry(EntityDraft d, Action<string> target, string text, string property)
    {
        if (Countries.Resolve(text) is { } iso)
        {
            target(iso);
        }
        else
        {
            d.AddProperty(property, text);
        }
    }

    private static bool Labelled(string item, string label, out string value)
    {
        if (item.Length > label.Length + 1 && item.StartsWith(label, StringComparison.OrdinalIgnoreCase)
            && (item[label.Length] == ' ' || item[label.Length] == ':'))
        {
            value = item[(label.Length + 1)..].TrimStart(' ', ':').Trim();
            return value.Length > 0;
        }

        value = string.Empty;
        return false;
    }

    /// <summary>Index of the opening quote when an alias item (<c>a.k.a. '</c>, <c>f.k.a. '</c>, <c>n.k.a. '</c>,
    /// optionally after <c>alt. </c>) starts at <paramref name="i"/>; otherwise -1.</summary>
    private static int AliasQuoteStart(string text, int i)
    {
        var m = AliasStart().Match(text, i);
        return m.Success && m.Index == i ? i + m.Length - 1 : -1;
    }

    /// <summary>The closing quote of an alias that opened before <paramref name="from"/>: the first apostrophe followed
    /// by <c>;</c>, by <c>.</c> (end of the remarks or of a sentence) or by the end of the text.</summary>
    private static int AliasEnd(string text, int from)
    {
        for (var j = from; j < text.Length; j++)
        {
            if (text[j] != '\'')
            {
                continue;
            }

            if (j == text.Length - 1)
            {
                return j;
            }

            var next = text[j + 1];
            if (next == ';' || (next == '.' && (j + 2 >= text.Length || text[j + 2] == ' ')))
            {
                return j;
            }
        }

        var semi = text.IndexOf(';', from);
        return semi < 0 ? text.Length - 1 : semi - 1;
    }

    [GeneratedRegex(@"\G(?:alt\.\s+)?[afn]\.k\.a\.,?\s+'", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AliasStart();

    [GeneratedRegex(@"^([afn])\.k\.a\.,?\s+'(.*)'\.?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex WeakAlias();

    [GeneratedRegex(@"^alt\.\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AltPrefix();

    [GeneratedRegex(@"^\([^()]*\)\s*:?\s*", RegexOptions.CultureInvariant)]
    private static partial Regex Qualifier();

    [GeneratedRegex(@"IMO\s*(\d{7})", RegexOptions.CultureInvariant)]
    private static partial Regex ImoNumber();
}
