using Comity.Core.Model;

namespace Comity.Server.Yente;

/// <summary>An entity's FtM properties: every value a string, every property a list, absent ones omitted.</summary>
internal static class FtmProperties
{
    /// <summary>The FtM property an identifier type is written under.</summary>
    public static string PropertyOf(IdentifierType type) => type switch
    {
        IdentifierType.Passport => "passportNumber",
        IdentifierType.NationalId => "idNumber",
        IdentifierType.TaxId => "taxNumber",
        IdentifierType.Registration => "registrationNumber",
        IdentifierType.Imo => "imoNumber",
        IdentifierType.Mmsi => "mmsi",
        IdentifierType.CallSign => "callSign",
        IdentifierType.AircraftSerial => "serialNumber",
        IdentifierType.SwiftBic => "swiftBic",
        IdentifierType.Lei => "leiCode",
        IdentifierType.CryptoAddress => "cryptoWallet",
        IdentifierType.Email => "email",
        IdentifierType.Phone => "phone",
        IdentifierType.Website => "website",
        IdentifierType.UnReference => "unscId",
        _ => "idNumber",
    };

    /// <summary>The properties of <paramref name="e"/> in a stable order.</summary>
    public static List<KeyValuePair<string, List<string>>> Of(Entity e)
    {
        var props = new List<KeyValuePair<string, List<string>>>();
        void Add(string name, string? value)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return;
            }

            foreach (var kv in props)
            {
                if (string.Equals(kv.Key, name, StringComparison.Ordinal))
                {
                    if (!kv.Value.Contains(value, StringComparer.Ordinal))
                    {
                        kv.Value.Add(value);
                    }

                    return;
                }
            }

            props.Add(new(name, [value]));
        }

        foreach (var n in e.Names)
        {
            Add(n.Kind switch
            {
                NameKind.Alias => "alias",
                NameKind.WeakAlias => "weakAlias",
                NameKind.Former => "previousName",
                _ => "name",
            }, n.Full);
        }

        if (!e.Names.IsDefaultOrEmpty && e.Names.FirstOrDefault(n => n.Kind == NameKind.Primary)?.Parts is { } p)
        {
            Add("firstName", p.Given);
            Add("middleName", p.Middle);
            Add("lastName", p.Family);
            Add("fatherName", p.Patronymic);
            Add("title", p.Title);
        }

        foreach (var d in e.BirthDates)
        {
            if (d.Calendar == CalendarKind.Gregorian)
            {
                Add("birthDate", d.From.ToString());
                if (d.To is { } to && to != d.From)
                {
                    Add("birthDate", to.ToString());
                }
            }
        }

        foreach (var b in e.BirthPlaces)
        {
            Add("birthPlace", b.Text);
            Add("birthCountry", b.Country);
        }

        foreach (var c in e.Nationalities)
        {
            Add("nationality", c);
        }

        foreach (var c in e.Citizenships)
        {
            Add("citizenship", c);
        }

        if (e.Gender != Gender.Unknown)
        {
            Add("gender", e.Gender switch { Gender.Male => "male", Gender.Female => "female", _ => "other" });
        }

        foreach (var a in e.Addresses)
        {
            Add("address", a.Full);
            Add("country", a.Country);
        }

        foreach (var id in e.Identifiers)
        {
            Add(PropertyOf(id.Type), id.Value);
        }

        foreach (var t in e.Topics)
        {
            Add("topics", t);
        }

        foreach (var prog in e.Programs)
        {
            Add("programId", prog);
        }

        foreach (var t in e.Titles)
        {
            Add("position", t);
        }

        if (e.ListedOn is { } listed)
        {
            Add("createdAt", listed.ToString());
        }

        Add("notes", e.Remarks);
        foreach (var x in e.Properties)
        {
            Add(x.Name, x.Value);
        }

        return props;
    }
}
