using System.Text.RegularExpressions;
using System.Xml.Linq;
using Comity.Core.Model;
using Comity.Core.Text;
using Comity.Sources.Abstractions;
using Comity.Sources.Building;

namespace Comity.Sources.Un;

/// <summary>Maps one UN INDIVIDUAL or ENTITY element to an <see cref="Entity"/> (LIST-FORMATS §3 mapping).</summary>
internal static partial class UnRecord
{
    private static readonly string[] NotAvailable = ["na", "n/a", "unknown"];

    private static readonly string[] NameElements = ["FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME"];

    public static Entity? Map(XElement e, bool individual, string file, string location, List<Diagnostic> diagnostics)
    {
        var reference = Text(e, "REFERENCE_NUMBER");
        var dataId = Text(e, "DATAID");
        if (reference is null)
        {
            diagnostics.Add(new Diagnostic(file, location, "missing-id", $"no REFERENCE_NUMBER (DATAID {dataId ?? "?"}); skipped", DiagnosticSeverity.Error));
            return null;
        }

        var where = $"{location} REFERENCE_NUMBER={reference}";
        var name = JoinNames(e);
        if (name is null)
        {
            diagnostics.Add(new Diagnostic(file, where, "missing-name", "no FIRST_NAME..FOURTH_NAME; skipped", DiagnosticSeverity.Error));
            return null;
        }

        var d = new EntityDraft(UnXmlReader.SourceName, reference, individual ? Schema.Person : Schema.Organization);
        d.AddTopic("sanction");
        d.AddName(new EntityName(name, NameKind.Primary));
        d.AddCrossReference("UN", reference);
        d.AddIdentifier(new Identifier(IdentifierType.UnReference, reference));
        d.AddProperty("dataid", dataId);
        if (Text(e, "NAME_ORIGINAL_SCRIPT") is { } original)
        {
            d.AddName(new EntityName(original, NameKind.Alias, Language: "original"));
        }

        if (Text(e, "UN_LIST_TYPE") is { } program)
        {
            d.AddProgram(program);
        }

        if (Text(e, "LISTED_ON") is { } listed)
        {
            if (DateText.Single(listed) is { } listedOn)
            {
                d.ListedOn = listedOn;
            }
            else
            {
                diagnostics.Add(new Diagnostic(file, where, "bad-date", $"LISTED_ON '{listed}' is not a date"));
            }
        }

        d.Gender = Text(e, "GENDER") switch
        {
            "Male" => Gender.Male,
            "Female" => Gender.Female,
            _ => Gender.Unknown,
        };
        d.AddRemark(Text(e, "COMMENTS1"));
        foreach (var title in Values(e, "TITLE").Concat(Values(e, "DESIGNATION")))
        {
            d.AddTitle(title);
        }
        foreach (var n in Values(e, "NATIONALITY"))
        {
            if (TextValue.Clean(n, NotAvailable) is null)
            {
                // "na" means not available here, not Namibia.
                continue;
            }

            if (Countries.Resolve(n) is { } iso)
            {
                d.AddNationality(iso);
            }
            else
            {
                d.AddProperty("nationalityText", n);
            }
        }

        var updated = Values(e, "LAST_DAY_UPDATED").Select(v => DateText.Single(v)).OfType<PartialDate>().ToList();
        if (updated.Count > 0)
        {
            d.AddProperty("modifiedAt", updated.Max().ToString());
        }

        foreach (var child in e.Elements())
        {
            switch (child.Name.LocalName)
            {
                case "INDIVIDUAL_ALIAS":
                case "ENTITY_ALIAS":
                    AddAlias(d, child, file, where, diagnostics);
                    break;
                case "INDIVIDUAL_DATE_OF_BIRTH":
                    AddBirthDate(d, child, file, where, diagnostics);
                    break;
                case "INDIVIDUAL_PLACE_OF_BIRTH":
                    AddPlace(d, Text(child, "STREET"), Text(child, "CITY"), Text(child, "STATE_PROVINCE"), Text(child, "COUNTRY"));
                    break;
                case "INDIVIDUAL_ADDRESS":
                case "ENTITY_ADDRESS":
                    AddAddress(d, child);
                    break;
                case "INDIVIDUAL_DOCUMENT":
                    AddDocument(d, child);
                    break;
                default:
                    break;
            }
        }

        return d.Build();
    }

    private static string? JoinNames(XElement e)
    {
        var parts = NameElements
            .Select(n => Text(e, n))
            .OfType<string>()
            .ToList();
        return parts.Count == 0 ? null : string.Join(' ', parts);
    }

    private static void AddAlias(EntityDraft d, XElement alias, string file, string where, List<Diagnostic> diagnostics)
    {
        var name = Text(alias, "ALIAS_NAME");
        if (name is null)
        {
            return;
        }

        var kind = Text(alias, "QUALITY") switch
        {
            "Low" => NameKind.WeakAlias,
            "f.k.a." => NameKind.Former,
            _ => NameKind.Alias,
        };
        // Some ALIAS_NAME elements hold several spellings separated by semicolons ("Halen Bakhtiar; Haleh Bakhtiari").
        foreach (var one in name.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            d.AddName(new EntityName(one, kind));
        }

        if (Text(alias, "DATE_OF_BIRTH") is { } dob)
        {
            if (DateText.Parse(dob) is { } date)
            {
                d.AddBirthDate(date);
            }
            else
            {
                diagnostics.Add(new Diagnostic(file, where, "bad-date", $"alias DATE_OF_BIRTH '{dob}' is not a date"));
            }
        }

        AddPlace(d, null, Text(alias, "CITY_OF_BIRTH"), null, Text(alias, "COUNTRY_OF_BIRTH"));
    }

    private static void AddBirthDate(EntityDraft d, XElement dob, string file, string where, List<Diagnostic> diagnostics)
    {
        var type = Text(dob, "TYPE_OF_DATE");
        var note = Text(dob, "NOTE");
        var circa = type == "APPROXIMATELY" || (note is not null && note.StartsWith("Approximately", StringComparison.OrdinalIgnoreCase));
        FuzzyDate? result = null;
        string? raw = null;
        if (Text(dob, "DATE") is { } date)
        {
            raw = date;
            result = DateText.Single(date) is { } p ? new FuzzyDate(p, null, circa, CalendarKind.Gregorian, date) : null;
        }
        else if (Text(dob, "YEAR") is { } year)
        {
            raw = year;
            result = DateText.Single(year) is { } p ? new FuzzyDate(p, null, circa, CalendarKind.Gregorian, year) : null;
        }
        else if (Text(dob, "FROM_YEAR") is { } from && Text(dob, "TO_YEAR") is { } to)
        {
            raw = $"{from} to {to}";
            result = DateText.Single(from) is { } a && DateText.Single(to) is { } b
                ? new FuzzyDate(a <= b ? a : b, a <= b ? b : a, circa, CalendarKind.Gregorian, raw)
                : null;
        }
        else if (note is not null)
        {
            raw = note;
            result = ParseNote(note, circa);
        }

        if (result is not null)
        {
            d.AddBirthDate(result);
        }
        else if (raw is not null)
        {
            diagnostics.Add(new Diagnostic(file, where, "bad-date", $"date of birth '{raw}' could not be read; skipped"));
        }
    }

    /// <summary>A NOTE-only date: Hijri notes (<c>24/06/1402 (Hijri Calendar)</c>) stay in the Islamic calendar;
    /// anything else goes through <see cref="DateText.Parse"/>.</summary>
    internal static FuzzyDate? ParseNote(string note, bool circa)
    {
        var hijri = note.IndexOf("Hijri", StringComparison.OrdinalIgnoreCase);
        if (hijri >= 0)
        {
            var text = note[..hijri].TrimEnd(' ', '(');
            return DateText.Single(text) is { } h ? new FuzzyDate(h, null, circa, CalendarKind.Islamic, note) : null;
        }

        if (DateText.Parse(note) is { } g)
        {
            return g with { Circa = g.Circa || circa };
        }

        // "Between Aug. and Sep. 1977": the first month borrows the year of the second.
        var months = MonthsOfOneYear().Match(note);
        if (months.Success && DateText.Single($"{months.Groups[1].Value} {months.Groups[3].Value}") is { } a
            && DateText.Single($"{months.Groups[2].Value} {months.Groups[3].Value}") is { } b && a <= b)
        {
            return new FuzzyDate(a, b, circa, CalendarKind.Gregorian, note);
        }

        return null;
    }

    private static void AddPlace(EntityDraft d, string? street, string? city, string? region, string? country)
    {
        var text = Join(street, city, region, country);
        if (text is not null)
        {
            d.AddBirthPlace(new Place(text, country is null ? null : Countries.Resolve(country)));
        }
    }

    private static void AddAddress(EntityDraft d, XElement a)
    {
        var street = Text(a, "STREET");
        var city = Text(a, "CITY");
        var region = Text(a, "STATE_PROVINCE");
        var zip = Text(a, "ZIP_CODE");
        var country = Text(a, "COUNTRY");
        var full = Join(street, city, region, zip, country);
        if (full is not null)
        {
            d.AddAddress(new Address(full, street, city, region, zip, country is null ? null : Countries.Resolve(country)));
        }
    }

    private static void AddDocument(EntityDraft d, XElement doc)
    {
        var number = Text(doc, "NUMBER");
        if (number is null)
        {
            return;
        }

        var typeText = Text(doc, "TYPE_OF_DOCUMENT");
        var type = DocumentType(typeText);
        var countryText = Text(doc, "ISSUING_COUNTRY") ?? Text(doc, "COUNTRY_OF_ISSUE");
        var country = countryText is null ? null : Countries.Resolve(countryText);
        var issued = Text(doc, "DATE_OF_ISSUE");
        var note = Join(
            type == IdentifierType.Other ? typeText : null,
            Text(doc, "TYPE_OF_DOCUMENT2"),
            issued is null ? null : $"issued {issued}",
            Text(doc, "CITY_OF_ISSUE"),
            Text(doc, "NOTE"));
        d.AddIdentifier(new Identifier(type, number, country, note));
    }

    internal static IdentifierType DocumentType(string? type)
    {
        if (type is null)
        {
            return IdentifierType.Other;
        }

        if (type.Contains("passport", StringComparison.OrdinalIgnoreCase) || type.Contains("pasaporte", StringComparison.OrdinalIgnoreCase)
            || type.Contains("passeport", StringComparison.OrdinalIgnoreCase))
        {
            return IdentifierType.Passport;
        }

        return type.StartsWith("National Identification", StringComparison.OrdinalIgnoreCase)
            ? IdentifierType.NationalId
            : IdentifierType.Other;
    }

    private static string? Join(params string?[] parts)
    {
        var present = parts.Where(p => p is not null).ToArray();
        return present.Length == 0 ? null : string.Join(", ", present);
    }

    private static string? Text(XElement parent, string name)
    {
        foreach (var child in parent.Elements())
        {
            if (child.Name.LocalName == name)
            {
                return TextValue.Clean(child.Value);
            }
        }

        return null;
    }

    private static IEnumerable<string> Values(XElement parent, string name) =>
        parent.Elements()
            .Where(c => c.Name.LocalName == name)
            .SelectMany(c => c.Elements())
            .Select(v => TextValue.Clean(v.Value))
            .OfType<string>();

    [GeneratedRegex(@"^between\s+([a-z]{3,9})\.?\s+and\s+([a-z]{3,9})\.?\s+(\d{4})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MonthsOfOneYear();
}
