using Comity.Core.Model;
using Comity.Core.Text;
using Comity.Sources.Building;
using Comity.Sources.Common;

namespace Comity.Sources.OfacEnhanced;

/// <summary>Applies one OFAC feature (enhanced or advanced XML), identified by its label (<c>Birthdate</c>,
/// <c>Place of Birth</c>, <c>Nationality Country</c>, <c>Vessel Flag</c>, <c>Digital Currency Address - XBT</c>, …), to an
/// entity draft.</summary>
internal static class OfacFeatures
{
    /// <param name="label">The feature type label, resolved from the file's own value set.</param>
    /// <param name="text">The feature's text or resolved lookup value.</param>
    /// <param name="date">The feature's date, if it has one.</param>
    /// <param name="country">A resolved ISO alpha-2 country for country features or places.</param>
    public static void Apply(EntityDraft d, string label, string? text, FuzzyDate? date, string? country)
    {
        var l = label.Trim();
        switch (l)
        {
            case "Birthdate":
                d.AddBirthDate(date);
                return;
            case "Place of Birth":
                d.AddBirthPlace(text, country);
                return;
            case "Nationality Country":
                if (country is not null)
                {
                    d.TryAddNationality(country);
                }
                else
                {
                    d.TryAddNationality(text);
                }

                return;
            case "Citizenship Country":
                if (country is not null)
                {
                    d.TryAddCitizenship(country);
                }
                else
                {
                    d.TryAddCitizenship(text);
                }

                return;
            case "Gender":
                d.Gender = text switch
                {
                    "Male" => Gender.Male,
                    "Female" => Gender.Female,
                    _ => d.Gender,
                };
                return;
            case "Vessel Flag":
                d.AddProperty("flag", country ?? (text is null ? null : Countries.Resolve(text) ?? text));
                return;
            case "Former Vessel Flag":
                d.AddProperty("pastFlags", country ?? (text is null ? null : Countries.Resolve(text) ?? text));
                return;
            case "VESSEL TYPE" or "Vessel Type":
                d.AddProperty("type", text);
                return;
            case "Vessel Tonnage":
                d.AddProperty("tonnage", text);
                return;
            case "Vessel Gross Registered Tonnage":
                d.AddProperty("grossRegisteredTonnage", text);
                return;
            case "Vessel Owner":
                d.AddProperty("owner", text);
                return;
            case "Aircraft Model":
                d.AddProperty("model", text);
                return;
            case "Aircraft Operator":
                d.AddProperty("operator", text);
                return;
            case "Aircraft Manufacture Date":
                d.AddProperty("buildDate", date?.From.ToString() ?? text);
                return;
            case "Organization Established Date":
                d.AddProperty("incorporationDate", date?.From.ToString() ?? text);
                return;
            case "Title":
                d.AddTitle(text);
                return;
            case "Nationality of Registration":
                d.AddProperty("jurisdiction", country ?? text);
                return;
            default:
                break;
        }

        if (IdentifierLabels.FromLabel(l) is { } type)
        {
            var note = l.StartsWith("Digital Currency Address", StringComparison.Ordinal) ? l : null;
            d.AddIdentifier(type, text, type is IdentifierType.Imo or IdentifierType.Mmsi or IdentifierType.CallSign ? null : country, note ?? l);
            return;
        }

        var value = text ?? date?.ToString();
        if (value is not null)
        {
            d.AddProperty("info", l.TrimEnd(' ', '-', ':') + ": " + value);
        }
    }
}
