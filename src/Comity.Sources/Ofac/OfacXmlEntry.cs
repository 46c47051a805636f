using System.Xml.Linq;
using Comity.Core.Model;
using Comity.Core.Text;
using Comity.Sources.Abstractions;
using Comity.Sources.Building;

namespace Comity.Sources.Ofac;

/// <summary>Maps one classic XML <c>sdnEntry</c> to an <see cref="Entity"/> (LIST-FORMATS §1.2 mapping). Names are
/// written as in the CSV (<c>LAST, First</c> for individuals) so the two formats give the same entity.</summary>
internal static class OfacXmlEntry
{
    public static Entity? Map(XElement e, string source, string file, string location, List<Diagnostic> diagnostics)
    {
        var uid = Text(e, "uid");
        if (uid is null || !int.TryParse(uid, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _))
        {
            diagnostics.Add(new Diagnostic(file, location, "missing-id", $"uid '{uid}' is missing or not a number; entry skipped", DiagnosticSeverity.Error));
            return null;
        }

        var where = $"{location} uid={uid}";
        Schema? schema = Text(e, "sdnType") switch
        {
            "Individual" => Schema.Person,
            "Entity" => Schema.Organization,
            "Vessel" => Schema.Vessel,
            "Aircraft" => Schema.Airplane,
            _ => null,
        };
        var last = Text(e, "lastName");
        if (schema is null || last is null)
        {
            diagnostics.Add(new Diagnostic(file, where, "bad-row", schema is null ? $"unknown sdnType '{Text(e, "sdnType")}'; entry skipped" : "no lastName; entry skipped", DiagnosticSeverity.Error));
            return null;
        }

        var d = new EntityDraft(source, uid, schema.Value);
        d.AddTopic("sanction");
        d.AddCrossReference("OFAC", uid);
        d.AddName(Name(last, Text(e, "firstName"), NameKind.Primary, schema.Value));
        if (Text(e, "title") is { } title)
        {
            d.AddTitle(title);
        }

        d.AddRemark(Text(e, "remarks"));
        Action<string> badDate = item => diagnostics.Add(new Diagnostic(file, where, "bad-date", $"date not understood: '{item}'"));
        foreach (var child in e.Elements())
        {
            switch (child.Name.LocalName)
            {
                case "programList":
                    foreach (var p in Items(child, "program"))
                    {
                        d.AddProgram(p.Value);
                    }
                    break;
                case "akaList":
                    foreach (var aka in Items(child, "aka"))
                    {
                        AddAka(d, aka);
                    }

                    break;
                case "idList":
                    foreach (var id in Items(child, "id"))
                    {
                        AddId(d, id, badDate);
                    }

                    break;
                case "addressList":
                    foreach (var a in Items(child, "address"))
                    {
                        AddAddress(d, a);
                    }

                    break;
                case "nationalityList":
                    AddCountries(d, child, "nationality", d.AddNationality, "nationalityText");
                    break;
                case "citizenshipList":
                    AddCountries(d, child, "citizenship", d.AddCitizenship, "citizenshipText");
                    break;
                case "dateOfBirthList":
                    foreach (var item in Items(child, "dateOfBirthItem"))
                    {
                        if (Text(item, "dateOfBirth") is { } dob)
                        {
                            var dates = DateText.ParseAlternatives(dob, out var failed);
                            d.AddBirthDates(dates);
                            if (failed.Count > 0)
                            {
                                badDate(dob);
                            }
                        }
                    }

                    break;
                case "placeOfBirthList":
                    foreach (var item in Items(child, "placeOfBirthItem"))
                    {
                        if (Text(item, "placeOfBirth") is { } pob)
                        {
                            var comma = pob.LastIndexOf(',');
                            d.AddBirthPlace(new Place(pob, Countries.Resolve(comma >= 0 ? pob[(comma + 1)..] : pob)));
                        }
                    }

                    break;
                case "vesselInfo":
                    AddVessel(d, child);
                    break;
                default:
                    break;
            }
        }

        return d.Build();
    }

    private static EntityName Name(string last, string? first, NameKind kind, Schema schema) =>
        first is null
            ? new EntityName(last, kind, schema == Schema.Person ? new NameParts(Family: last) : null)
            : new EntityName($"{last}, {first}", kind, new NameParts(Given: first, Family: last));

    private static void AddAka(EntityDraft d, XElement aka)
    {
        var last = Text(aka, "lastName");
        if (last is null)
        {
            return;
        }

        var weak = string.Equals(Text(aka, "category"), "weak", StringComparison.OrdinalIgnoreCase);
        var kind = weak ? NameKind.WeakAlias
            : Text(aka, "type") == "f.k.a." ? NameKind.Former
            : NameKind.Alias;
        var first = Text(aka, "firstName");

        // Weak aliases carry the whole string in lastName, commas included: no parts.
        d.AddName(weak && first is null ? new EntityName(last, kind) : Name(last, first, kind, d.Schema));
    }

    private static void AddId(EntityDraft d, XElement id, Action<string> badDate)
    {
        var type = Text(id, "idType");
        var number = Text(id, "idNumber");
        if (type is null || number is null)
        {
            return;
        }

        var countryText = Text(id, "idCountry");
        var item = $"{type} {number}";
        if (Text(id, "issueDate") is { } issued)
        {
            item += $" issued {issued}";
        }

        if (Text(id, "expirationDate") is { } expires)
        {
            item += $" expires {expires}";
        }

        if (OfacLabels.Match(item, out var rest) is { } label)
        {
            OfacRemarks.ApplyLabel(d, label, rest, badDate, countryText);
        }
        else
        {
            d.AddIdentifier(new Identifier(IdentifierType.Other, number, countryText is null ? null : Countries.Resolve(countryText), type));
        }
    }

    private static void AddAddress(EntityDraft d, XElement a)
    {
        var street = Join(Text(a, "address1"), Text(a, "address2"), Text(a, "address3"));
        var city = Text(a, "city");
        var region = Text(a, "stateOrProvince");
        var postal = Text(a, "postalCode");
        var country = Text(a, "country");
        var full = Join(street, city, region, postal, country);
        if (full is not null)
        {
            d.AddAddress(new Address(full, street, city, region, postal, country is null ? null : Countries.Resolve(country)));
        }
    }

    private static void AddCountries(EntityDraft d, XElement list, string element, Action<string> target, string property)
    {
        foreach (var item in Items(list, element))
        {
            if (Text(item, "country") is not { } country)
            {
                continue;
            }

            if (Countries.Resolve(country) is { } iso)
            {
                target(iso);
            }
            else
            {
                d.AddProperty(property, country);
            }
        }
    }

    private static void AddVessel(EntityDraft d, XElement v)
    {
        if (Text(v, "callSign") is { } callSign)
        {
            d.AddProperty("callSign", callSign);
            d.AddIdentifier(new Identifier(IdentifierType.CallSign, callSign));
        }

        d.AddProperty("vesselType", Text(v, "vesselType"));
        if (Text(v, "vesselFlag") is { } flag)
        {
            d.AddProperty("flag", Countries.Resolve(flag) ?? flag);
        }

        d.AddProperty("owner", Text(v, "vesselOwner"));
        d.AddProperty("tonnage", Text(v, "tonnage"));
        d.AddProperty("grossRegisteredTonnage", Text(v, "grossRegisteredTonnage"));
    }

    private static IEnumerable<XElement> Items(XElement parent, string name) =>
        parent.Elements().Where(c => c.Name.LocalName == name);

    private static string? Join(params string?[] parts)
    {
        var present = parts.OfType<string>().ToArray();
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
}
