using Comity.Core.Model;
using Comity.Core.Text;
using Comity.Sources.Building;

namespace Comity.Sources.Ftm;

/// <summary>Maps the properties of a matchable FtM entity (Person, Organization, Company, LegalEntity, PublicBody, Vessel,
/// Airplane) onto an <see cref="EntityDraft"/>.</summary>
internal static class FtmEntityBuilder
{
    private static readonly (string Property, IdentifierType Type)[] IdentifierProperties =
    [
        ("passportNumber", IdentifierType.Passport),
        ("idNumber", IdentifierType.NationalId),
        ("registrationNumber", IdentifierType.Registration),
        ("taxNumber", IdentifierType.TaxId),
        ("vatCode", IdentifierType.TaxId),
        ("innCode", IdentifierType.TaxId),
        ("ogrnCode", IdentifierType.Registration),
        ("imoNumber", IdentifierType.Imo),
        ("mmsi", IdentifierType.Mmsi),
        ("callSign", IdentifierType.CallSign),
        ("serialNumber", IdentifierType.AircraftSerial),
        ("swiftBic", IdentifierType.SwiftBic),
        ("leiCode", IdentifierType.Lei),
        ("email", IdentifierType.Email),
        ("phone", IdentifierType.Phone),
        ("website", IdentifierType.Website),
    ];

    private static readonly string[] KeptProperties =
        ["flag", "buildDate", "type", "status", "sourceUrl", "incorporationDate", "jurisdiction", "legalForm", "tonnage", "model", "operator", "owner"];

    /// <summary>The Comity schema of an FtM schema name, or null for schemata that are not screened.</summary>
    public static Schema? SchemaOf(string ftm) => ftm switch
    {
        "Person" => Schema.Person,
        "Organization" or "PublicBody" => Schema.Organization,
        "Company" => Schema.Company,
        "LegalEntity" => Schema.LegalEntity,
        "Vessel" => Schema.Vessel,
        "Airplane" => Schema.Airplane,
        _ => null,
    };

    public static EntityDraft Build(FtmRecord r, string source, Schema schema)
    {
        var d = new EntityDraft(source, r.Id, schema);
        var parts = new NameParts(
            Given: Single(r, "firstName"),
            Middle: Single(r, "middleName") ?? Single(r, "secondName"),
            Family: Single(r, "lastName"),
            Patronymic: Single(r, "fatherName"));
        var names = r.Values("name").ToList();
        if (r.Caption is { } caption && names.Remove(caption))
        {
            names.Insert(0, caption);
        }

        if (names.Count == 0 && !parts.IsEmpty)
        {
            names.Add(string.Join(' ', new[] { parts.Given, parts.Middle, parts.Patronymic, parts.Family }.OfType<string>()));
        }

        if (names.Count == 0 && r.Caption is not null)
        {
            names.Add(r.Caption);
        }

        for (var i = 0; i < names.Count; i++)
        {
            d.AddName(names[i], NameKind.Primary, names.Count == 1 ? parts : null);
        }

        foreach (var a in r.Values("alias"))
        {
            d.AddName(a, NameKind.Alias);
        }

        foreach (var a in r.Values("previousName"))
        {
            d.AddName(a, NameKind.Former);
        }

        foreach (var a in r.Values("weakAlias"))
        {
            d.AddName(a, NameKind.WeakAlias);
        }

        foreach (var b in r.Values("birthDate"))
        {
            if (IsoDate(b) is { } date)
            {
                d.AddBirthDate(new FuzzyDate(date, Raw: b));
            }
        }

        foreach (var p in r.Values("birthPlace"))
        {
            d.AddBirthPlace(p);
        }

        foreach (var n in r.Values("nationality"))
        {
            d.TryAddNationality(n);
        }

        foreach (var n in r.Values("citizenship"))
        {
            d.TryAddCitizenship(n);
        }

        foreach (var c in r.Values("country"))
        {
            if (Countries.Resolve(c) is { } iso)
            {
                d.AddAddress(new Address(Countries.NameOf(iso), Country: iso));
            }
        }

        foreach (var a in r.Values("address"))
        {
            d.AddAddress(new Address(a));
        }

        d.Gender = Single(r, "gender") switch
        {
            "male" => Gender.Male,
            "female" => Gender.Female,
            "other" => Gender.Other,
            _ => Gender.Unknown,
        };
        foreach (var (property, type) in IdentifierProperties)
        {
            foreach (var v in r.Values(property))
            {
                d.AddIdentifier(type, v, null, property);
                if (type == IdentifierType.Imo)
                {
                    d.AddCrossReference("IMO", Identifier.NormalizeValue(v));
                }
            }
        }

        foreach (var t in r.Values("topics"))
        {
            d.AddTopic(t);
        }

        var programIds = r.Values("programId");
        foreach (var p in programIds)
        {
            d.AddProgram(p);
        }

        foreach (var p in r.Values("program"))
        {
            if (programIds.Count == 0)
            {
                d.AddProgram(p);
            }

            d.AddProperty("program", p);
        }

        foreach (var n in r.Values("notes"))
        {
            d.AddRemark(n);
        }

        foreach (var t in r.Values("position").Concat(r.Values("title")))
        {
            d.AddTitle(t);
        }

        foreach (var p in KeptProperties)
        {
            foreach (var v in r.Values(p))
            {
                d.AddProperty(p, v);
            }
        }

        foreach (var referent in r.Referents)
        {
            d.AddCrossReference("FTM", referent);
        }

        foreach (var ds in r.Datasets)
        {
            d.AddProperty("datasets", ds);
        }

        d.AddProperty("first_seen", r.FirstSeen);
        d.AddProperty("last_change", r.LastChange);
        return d;
    }

    /// <summary>An ISO date prefix (<c>1971</c>, <c>1971-03</c>, <c>1971-03-14</c>, or a timestamp), or null.</summary>
    public static PartialDate? IsoDate(string text)
    {
        var t = TextValue.Clean(text);
        if (t is null)
        {
            return null;
        }

        if (t.Length > 10)
        {
            t = t[..10];
        }

        return PartialDate.TryParseIso(t, out var d) ? d : null;
    }

    private static string? Single(FtmRecord r, string property) =>
        r.Values(property) is [var only] ? TextValue.Clean(only) : null;
}
