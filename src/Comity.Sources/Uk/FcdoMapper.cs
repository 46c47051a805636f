using System.Xml.Linq;
using Comity.Core.Model;
using Comity.Core.Text;
using Comity.Sources.Abstractions;
using Comity.Sources.Building;

namespace Comity.Sources.Uk;

/// <summary>Maps one FCDO UK Sanctions List <c>Designation</c> element (from the XML, or rebuilt from the rows of
/// the 58-column CSV) to an entity (LIST-FORMATS §5.1, §5.2). Values are found by element local name anywhere
/// under the designation, so wrapper elements (<c>Names</c>, <c>IndividualDetails/Individual</c>, …) are optional.</summary>
internal static class FcdoMapper
{
    public const string Source = "gb-fcdo";
    public const string Authority = "Foreign, Commonwealth & Development Office (FCDO): UK Sanctions List";

    private static readonly string[] GivenElements = ["Name1", "Name2", "Name3", "Name4", "Name5"];
    private static readonly string[] AddressLines = ["AddressLine1", "AddressLine2", "AddressLine3", "AddressLine4", "AddressLine5", "AddressLine6"];

    /// <summary>Maps the element; null with a diagnostic when it has no UniqueID or no name.</summary>
    public static Entity? Map(XElement d, string file, string location, List<Diagnostic> diagnostics)
    {
        var id = Value(d, "UniqueID");
        if (id is null)
        {
            diagnostics.Add(new Diagnostic(file, location, "missing-id", "Designation without UniqueID skipped", DiagnosticSeverity.Error));
            return null;
        }

        var type = Value(d, "IndividualEntityShip");
        var schema = UkText.SchemaOf(type);
        if (schema is null)
        {
            diagnostics.Add(new Diagnostic(file, location, "unknown-type", $"IndividualEntityShip '{type}' not recognised; read as LegalEntity"));
        }

        var draft = new EntityDraft(Source, id, schema ?? Schema.LegalEntity);
        draft.AddTopic("sanction");
        draft.AddCrossReference("UKSL", id);
        draft.AddCrossReference("OFSI", Value(d, "OFSIGroupID"));
        foreach (var un in Values(d, "UNReferenceNumber"))
        {
            draft.AddCrossReference("UN", un);
        }

        AddNames(draft, d);
        if (draft.NameCount == 0)
        {
            diagnostics.Add(new Diagnostic(file, location, "no-name", $"Designation {id} has no name; skipped", DiagnosticSeverity.Error));
            return null;
        }

        draft.AddProgram(Value(d, "RegimeName"));
        draft.ListedOn = DateText.Single(Value(d, "DateDesignated") ?? string.Empty);
        if (DateText.Single(Value(d, "LastUpdated") ?? string.Empty) is { } updated)
        {
            draft.AddProperty("lastUpdated", updated.ToString());
        }

        draft.AddProperty("designationSource", Value(d, "DesignationSource"));
        draft.AddProperty("sanctionsImposed", Value(d, "SanctionsImposed"));
        draft.AddRemark(Value(d, "OtherInformation"));
        draft.AddRemark(Value(d, "UKStatementofReasons"));
        AddPerson(draft, d, file, location, diagnostics);
        AddContacts(draft, d);
        AddEntityAndShip(draft, d);
        return draft.Build();
    }

    /// <summary>The cleaned text of the first descendant with this local name.</summary>
    public static string? Value(XElement e, string localName) => Values(e, localName).FirstOrDefault();

    /// <summary>The cleaned, non-empty texts of every descendant with this local name.</summary>
    public static IEnumerable<string> Values(XElement e, string localName) =>
        e.Descendants().Where(x => x.Name.LocalName == localName).Select(x => TextValue.Clean(x.Value)).OfType<string>();

    private static IEnumerable<XElement> All(XElement e, string localName) => e.Descendants().Where(x => x.Name.LocalName == localName);

    private static void AddNames(EntityDraft draft, XElement d)
    {
        var person = draft.Schema == Schema.Person;
        foreach (var n in All(d, "Name").Where(n => n.HasElements))
        {
            var kind = Value(n, "NameType")?.ToUpperInvariant() switch
            {
                "PRIMARY NAME" => NameKind.Primary,
                _ => NameKind.Alias,
            };
            if (kind == NameKind.Alias && Value(n, "AliasStrength") is { } strength && strength.StartsWith("Low", StringComparison.OrdinalIgnoreCase))
            {
                kind = NameKind.WeakAlias;
            }

            var given = GivenElements.Select(g => Value(n, g)).ToList();
            var name = UkText.Name(person ? given : [], Value(n, "Name6"), kind, null);
            draft.AddName(person || name is null ? name : name with { Parts = null });
        }

        foreach (var n in All(d, "NonLatinName"))
        {
            if (Value(n, "NameNonLatinScript") is { } script)
            {
                draft.AddName(new EntityName(script, NameKind.Alias, null,
                    UkText.ScriptLanguage(Value(n, "NonLatinScriptLanguage"), Value(n, "NonLatinScriptType"), script)));
            }
        }

        draft.EnsurePrimary();
        foreach (var title in Values(d, "Title"))
        {
            draft.AddTitle(title);
        }
    }

    private static void AddPerson(EntityDraft draft, XElement d, string file, string location, List<Diagnostic> diagnostics)
    {
        foreach (var dob in Values(d, "DOB"))
        {
            if (DateText.Parse(dob) is { } date)
            {
                draft.AddBirthDate(date);
            }
            else
            {
                diagnostics.Add(new Diagnostic(file, location, "bad-date", $"DOB '{dob}' not understood; kept as property"));
                draft.AddProperty("birthDate", dob);
            }
        }

        foreach (var nationality in Values(d, "Nationality"))
        {
            if (UkText.Country(nationality) is { } iso)
            {
                draft.AddNationality(iso);
            }
            else
            {
                draft.AddProperty("nationality", nationality);
            }
        }

        foreach (var gender in Values(d, "Gender"))
        {
            if (draft.Gender == Gender.Unknown)
            {
                draft.Gender = UkText.Gender(gender);
            }
        }

        foreach (var position in Values(d, "Position"))
        {
            draft.AddTitle(position);
        }

        foreach (var p in All(d, "Passport"))
        {
            if (Value(p, "PassportNumber") is { } number)
            {
                draft.AddIdentifier(new Identifier(IdentifierType.Passport, number, null, Value(p, "PassportAdditionalInformation")));
            }
        }

        foreach (var n in All(d, "NationalIdentifier"))
        {
            if (Value(n, "NationalIdentifierNumber") is { } number)
            {
                draft.AddIdentifier(new Identifier(IdentifierType.NationalId, number, null, Value(n, "NationalIdentifierAdditionalInformation")));
            }
        }

        foreach (var l in All(d, "Location"))
        {
            var town = Value(l, "TownOfBirth");
            var country = Value(l, "CountryOfBirth");
            var text = town is null ? country : country is null ? town : $"{town}, {country}";
            if (text is not null)
            {
                draft.AddBirthPlace(new Place(text, UkText.Country(country)));
            }
        }
    }

    private static void AddContacts(EntityDraft draft, XElement d)
    {
        foreach (var a in All(d, "Address"))
        {
            var lines = AddressLines.Select(l => Value(a, l)).OfType<string>().ToList();
            var postal = Value(a, "AddressPostalCode");
            var country = Value(a, "AddressCountry");
            var parts = lines.Concat(new[] { postal, country }.OfType<string>()).ToList();
            if (parts.Count > 0)
            {
                draft.AddAddress(new Address(string.Join(", ", parts), lines.Count > 0 ? lines[0] : null, null, null, postal, UkText.Country(country)));
            }
        }

        foreach (var v in Values(d, "PhoneNumber"))
        {
            draft.AddIdentifier(new Identifier(IdentifierType.Phone, v));
        }

        foreach (var v in Values(d, "EmailAddress"))
        {
            draft.AddIdentifier(new Identifier(IdentifierType.Email, v));
        }

        foreach (var v in Values(d, "Website"))
        {
            draft.AddIdentifier(new Identifier(IdentifierType.Website, v));
        }
    }

    private static void AddEntityAndShip(EntityDraft draft, XElement d)
    {
        foreach (var v in Values(d, "BusinessRegistrationNumber"))
        {
            draft.AddIdentifier(new Identifier(IdentifierType.Registration, v));
        }

        foreach (var v in Values(d, "IMONumber"))
        {
            var imo = Identifier.NormalizeValue(v);
            draft.AddCrossReference("IMO", imo);
            draft.AddIdentifier(new Identifier(IdentifierType.Imo, imo));
        }

        (string Element, string Property)[] properties =
        [
            ("TypeOfEntity", "legalForm"), ("ParentCompany", "parent"), ("Subsidiary", "subsidiaries"),
            ("CurrentOwnerOperator", "owner"), ("PreviousOwnerOperator", "pastOwner"), ("CurrentBelievedFlagOfShip", "flag"),
            ("PreviousFlag", "pastFlags"), ("TypeOfShip", "type"), ("TonnageOfShip", "tonnage"), ("LengthOfShip", "length"),
            ("YearBuilt", "buildDate"), ("HullIdentificationNumber", "hullIdentificationNumber"),
        ];
        foreach (var (element, property) in properties)
        {
            foreach (var v in Values(d, element))
            {
                draft.AddProperty(property, v);
            }
        }
    }
}
