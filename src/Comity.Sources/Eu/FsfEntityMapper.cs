using System.Globalization;
using System.Xml.Linq;
using Comity.Core.Model;
using Comity.Core.Text;
using Comity.Sources.Abstractions;
using Comity.Sources.Building;
using Comity.Sources.Common;

namespace Comity.Sources.Eu;

/// <summary>Maps one FSF 1.1 <c>sanctionEntity</c> element (read from the XML, or rebuilt from CSV rows) to an
/// <see cref="Entity"/> (LIST-FORMATS §4.1).</summary>
internal static class FsfEntityMapper
{
    public const string Source = "eu-fsf";
    public const string Authority = "European Commission (Financial Sanctions Files)";

    private static readonly string[] CountrySentinels = ["00", "UNKNOWN"];

    /// <summary>Maps the element; returns null and adds a diagnostic when the record is unusable.</summary>
    public static Entity? Map(XElement entity, string file, string location, List<Diagnostic> diagnostics)
    {
        var logicalId = entity.Attr("logicalId");
        if (logicalId is null)
        {
            diagnostics.Add(new Diagnostic(file, location, "missing-id", "sanctionEntity without logicalId skipped", DiagnosticSeverity.Error));
            return null;
        }

        var aliases = entity.Els("nameAlias").ToList();
        if (aliases.Count == 0)
        {
            diagnostics.Add(new Diagnostic(file, location, "no-name", $"sanctionEntity {logicalId} has no nameAlias; skipped", DiagnosticSeverity.Error));
            return null;
        }

        var draft = new EntityDraft(Source, logicalId, SchemaOf(entity, file, location, diagnostics));
        draft.AddTopic("sanction");
        draft.AddCrossReference("EU", entity.Attr("euReferenceNumber"));
        draft.AddCrossReference("UN", entity.Attr("unitedNationId"));
        if (DateText.Single(entity.Attr("designationDate") ?? string.Empty) is { } listed)
        {
            draft.ListedOn = listed;
        }

        draft.AddProperty("designationDetails", entity.Attr("designationDetails"));
        draft.AddProperty("delistingDate", entity.Attr("delistingDate"));
        draft.AddRemark(FsfNames.Remark(entity));
        foreach (var info in entity.Els("additionalInformation"))
        {
            draft.AddProperty(info.Attr("key") ?? "additionalInformation", info.Attr("value") ?? TextValue.Clean(info.Value));
        }

        foreach (var regulation in entity.Els("regulation"))
        {
            draft.AddProgram(regulation.Attr("programme"));
            draft.AddProperty("regulation", regulation.Attr("numberTitle"));
        }

        AddNames(draft, aliases);
        foreach (var c in entity.Els("citizenship"))
        {
            draft.AddNationality(Country(c));
        }

        foreach (var b in entity.Els("birthdate"))
        {
            AddBirth(draft, b, file, location, diagnostics);
        }

        foreach (var a in entity.Els("address"))
        {
            AddAddress(draft, a);
        }

        foreach (var id in entity.Els("identification"))
        {
            AddIdentification(draft, id);
        }

        return draft.Build();
    }

    private static Schema SchemaOf(XElement entity, string file, string location, List<Diagnostic> diagnostics)
    {
        var subject = entity.El("subjectType");
        foreach (var value in new[] { subject?.Attr("classificationCode"), subject?.Attr("code") })
        {
            switch (value?.ToUpperInvariant())
            {
                case "P" or "PERSON":
                    return Schema.Person;
                case "E" or "ENTERPRISE":
                    return Schema.Organization;
                default:
                    break;
            }
        }

        diagnostics.Add(new Diagnostic(file, location, "unknown-type", $"subjectType '{subject?.Attr("classificationCode")}' not recognised; read as LegalEntity"));
        return Schema.LegalEntity;
    }

    private static void AddNames(EntityDraft draft, List<XElement> aliases)
    {
        var primary = FsfNames.ChoosePrimary(aliases);
        var order = new List<int> { primary };
        order.AddRange(Enumerable.Range(0, aliases.Count).Where(i => i != primary));
        foreach (var i in order)
        {
            var alias = aliases[i];
            draft.AddName(FsfNames.ToName(alias, i == primary));
            draft.AddTitle(alias.Attr("title"));
            draft.AddTitle(alias.Attr("function"));
            if (draft.Gender == Gender.Unknown)
            {
                draft.Gender = alias.Attr("gender") switch
                {
                    "M" => Gender.Male,
                    "F" => Gender.Female,
                    _ => Gender.Unknown,
                };
            }

            var remark = FsfNames.Remark(alias);
            if (remark is not null && FsfNames.QualityOf(remark) == FsfNames.Quality.None)
            {
                draft.AddRemark(remark);
            }
        }
    }

    private static void AddBirth(EntityDraft draft, XElement b, string file, string location, List<Diagnostic> diagnostics)
    {
        var date = BirthDate(b);
        if (date is not null)
        {
            draft.AddBirthDate(date);
        }
        else if (b.Attr("birthdate") is { } raw)
        {
            diagnostics.Add(new Diagnostic(file, location, "bad-date", $"birthdate '{raw}' not understood"));
        }

        var text = Join(", ", Clean(b.Attr("place")), Clean(b.Attr("city")), Clean(b.Attr("region")));
        var country = Country(b);
        if (text is null && country is not null)
        {
            text = b.Attr("countryDescription") ?? country;
        }

        if (text is not null)
        {
            draft.AddBirthPlace(new Place(text, country));
        }
    }

    /// <summary>The birth date of a birthdate element. Non-Gregorian entries with a Gregorian <c>birthdate</c> give
    /// that Gregorian date (the source's own text kept as Raw); without one they keep their own calendar, which is
    /// never compared with Gregorian dates.</summary>
    internal static FuzzyDate? BirthDate(XElement b)
    {
        var calendar = (b.Attr("calendarType") ?? "GREGORIAN").ToUpperInvariant();
        var circa = string.Equals(b.Attr("circa"), "true", StringComparison.OrdinalIgnoreCase);
        var iso = b.Attr("birthdate");
        var year = Int(b.Attr("year"));
        var month = Int(b.Attr("monthOfYear"));
        var day = Int(b.Attr("dayOfMonth"));
        var from = Int(b.Attr("yearRangeFrom"));
        var to = Int(b.Attr("yearRangeTo"));
        var parts = year > 0 ? PartsText(day, month, year) : null;

        if (calendar != "GREGORIAN")
        {
            var raw = $"{parts ?? iso} ({calendar.ToLowerInvariant()} calendar)";
            if (iso is not null && PartialDate.TryParseIso(iso, out var gregorian))
            {
                return new FuzzyDate(gregorian, null, circa, CalendarKind.Gregorian, raw);
            }

            return year > 0
                ? new FuzzyDate(new PartialDate(year, month, month > 0 ? day : 0), null, circa, calendar == "ISLAMIC" ? CalendarKind.Islamic : CalendarKind.Other, raw)
                : null;
        }

        if (iso is not null && PartialDate.TryParseIso(iso, out var exact))
        {
            return new FuzzyDate(exact, null, circa, CalendarKind.Gregorian, iso);
        }

        if (year > 0)
        {
            var month0 = month is >= 1 and <= 12 ? month : 0;
            var day0 = month0 > 0 && day >= 1 && day <= DateTime.DaysInMonth(year, month0) ? day : 0;
            return new FuzzyDate(new PartialDate(year, month0, day0), null, circa, CalendarKind.Gregorian, parts);
        }

        if (from > 0 || to > 0)
        {
            var lo = from > 0 ? from : to;
            var hi = to > 0 ? to : from;
            if (lo > hi)
            {
                (lo, hi) = (hi, lo);
            }

            var raw = string.Create(CultureInfo.InvariantCulture, $"{lo}-{hi}");
            return new FuzzyDate(new PartialDate(lo), lo == hi ? null : new PartialDate(hi), circa, CalendarKind.Gregorian, raw);
        }

        return null;
    }

    private static string PartsText(int day, int month, int year)
    {
        var d = day > 0 ? day.ToString("D2", CultureInfo.InvariantCulture) + "/" : string.Empty;
        var m = month > 0 ? month.ToString("D2", CultureInfo.InvariantCulture) + "/" : string.Empty;
        return d + m + year.ToString("D4", CultureInfo.InvariantCulture);
    }

    private static void AddAddress(EntityDraft draft, XElement a)
    {
        var street = a.Attr("street");
        var poBox = a.Attr("poBox");
        var city = a.Attr("city");
        var zip = a.Attr("zipCode");
        var region = a.Attr("region");
        var place = a.Attr("place");
        var country = Country(a);
        var countryName = country is null ? null : a.Attr("countryDescription");
        var full = Join(", ", street, poBox is null ? null : "P.O. Box " + poBox, place, city, zip, region, countryName);
        if (full is not null)
        {
            draft.AddAddress(new Address(full, street, city, region, zip, country));
        }

        draft.AddRemark(FsfNames.Remark(a));
        foreach (var contact in a.Els("contactInfo"))
        {
            var key = contact.Attr("key")?.ToUpperInvariant();
            var value = contact.Attr("value");
            if (value is null)
            {
                continue;
            }

            var type = key switch
            {
                "WEB" => IdentifierType.Website,
                "EMAIL" => IdentifierType.Email,
                "PHONE" or "FAX" => IdentifierType.Phone,
                _ => IdentifierType.Other,
            };
            var values = type is IdentifierType.Phone or IdentifierType.Email
                ? value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                : [value];
            foreach (var v in values)
            {
                draft.AddIdentifier(new Identifier(type, v, country, key == "FAX" ? "fax" : null));
            }
        }
    }

    private static void AddIdentification(EntityDraft draft, XElement id)
    {
        var number = id.Attr("number") ?? id.Attr("latinNumber");
        if (number is null)
        {
            return;
        }

        var type = id.Attr("identificationTypeCode")?.ToLowerInvariant() switch
        {
            "passport" => IdentifierType.Passport,
            "id" => IdentifierType.NationalId,
            "regnumber" => IdentifierType.Registration,
            "fiscalcode" => IdentifierType.TaxId,
            "swiftbic" => IdentifierType.SwiftBic,
            "imo" => IdentifierType.Imo,
            _ => IdentifierType.Other,
        };
        var flags = new[]
        {
            Flag(id, "diplomatic", "diplomatic"), Flag(id, "knownExpired", "known expired"), Flag(id, "knownFalse", "known false"),
            Flag(id, "reportedLost", "reported lost"), Flag(id, "revokedByIssuer", "revoked by issuer"),
        };
        var note = Join("; ",
            id.Attr("identificationTypeDescription"),
            id.Attr("issuedBy") is { } by ? "issued by " + by : null,
            id.Attr("region") is { } r ? "issued in " + r : null,
            id.Attr("issueDate") is { } issued ? "issued " + issued : null,
            id.Attr("validTo") is { } valid ? "valid to " + valid : null,
            id.Attr("nameOnDocument") is { } holder ? "name on document: " + holder : null,
            Join(", ", flags),
            FsfNames.Remark(id));
        var country = Country(id);
        draft.AddIdentifier(new Identifier(type, number, country, note));
        if (id.Attr("latinNumber") is { } latin && !string.Equals(latin, number, StringComparison.Ordinal))
        {
            draft.AddIdentifier(new Identifier(type, latin, country, note));
        }
    }

    private static string? Flag(XElement id, string attribute, string label) =>
        string.Equals(id.Attr(attribute), "true", StringComparison.OrdinalIgnoreCase) ? label : null;

    /// <summary>ISO alpha-2 (lowercase) of the element's country attributes; null for the <c>00</c>/UNKNOWN sentinel.</summary>
    private static string? Country(XElement element)
    {
        var code = TextValue.Clean(element.Attr("countryIso2Code"), CountrySentinels);
        if (code is not null && code.Length == 2 && char.IsAsciiLetter(code[0]) && char.IsAsciiLetter(code[1]))
        {
            return code.ToLowerInvariant();
        }

        var description = TextValue.Clean(element.Attr("countryDescription"), CountrySentinels);
        return description is null ? null : Countries.Resolve(description);
    }

    private static string? Clean(string? value) => TextValue.Clean(value, "-", "--", "UNKNOWN");

    private static int Int(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;

    private static string? Join(string separator, params string?[] parts)
    {
        var present = parts.Where(p => !string.IsNullOrWhiteSpace(p)).ToList();
        return present.Count == 0 ? null : string.Join(separator, present);
    }
}
